// Page object for the urgent-concern screen: what to do now, and the way back to the note being written.
import type { Locator, Page } from '@playwright/test';

export class EscalationPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Urgent concern: what to do now' });
  }

  async backToNote(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to the note' }).first().click();
  }
}
