// Page object for home visits: the list, the schedule form and one visit's lone-worker check-in.
import type { Locator, Page } from '@playwright/test';

export interface VisitPlan {
  person: string;
  /** The person as the form lists them, e.g. "Dawn (Buckie)" when their area is known. */
  choice: string;
  /** yyyy-mm-dd */
  date: string;
  /** hh:mm */
  time: string;
  where: string;
  minutes: number;
}

export class VisitsPage {
  readonly overdueAlert: Locator;

  constructor(readonly page: Page) {
    this.overdueAlert = page.getByRole('alert').filter({ hasText: 'Not yet marked safe' });
  }

  async openSchedule(): Promise<void> {
    await this.page.getByRole('link', { name: 'Schedule a visit' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Schedule a visit' }).waitFor();
  }

  async schedule(visit: VisitPlan): Promise<void> {
    const page = this.page;
    await page.getByLabel('Who is the visit with?').selectOption({ label: visit.choice });
    await page.getByLabel('Date').fill(visit.date);
    await page.getByLabel('Start time').fill(visit.time);
    await page.getByLabel('Where').fill(visit.where);
    await page.getByLabel('Expected length in minutes').fill(String(visit.minutes));
    await page.getByRole('button', { name: 'Schedule visit' }).click();
    await page.getByRole('heading', { level: 1, name: `Home visit with ${visit.person}` }).waitFor();
  }

  async markArrived(): Promise<void> {
    await this.page.getByRole('button', { name: 'I’ve arrived' }).click();
    await this.page.getByRole('button', { name: 'I’ve left safely' }).waitFor();
  }
}
