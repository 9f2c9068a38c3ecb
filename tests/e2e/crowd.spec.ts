// Ten times a busy group: with over four thousand people on the tablet, the facilitator finds the 4,000th by
// typing her name and checks her in with one tap; People keeps no more than 100 rows in the page.
import { AccountPages } from './pages/AccountPages.ts';
import { CheckInPage } from './pages/CheckInPage.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { PlanEditorPage } from './pages/PlanEditorPage.ts';
import { SessionPage } from './pages/SessionPage.ts';
import { SessionsPage } from './pages/SessionsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { queueParents, readMeta } from './pages/SyncPages.ts';
import { expect, test } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

const PEOPLE = 4200;
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

test('checks in the 4,000th person of 4,200 by searching, and People keeps the page small', async ({ page }) => {
  test.setTimeout(240_000);
  const shell = new ShellPage(page);
  const account = new AccountPages(page);
  await account.setUp(coordinator);
  const user = (await readMeta(page, 'user')) as { id: string };
  // 4,200 parents on the tablet as though typed in one by one (rows and outbox entries).
  await queueParents(page, 'Parent', PEOPLE, user.id);
  await page.reload();
  await account.openApp();

  await shell.open('People');
  const people = new PeoplePage(page);
  await expect(people.person('Parent 1')).toBeVisible();
  const rows = await people.list.getByRole('listitem').count();
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThanOrEqual(100);
  await expect(people.list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(PEOPLE));

  await shell.open('Sessions');
  await new SessionsPage(page).planNew();
  const plan = new PlanEditorPage(page);
  await plan.fill({ title: 'Busy drop-in', date: TODAY, start: '10:00', end: '11:30' });
  await plan.save();
  await shell.expectHeading('Busy drop-in');
  await new SessionPage(page).openCheckIn();
  const checkIn = new CheckInPage(page);
  await expect(checkIn.count).toHaveText('0 here · 0 babies');
  await checkIn.checkIn('Parent 4000');
  await expect(checkIn.count).toHaveText('1 here · 0 babies');
  await expect(checkIn.undoButton('Parent 4000')).toBeVisible();
});
