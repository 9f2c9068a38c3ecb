// Page object for check-in: one tap per person, walk-ins, the live count, and the way to the feedback kiosk.
import type { Locator, Page } from '@playwright/test';

export class CheckInPage {
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.count = page.locator('.checkin-count');
  }

  /** Finds the person by name, as a facilitator does for anyone not expected, and checks them in. */
  async checkIn(name: string): Promise<void> {
    await this.search(name);
    await this.page.getByRole('button', { name: `Check in ${name}`, exact: true }).click();
    await this.undoButton(name).waitFor();
    await this.search('');
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Find a name' }).fill(text);
  }

  undoButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Undo check-in for ${name}` });
  }

  async openWalkIn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a walk-in' }).click();
    await this.page.getByRole('heading', { name: 'Add a walk-in' }).waitFor();
  }

  /** Fills the walk-in form; the caller saves it, so that the form can be checked while open. */
  async fillWalkIn(name: string, age: string, consent: boolean): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a walk-in' });
    await form.getByLabel('Name or alias').fill(name);
    await form
      .getByRole('group', { name: /Baby’s age/ })
      .getByLabel(age, { exact: true })
      .check();
    await form.getByLabel(consent ? 'Yes, they are happy' : 'No, or not now').check();
  }

  async saveWalkIn(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add and check in' }).click();
    await this.undoButton(name).waitFor();
  }

  async openFeedbackKiosk(): Promise<void> {
    await this.page.getByRole('link', { name: 'Hand to parents for feedback' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Feedback kiosk' }).waitFor();
  }
}
