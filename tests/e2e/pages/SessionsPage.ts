// Page object for Sessions: the list, the Monday-to-Sunday week, and the way in to plan one.
import type { Locator, Page } from '@playwright/test';

export class SessionsPage {
  readonly week: Locator;

  constructor(readonly page: Page) {
    this.week = page.getByRole('list', { name: 'Days of the week' });
  }

  session(title: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(title) });
  }

  async showList(): Promise<void> {
    await this.page.getByRole('button', { name: 'List', exact: true }).click();
  }

  async showWeek(): Promise<void> {
    await this.page.getByRole('button', { name: 'Week', exact: true }).click();
    await this.week.waitFor();
  }

  async planNew(): Promise<void> {
    await this.page.getByRole('link', { name: 'Plan a session' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Plan a session' }).waitFor();
  }
}
