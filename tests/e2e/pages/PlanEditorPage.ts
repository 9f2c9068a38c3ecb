// Page object for the plan editor: a session's title, time, venue, kind, theme and the rest of the plan.
import type { Page } from '@playwright/test';

export interface Plan {
  title: string;
  /** yyyy-mm-dd */
  date: string;
  /** hh:mm, 24-hour */
  start: string;
  end: string;
  newVenue?: { name: string; locality: string };
  theme?: string;
  childcare?: string;
}

export class PlanEditorPage {
  constructor(readonly page: Page) {}

  async fill(plan: Plan): Promise<void> {
    const page = this.page;
    await page.getByLabel('Title').fill(plan.title);
    await page.getByLabel('Date').fill(plan.date);
    await page.getByLabel('Starts').fill(plan.start);
    await page.getByLabel('Ends').fill(plan.end);
    if (plan.newVenue) {
      await page.getByLabel('Venue', { exact: true }).selectOption({ label: 'Add a new venue…' });
      await page.getByLabel('Name of the new venue').fill(plan.newVenue.name);
      await page.getByLabel('Where is it?').selectOption(plan.newVenue.locality);
    }
    if (plan.theme) {
      await page.getByRole('group', { name: 'Theme' }).getByLabel(plan.theme, { exact: true }).check();
    }
    if (plan.childcare) await page.getByLabel('Childcare').fill(plan.childcare);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save the plan' }).click();
  }
}
