// Screenshots of the main screens for docs/screenshots/, written only when UPDATE_SCREENSHOTS=1 so that an
// ordinary test run never rewrites tracked files.
import type { Page } from '@playwright/test';

const WRITE = process.env.UPDATE_SCREENSHOTS === '1';

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!WRITE) return;
  // The caret and focus rings blink and move; leave them out so that the pictures change only when screens do.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `docs/screenshots/${name}.png`, caret: 'hide', animations: 'disabled' });
}
