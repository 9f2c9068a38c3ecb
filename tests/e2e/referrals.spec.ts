// Partners and referrals in Chromium: a coordinator keeps a partner, refers a parent from her page with the
// network off, syncs when back online (the server has it), sees "did they get there?" on Today a fortnight later,
// records how it went and finds it in the reports, small numbers suppressed. Axe on every new screen.
import { TZDate } from '@date-fns/tz';
import { AccountPages } from './pages/AccountPages.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { ReportsPage } from './pages/ReportsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { pushSessionFromAnotherTablet, readMeta, syncNow } from './pages/SyncPages.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';

// 11:00 London time today, for the page and the server alike, whatever the hour the test runs.
const REAL_NOW = new Date();
const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const [year, month, day] = london.format(REAL_NOW).split('-').map(Number) as [number, number, number];
const START = new TZDate(year, month - 1, day, 11, 0, 0, 'Europe/London');
const SHIFT = START.getTime() - REAL_NOW.getTime();
test.use({ clockShiftMs: SHIFT });
// A fortnight later, in the evening. The service worker keeps the real clock (only the page's is moved), so the
// server offset it measures is this file's shift, and Today adds that to the page's time: at 11:00 the page's
// Today could still be the day before when the test runs late at night. At 19:00 it is the due day or the next,
// whatever the hour, and the follow-up is due either way.
const FORTNIGHT_LATER = new TZDate(year, month - 1, day + 14, 19, 0, 0, 'Europe/London');

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

interface Pulled {
  kind: string;
  id: string;
  values: Record<string, unknown>;
}

test('a referral made offline syncs, comes up on Today when due, and is counted in the reports', async ({ page }) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  await page.clock.install({ time: START });
  await new AccountPages(page).setUp(coordinator);
  await waitForServiceWorker(page);
  await expect(page.getByText('Ready to work offline.')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();

  // This morning's group, as another tablet would have put it on the server, so that Reports has a session.
  const user = (await readMeta(page, 'user')) as { id: string };
  await pushSessionFromAnotherTablet(page, START.getTime(), 'Elgin drop-in', 'elgin-drop-in');

  // The coordinator keeps the partner list.
  await shell.open('Settings');
  await page.getByRole('link', { name: 'Partners' }).click();
  await shell.expectHeading('Partners');
  await page.getByRole('link', { name: 'Add a partner' }).click();
  await shell.expectHeading('Add a partner');
  await page.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByText('Enter the name of the organisation.')).toBeVisible();
  await expectAccessible(page, 'partner form with what to fix');
  await page.getByLabel('Name', { exact: true }).fill('Moray Wellbeing Hub');
  await page.getByRole('radio', { name: 'Wellbeing hub' }).check();
  await page.getByLabel('Phone').fill('01343 552211');
  await page.getByLabel('Who to ask for').fill('Fiona, link worker');
  await page.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Moray Wellbeing Hub' })).toBeVisible();
  await expectAccessible(page, 'partners list');
  await screenshot(page, 'partners');

  const people = new PeoplePage(page);
  await shell.open('People');
  await people.openAdd();
  await people.add('Kirsty', 'Elgin');
  await syncNow(page);

  // No signal: the referral is made from her page.
  await page.context().setOffline(true);
  await shell.open('People');
  await people.person('Kirsty').click();
  await page.getByRole('link', { name: 'Refer or signpost' }).click();
  await shell.expectHeading('Refer or signpost Kirsty');
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByText('Choose who you are referring or signposting them to.')).toBeVisible();
  await expectAccessible(page, 'referral form with what to fix');
  await page.getByLabel('To whom').selectOption({ label: 'Moray Wellbeing Hub' });
  await page.getByLabel('Why (optional)').fill('Low since the move, would like someone to talk to');
  await page.getByRole('checkbox', { name: 'Kirsty said yes to this' }).check();
  await screenshot(page, 'referral-form');
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByText(/Saved\. “Did they get there\?” comes up on Today on/)).toBeVisible();
  const referrals = page.getByRole('region', { name: 'Referrals and signposting' });
  await expect(referrals.getByText('Referred to Moray Wellbeing Hub')).toBeVisible();
  await expectAccessible(page, 'profile with a referral');

  // Back online: it reaches the server.
  await page.context().setOffline(false);
  await syncNow(page);
  const pull = await page.request.get('/api/sync/pull?limit=1000');
  expect(pull.status()).toBe(200);
  const onServer = ((await pull.json()) as { changes: Pulled[] }).changes.filter((r) => r.kind === 'referral');
  expect(onServer).toHaveLength(1);
  expect(onServer[0]?.values).toMatchObject({
    type: 'referral',
    consentGiven: true,
    toName: 'Moray Wellbeing Hub',
    createdBy: user.id,
  });
  expect(onServer[0]?.values.outcome).toBeUndefined();

  // Not due today; a fortnight later it is on Today.
  await shell.open('Today');
  await expect(page.getByRole('region', { name: 'Did they get there?' })).toHaveCount(0);
  await page.context().setOffline(true);
  await page.clock.setSystemTime(FORTNIGHT_LATER);
  // A fortnight without use: the next touch locks Coorie, and the lock page's handler unlocks it. The lock can come
  // between that touch's press and its click and take the click, so go to People until it opens; Today is then
  // drawn afresh, on the new date.
  await expect(async () => {
    await shell.nav.getByRole('link', { name: 'People', exact: true }).click();
    await expect(shell.heading('People')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await shell.open('Today');
  const due = page.getByRole('region', { name: 'Did they get there?' });
  await expect(due.getByRole('link', { name: 'Kirsty' })).toBeVisible();
  await expect(due.getByText('Referred to Moray Wellbeing Hub')).toBeVisible();
  await expectAccessible(page, 'Today with a referral follow-up');
  await screenshot(page, 'referral-follow-up');
  await due.getByRole('button', { name: 'Got there' }).click();
  await expect(due).toHaveCount(0);

  // The reports count it, as "<5": one referral points at one parent.
  await shell.open('Reports');
  const reports = new ReportsPage(page);
  await reports.showView('Barriers and support');
  const figure = reports.figure('Referrals and signposting by partner');
  await expect(figure).toBeVisible();
  // Off the buttons: a hovered button is mid-way through its colour change.
  await page.mouse.move(0, 0);
  await expectAccessible(page, 'reports with referrals');
  await reports.choosePreset('Last 12 months');
  await expect
    .poll(() => reports.row('Referrals and signposting by partner', 'Moray Wellbeing Hub'))
    .toEqual(['<5', '<5', '0', '0', '0', '0']);
  await figure.scrollIntoViewIfNeeded();
  await screenshot(page, 'referral-report');
  await expectAccessible(page, 'reports with referrals');

  // Back online, the outcome reaches the server too.
  await page.context().setOffline(false);
  await syncNow(page);
  const after = await page.request.get('/api/sync/pull?limit=1000');
  const referral = ((await after.json()) as { changes: Pulled[] }).changes.find((r) => r.kind === 'referral');
  expect(referral?.values.outcome).toBe('got there');
});
