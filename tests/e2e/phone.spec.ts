// Issue 10.5 in Chromium: a 390×844 phone keeps at least 60% of its height for the screen itself (a one-row
// header and a one-row menu with "More"), and at check-in no row shows through above the sticky search.
import type { Page } from '@playwright/test';
import { AccountPages } from './pages/AccountPages.ts';
import { readMeta, syncNow } from './pages/SyncPages.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import { screenshot } from './screens.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

// Enough people said they are coming that the list scrolls under the search.
const PARENTS = ['Amy', 'Beth', 'Cara', 'Dee', 'Eilidh', 'Fiona', 'Gemma', 'Heather', 'Isla', 'Jenna', 'Kirsty'];

/** The share of the window's height that is the screen itself (main), not header or navigation. */
async function contentShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? main.getBoundingClientRect().height / window.innerHeight : 0;
  });
}

async function pushSessionAndParents(page: Page): Promise<string> {
  const user = (await readMeta(page, 'user')) as { id: string };
  const sessionId = crypto.randomUUID();
  const version = `${String(Date.now()).padStart(13, '0')}-0000-setuptablet`;
  const change = (kind: string, id: string, values: Record<string, unknown>) => {
    const all = { ...values, createdAt: new Date().toISOString(), createdBy: user.id };
    return { kind, id, values: all, versions: Object.fromEntries(Object.keys(all).map((field) => [field, version])) };
  };
  const startsAt = new Date(Date.now() + 60 * 60_000).toISOString();
  const changes = [change('session', sessionId, { title: 'Tuesday drop-in', startsAt, kind: 'drop-in' })];
  for (const name of PARENTS) {
    const id = crypto.randomUUID();
    changes.push(change('attendee', id, { displayName: name }));
    changes.push(change('outreach', crypto.randomUUID(), { sessionId, attendeeId: id, outcome: 'coming' }));
  }
  const response = await page.request.post('/api/sync/push', {
    data: { protocol: 1, deviceId: 'setuptablet', batchId: `setup-${sessionId}`, changes },
  });
  expect(response.status()).toBe(200);
  return sessionId;
}

test('a phone shows the screen, not the chrome, with a one-row menu', async ({ page }) => {
  await new AccountPages(page).setUp(coordinator);
  const sessionId = await pushSessionAndParents(page);
  await syncNow(page);

  const nav = page.getByRole('navigation', { name: 'Sections' });
  // One row: every visible tab sits at the same height.
  const tops = await nav
    .locator(':scope > ul > li:visible')
    .evaluateAll((items) => [...new Set(items.map((item) => Math.round(item.getBoundingClientRect().top)))]);
  expect(tops).toHaveLength(1);
  await expect(nav.getByRole('link', { name: 'Reports' })).toBeHidden();

  // Every section keeps at least 60% of the height, those under "More" too.
  for (const section of ['Today', 'Sessions', 'People', 'Visits']) {
    await nav.getByRole('link', { name: section, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    expect(await contentShare(page), section).toBeGreaterThanOrEqual(0.6);
    if (section === 'Today') await screenshot(page, 'phone-today');
  }
  for (const section of ['Activities', 'Reports', 'Settings']) {
    await nav.getByRole('button', { name: 'More' }).click();
    await expectAccessible(page, 'phone, More menu');
    if (section === 'Activities') await screenshot(page, 'phone-more');
    await nav.getByRole('link', { name: section, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expect(nav.getByRole('link', { name: section, exact: true })).toBeHidden();
    expect(await contentShare(page), section).toBeGreaterThanOrEqual(0.6);
  }

  await page.goto(`/sessions/${sessionId}/check-in`);
  await expect(page.getByRole('button', { name: 'Check in Kirsty' })).toBeVisible();
  expect(await contentShare(page), 'check-in').toBeGreaterThanOrEqual(0.6);
  await expectAccessible(page, 'phone check-in');
  await screenshot(page, 'phone-check-in');

  // Scrolled down the list: the search sits at the very top of the screen, with no row showing above it.
  await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  const gap = await page.evaluate(() => {
    const main = document.querySelector('main')?.getBoundingClientRect();
    const tools = document.querySelector('.checkin-tools')?.getBoundingClientRect();
    if (!main || !tools) return { toolsBelowTop: Infinity, rowsAbove: -1 };
    // How much of any row is on screen between the top of main and the top of the search bar.
    const rowsAbove = [...document.querySelectorAll('.checkin-row')].filter((row) => {
      const box = row.getBoundingClientRect();
      return Math.min(box.bottom, tools.top) - Math.max(box.top, main.top) > 1;
    }).length;
    return { toolsBelowTop: tools.top - main.top, rowsAbove };
  });
  expect(Math.abs(gap.toolsBelowTop)).toBeLessThanOrEqual(1);
  expect(gap.rowsAbove).toBe(0);
  await expect(page.getByRole('searchbox', { name: 'Find a name' })).toBeInViewport();

  // Found by name and checked in, on the phone as on the tablet.
  await page.getByRole('searchbox', { name: 'Find a name' }).fill('Kir');
  await page.getByRole('button', { name: 'Check in Kirsty' }).click();
  await expect(page.getByRole('button', { name: 'Undo check-in for Kirsty' })).toBeVisible();
});
