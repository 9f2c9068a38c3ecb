// Page object for one session: its plan and the ways into check-in, outreach and notes.
import type { Locator, Page } from '@playwright/test';

export class SessionPage {
  readonly actions: Locator;

  constructor(readonly page: Page) {
    this.actions = page.getByRole('navigation', { name: 'This session' });
  }

  /** Check-in around the session's time; once it is over, the same screen is "Record attendance late". */
  async openCheckIn(): Promise<void> {
    await this.actions.getByRole('link', { name: /^(Check in|Record attendance late)$/ }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
  }

  async openReachOut(): Promise<void> {
    await this.actions.getByRole('link', { name: 'Reach out' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Reach out' }).waitFor();
  }
}
