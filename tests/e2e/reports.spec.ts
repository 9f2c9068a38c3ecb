// Issue 6's promise in Chromium with the network off: a coordinator runs a group, opens Reports, reads the
// figures (small numbers suppressed), takes the quarter's funder summary and sends a CSV. Axe on every view.
import { TZDate } from '@date-fns/tz';
import { AccountPages } from './pages/AccountPages.ts';
import { CheckInPage } from './pages/CheckInPage.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { PlanEditorPage } from './pages/PlanEditorPage.ts';
import { ReportsPage } from './pages/ReportsPage.ts';
import { SessionPage } from './pages/SessionPage.ts';
import { SessionsPage } from './pages/SessionsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';

// The group meets at 10:00 and the report is run at 11:00 London time today, so the session has run whatever the
// hour the test runs: the server's clock and the page's are both moved there.
const REAL_NOW = new Date();
const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const [year, month, day] = london.format(REAL_NOW).split('-').map(Number) as [number, number, number];
const START = new TZDate(year, month - 1, day, 11, 0, 0, 'Europe/London');
const SHIFT = START.getTime() - REAL_NOW.getTime();
test.use({ clockShiftMs: SHIFT });
const TODAY = london.format(START);
const QUARTER_START = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

// Fictional parents: five from Forres, one from Keith.
const PEOPLE: [string, string][] = [
  ['Amy', 'Forres'],
  ['Beth', 'Forres'],
  ['Catriona', 'Forres'],
  ['Dawn', 'Forres'],
  ['Eilidh', 'Forres'],
  ['Fiona', 'Keith'],
];

test('a coordinator reads the reports offline and sends the quarter’s figures as a CSV', async ({ page }) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  await page.clock.install({ time: START });
  await new AccountPages(page).setUp(coordinator);
  await waitForServiceWorker(page);
  await expect(page.getByText('Ready to work offline.')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.context().setOffline(true);

  // Nobody has come to anything yet.
  await shell.open('Reports');
  await expect(page.getByText('Nothing to report yet.')).toBeVisible();

  // This morning's group in Forres, with six parents checked in.
  await shell.open('Sessions');
  await new SessionsPage(page).planNew();
  const plan = new PlanEditorPage(page);
  await plan.fill({
    title: 'Forres drop-in',
    date: TODAY,
    start: '10:00',
    end: '10:45',
    newVenue: { name: 'Forres Town Hall', locality: 'Forres' },
  });
  await plan.save();
  await shell.expectHeading('Forres drop-in');
  const people = new PeoplePage(page);
  for (const [name, area] of PEOPLE) {
    await shell.open('People');
    await people.openAdd();
    await people.add(name, area);
  }
  await shell.open('Sessions');
  await new SessionsPage(page).session('Forres drop-in').click();
  await new SessionPage(page).openCheckIn();
  const checkIn = new CheckInPage(page);
  for (const [name] of PEOPLE) await checkIn.checkIn(name);

  // Reports, offline: the lazy screen and its charts come from the service worker's cache.
  await shell.open('Reports');
  const reports = new ReportsPage(page);
  await expect(reports.figure('Where parents live')).toBeVisible();
  // One parent from Keith is "<5"; Forres's five, taken from the six reached, would give it away: hidden.
  expect(await reports.row('Where parents live', 'Forres')).toEqual(['hidden', 'hidden', 'hidden']);
  expect(await reports.row('Where parents live', 'Keith')).toEqual(['<5', '<5', '<5']);
  expect(await reports.row('Attendance by venue', 'Forres Town Hall')).toEqual(['Forres', '1', '6', '6']);
  // Every parents figure by locality is "<5" or hidden: no chart that would give them away, and a word why.
  await expect(reports.figure('Where parents live')).toContainText('No chart: every figure here is under 5');
  await expect(reports.chart('reach-by-locality')).toHaveCount(0);
  await expect(reports.chart('attendance-by-venue')).toBeVisible();
  await expectAccessible(page, 'reports: attendance and reach');
  await screenshot(page, 'reports');
  await reports.showView('Barriers and support');
  await expect(reports.figure('Texts and calls before a group')).toBeVisible();
  await expectAccessible(page, 'reports: barriers and support');
  await reports.showView('Wellbeing');
  await expect(reports.figure('Concerns raised')).toBeVisible();
  await expectAccessible(page, 'reports: wellbeing');

  // The quarter's funder summary, ready to print.
  await reports.choosePreset('This quarter');
  await reports.showView('Funder summary');
  await expect(page.getByRole('heading', { level: 2, name: /^Funder summary:/ })).toBeVisible();
  const headline = (label: string) => page.locator('dt', { hasText: label }).locator('+ dd');
  await expect(headline('Sessions run')).toHaveText('1');
  await expect(headline('Parents reached')).toHaveText('6');
  await expect(headline('Localities reached')).toHaveText('2');
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await expectAccessible(page, 'reports: funder summary');
  await screenshot(page, 'funder-summary');
  await page.setViewportSize({ width: 1180, height: 820 });
  await shell.expectNothingCutOff();
  await page.setViewportSize({ width: 820, height: 1180 });

  // The CSV of where parents live, made on the tablet with no signal.
  const csv = await reports.downloadCsv('Where parents live');
  expect(csv.name).toBe(`coorie-reach-by-locality-${QUARTER_START}-to-${TODAY}.csv`);
  expect(csv.content).toBe(
    '\uFEFFLocality,Parents,Attendances,First-time attenders\r\n' +
      'Elgin,0,0,0\r\n' +
      'Lossiemouth,0,0,0\r\n' +
      'Forres,hidden,hidden,hidden\r\n' +
      'Buckie,0,0,0\r\n' +
      'Keith,<5,<5,<5\r\n' +
      'Speyside,0,0,0\r\n' +
      'Other,0,0,0\r\n',
  );
});
