// Issue 10.8 in Chromium: at 22:11 London time (where the two-tablet test once failed) a new session's default
// times are valid as they stand, so a plan saves with nothing but a title. The server's clock and the page's are
// both moved to 22:11 today, whatever the hour the test runs.
import { TZDate } from '@date-fns/tz';
import { AccountPages } from './pages/AccountPages.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const REAL_NOW = new Date();
const london = new TZDate(REAL_NOW.getTime(), 'Europe/London');
const LATE = new TZDate(london.getFullYear(), london.getMonth(), london.getDate(), 22, 11, 0, 'Europe/London');
const SHIFT = LATE.getTime() - REAL_NOW.getTime();
test.use({ clockShiftMs: SHIFT });

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

test('late in the evening a new plan saves with its default times: 10:00 to 12:00 the next morning', async ({
  page,
}) => {
  await page.clock.install({ time: new Date(LATE.getTime()) });
  await new AccountPages(page).setUp(coordinator);
  await page.goto('/sessions/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan a session' })).toBeVisible();
  await expect(page.getByLabel('Starts')).toHaveValue('10:00');
  await expect(page.getByLabel('Ends')).toHaveValue('12:00');
  await page.getByLabel('Title').fill('Morning drop-in');
  await expectAccessible(page, 'plan form at 22:11');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Morning drop-in' })).toBeVisible();
  const tomorrow = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(LATE.getTime() + 24 * 60 * 60_000));
  await expect(page.getByText(new RegExp(`^${tomorrow.replace(',', '')}( \\d{4})?, 10:00–12:00`))).toBeVisible();
});
