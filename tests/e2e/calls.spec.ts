// Issue 12, item 4 in Chromium: a coordinator records a colleague's work phone in Team (a wrong number refused
// in words), and the escalation screen offers "Call <name>" for that coordinator; axe checks both.
import { AccountPages } from './pages/AccountPages.ts';
import { TeamPage } from './pages/TeamPage.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

test('a work phone recorded in Team becomes a Call button on the escalation screen', async ({ page }) => {
  await new AccountPages(page).setUp(coordinator);
  const team = new TeamPage(page);
  await team.open();
  await team.openAddMember();
  await team.addMember({
    name: 'Zara Bain',
    email: 'zara@example.org',
    role: 'Coordinator',
    password: 'another long password',
  });
  const zara = team.member('Zara Bain');
  await expect(zara).toContainText('No work phone');
  await zara.getByRole('button', { name: 'Work phone for Zara Bain' }).click();
  const field = zara.getByLabel('Zara Bain’s work phone (optional)');
  await field.fill('12345');
  await zara.getByRole('button', { name: 'Save the work phone' }).click();
  await expect(field).toHaveAccessibleDescription(/Enter a UK phone number/);
  await expectAccessible(page, 'Team, a work phone refused');
  await field.fill('07700 900456');
  await zara.getByRole('button', { name: 'Save the work phone' }).click();
  await expect(page.getByText('Zara Bain’s work phone is saved.')).toBeVisible();
  await expect(team.member('Zara Bain')).toContainText('Work phone 07700 900456');

  // In the app, as a tap would (a reload would meet the app lock).
  await page.evaluate(() => {
    history.pushState({}, '', '/notes/escalation');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  const call = page.getByRole('link', { name: /Call Zara Bain/ });
  await expect(call).toHaveAttribute('href', 'tel:+447700900456');
  await expectAccessible(page, 'Escalation screen with Call buttons');
});
