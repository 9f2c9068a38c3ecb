// Page object for the wellbeing note form.
import type { Page } from '@playwright/test';

export type Concern = 'none' | 'keep an eye' | 'talk to coordinator' | 'urgent';

/** The form shows each choice with a capital letter: "keep an eye" is the chip "Keep an eye". */
const label = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

export class NotePage {
  constructor(readonly page: Page) {}

  async write(body: string, focus: readonly string[] = []): Promise<void> {
    for (const area of focus) {
      await this.page
        .getByRole('group', { name: /What you talked about/ })
        .getByLabel(label(area), { exact: true })
        .check();
    }
    await this.page.getByLabel('Note', { exact: true }).fill(body);
  }

  async chooseConcern(concern: Concern): Promise<void> {
    // A click rather than check(): "urgent" leaves the form at once, so there is no radio left to see ticked.
    await this.page
      .getByRole('group', { name: /Concern level/ })
      .getByLabel(label(concern), { exact: true })
      .click();
  }

  async followUp(what: string, due: string): Promise<void> {
    await this.page.getByLabel('Follow-up (optional)').fill(what);
    await this.page.getByLabel('Follow up by').fill(due);
  }

  /**
   * Saves, and waits for the person's profile to say so. Their name alone would match the form's own heading ("Note
   * about Amy") at once, and a test going on from there meets the profile arriving late on a busy machine.
   */
  async save(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save note' }).click();
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await this.page.getByText('Note saved.', { exact: true }).waitFor();
  }
}
