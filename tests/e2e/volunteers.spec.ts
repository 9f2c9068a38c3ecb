// The volunteers in Chromium: a coordinator records their own PVG (lapsed), training due soon and hours on
// "My training & hours"; Today warns them and lists what is due; the funder report counts it. Axe on each screen.
import { AccountPages } from './pages/AccountPages.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Ailsa Grant',
  email: 'ailsa@example.org',
  password: 'a long enough password',
};

/** A date `days` from today, as typed into a form (dd/mm/yyyy, London). */
function typed(days: number): string {
  const when = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(when);
}

test('a coordinator keeps their volunteering record, sees what is due on Today, and reports hours', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const shell = new ShellPage(page);
  await new AccountPages(page).setUp(coordinator);
  await shell.open('Settings');
  await page.getByRole('link', { name: 'My training & hours' }).click();
  await shell.expectHeading('My training & hours');

  const pvg = page.getByRole('form', { name: 'Record PVG membership' });
  await pvg.getByLabel('Status').selectOption('Lapsed');
  await pvg.getByRole('button', { name: 'Save PVG membership' }).click();
  await expect(page.getByText(/PVG membership has lapsed or passed its renewal date/)).toBeVisible();

  const training = page.getByRole('form', { name: 'Add training' });
  await training.getByRole('button', { name: 'Save training' }).click();
  await expect(training.getByText('Enter the name of the course')).toBeVisible();
  await training.getByLabel('Course').fill('Safeguarding level 1');
  await training.getByLabel('Completed on').fill(typed(-355));
  await training.getByLabel('Renew by (optional)').fill(typed(10));
  await training.getByRole('button', { name: 'Save training' }).click();
  await expect(page.getByRole('list', { name: 'Training completed' })).toContainText('Due for renewal');

  const hours = page.getByRole('form', { name: 'Add hours' });
  await hours.getByLabel('Date').fill(typed(-1));
  await hours.getByLabel('Hours').fill('2.5');
  await hours.getByRole('button', { name: 'Save hours' }).click();
  await expect(page.getByRole('row', { name: /^Total/ })).toContainText('2.5 hours');
  await expectAccessible(page, 'My training & hours');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'volunteer');

  await shell.open('Today');
  await expect(page.getByText(/Your PVG membership has lapsed/)).toBeVisible();
  const due = page.getByRole('region', { name: 'Due for volunteers' });
  await expect(due.getByRole('listitem')).toHaveCount(2);
  await expect(due).toContainText('Ailsa Grant: Safeguarding level 1');
  await expectAccessible(page, 'Today with volunteers due');
  await screenshot(page, 'today-volunteers');

  await shell.open('Reports');
  await page.getByRole('link', { name: 'Volunteer hours and training' }).click();
  await shell.expectHeading('Volunteer hours and training');
  await page.getByLabel('Period').selectOption('Everything recorded');
  await expect(page.getByText('2.5 hours given by 1 volunteer.')).toBeVisible();
  await expectAccessible(page, 'Volunteer report');
  await screenshot(page, 'volunteer-report');
});
