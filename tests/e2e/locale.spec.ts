// Issue 10.6 in Chromium: a device set to US English still shows and takes dates day first and times on the
// 24-hour clock, in the plan, visit and note forms, where native pickers would show mm/dd/yyyy and "10:00 PM".
import type { Page } from '@playwright/test';
import { AccountPages } from './pages/AccountPages.ts';
import { PlanEditorPage } from './pages/PlanEditorPage.ts';
import { readMeta, syncNow } from './pages/SyncPages.ts';
import { VisitsPage } from './pages/VisitsPage.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test.use({
  locale: 'en-US',
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--lang=en-US'],
  },
});

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

/** A parent, put on the server as another tablet would have pushed them. */
async function pushParent(page: Page, name: string): Promise<void> {
  const user = (await readMeta(page, 'user')) as { id: string };
  const version = `${String(Date.now()).padStart(13, '0')}-0000-setuptablet`;
  const values = { displayName: name, createdAt: new Date().toISOString(), createdBy: user.id };
  const versions = Object.fromEntries(Object.keys(values).map((field) => [field, version]));
  const response = await page.request.post('/api/sync/push', {
    data: {
      protocol: 1,
      deviceId: 'setuptablet',
      batchId: `parent-${name}`,
      changes: [{ kind: 'attendee', id: crypto.randomUUID(), values, versions }],
    },
  });
  expect(response.status()).toBe(200);
}

test('a US English device still reads and takes UK dates and the 24-hour clock', async ({ page }) => {
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await new AccountPages(page).setUp(coordinator);
  await pushParent(page, 'Amy');
  await syncNow(page);

  // The plan form: day-first text fields, never a native picker, that take what a person in the UK types.
  await page.goto('/sessions/new');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const label of ['Date', 'Starts', 'Ends']) await expect(page.getByLabel(label)).toHaveAttribute('type', 'text');
  await expect(page.getByLabel('Date')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(page.getByLabel('Starts')).toHaveValue(/^([01]\d|2[0-3]):[0-5]\d$/);
  await expectAccessible(page, 'plan form, en-US');
  const plan = new PlanEditorPage(page);
  await plan.fill({ title: 'Late drop-in', date: '3/2/2027', start: '21:30', end: '22:45' });
  await page.getByLabel('Starts').blur();
  await expect(page.getByLabel('Date')).toHaveValue('03/02/2027');
  await plan.save();
  await expect(page.getByRole('heading', { level: 1, name: 'Late drop-in' })).toBeVisible();
  // The 24-hour clock, not "9:30 PM"; the year shows unless it is this one.
  await expect(page.getByText(/Wednesday 3 February( 2027)?, 21:30/)).toBeVisible();

  // The visit form.
  await page.goto('/visits');
  const visits = new VisitsPage(page);
  await visits.openSchedule();
  await expect(page.getByLabel('Start time')).toHaveAccessibleDescription(/24-hour clock, like 14:30/);
  await expectAccessible(page, 'visit form, en-US');
  await visits.schedule({
    person: 'Amy',
    choice: 'Amy',
    date: '24/12/2026',
    time: '2215',
    where: 'Elgin',
    minutes: 60,
  });
  await expect(page.getByText(/Thu 24 Dec( 2026)?, 22:15/)).toBeVisible();
});
