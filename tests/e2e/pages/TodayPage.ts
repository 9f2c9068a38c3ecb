// Page object for Today: the sessions, visits, follow-ups and concerns that need someone now.
import type { Locator, Page } from '@playwright/test';

export class TodayPage {
  readonly sessions: Locator;
  readonly overdueVisits: Locator;
  readonly followUps: Locator;
  readonly concerns: Locator;

  constructor(readonly page: Page) {
    this.sessions = page.getByRole('region', { name: 'Sessions today' });
    this.overdueVisits = page.getByRole('alert').filter({ hasText: 'Not heard back: visits overdue' });
    this.followUps = page.getByRole('region', { name: 'Follow-ups due' });
    this.concerns = page.getByRole('region', { name: 'Concerns nobody has picked up' });
  }

  /** The names behind the concerns are shown only after a tap: the room may see Today. */
  async showWhoHasConcerns(): Promise<void> {
    await this.concerns.getByText('Show who').click();
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  }
}
