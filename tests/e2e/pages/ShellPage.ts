// Page object for the tablet shell: the section navigation and the heading of whatever screen is open.
import { expect, type Locator, type Page } from '@playwright/test';

export type SectionName = 'Today' | 'Sessions' | 'People' | 'Visits' | 'Activities' | 'Reports' | 'Settings';

/** The sections a phone keeps under "More" (src/app/layout/sections.ts, PHONE_SECTIONS). */
const UNDER_MORE: readonly SectionName[] = ['Activities', 'Reports', 'Settings'];

export class ShellPage {
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Sections' });
  }

  /** Opens a section; on a phone, through "More" when it is not in the one-row menu. */
  async open(section: SectionName): Promise<void> {
    // Decided from the viewport, not by looking, so that a click still meets the lock screen's handler.
    const phone = (this.page.viewportSize()?.width ?? Infinity) < 600;
    if (phone && UNDER_MORE.includes(section)) await this.nav.getByRole('button', { name: 'More' }).click();
    await this.nav.getByRole('link', { name: section, exact: true }).click();
    await this.expectHeading(section);
  }

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name === undefined ? {} : { name }) });
  }

  async expectHeading(name: string | RegExp): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }

  /** Nothing of the screen is cut off: the navigation and the main heading are on screen, with no sideways scroll. */
  async expectNothingCutOff(): Promise<void> {
    await expect(this.nav).toBeInViewport();
    await expect(this.heading()).toBeInViewport();
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
}
