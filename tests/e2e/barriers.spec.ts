// Barriers, food and cakes in Chromium: a plan with crèche places, buses and the cakes; the cake question at
// check-in; a crèche place and a taxi planned on the session page with its food list; the baker's list. Axe
// checks each new screen.
import { AccountPages } from './pages/AccountPages.ts';
import { CheckInPage } from './pages/CheckInPage.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import { screenshot } from './screens.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

test('crèche, taxi, food and cakes: planned on the session, asked at check-in, printed for the baker', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await new AccountPages(page).setUp(coordinator);
  await page.goto('/sessions/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan a session' })).toBeVisible();
  await page.getByLabel('Title').fill('Forres drop-in');
  await page.getByLabel('Crèche places offered').fill('4');
  await page.getByLabel('Bus times to the venue').fill('Stagecoach 10 from Elgin 9:40, back 12:15');
  await page.getByLabel('Bring the cakes to this session').check();
  await expectAccessible(page, 'plan form with crèche, buses and cakes');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forres drop-in' })).toBeVisible();

  // A walk-in, then the cake question in one tap.
  await page
    .getByRole('navigation', { name: 'This session' })
    .getByRole('link', { name: /^(Check in|Record attendance late)$/ })
    .click();
  const checkIn = new CheckInPage(page);
  await checkIn.openWalkIn();
  await checkIn.fillWalkIn('Kirsty', '3–6 months', true);
  await checkIn.saveWalkIn('Kirsty');
  const cake = page.getByRole('region', { name: 'If Kirsty were a cake, what cake would they be?' });
  await expect(cake).toBeVisible();
  await expectAccessible(page, 'check-in with the cake question');
  await screenshot(page, 'check-in-cake');
  await cake.getByRole('button', { name: 'Carrot cake' }).click();
  await expect(cake).toBeHidden();

  // Back on the session: a crèche place and a taxi for Kirsty, and the food list.
  await page.getByRole('link', { name: 'Forres drop-in' }).click();
  const barriers = page.getByRole('region', { name: 'Crèche and transport' });
  await expect(barriers).toContainText('0 of 4 places booked');
  await barriers.getByLabel('Plan for').selectOption({ label: 'Kirsty' });
  await barriers.getByRole('button', { name: 'Add' }).click();
  // Each tap saves at once, and the box shows the saved record: click, then wait for it.
  const creche = barriers.getByRole('checkbox', { name: 'Crèche place booked for Kirsty' });
  await creche.click();
  await expect(creche).toBeChecked();
  const taxi = barriers.getByRole('radio', { name: 'A taxi' });
  await taxi.click();
  await expect(taxi).toBeChecked();
  const arranged = barriers.getByRole('checkbox', { name: 'Arranged for Kirsty' });
  await arranged.click();
  await expect(arranged).toBeChecked();
  await barriers.getByLabel('Who drives, or which firm, and when').fill('Moray Cabs at 9:30');
  await barriers.getByLabel('Who drives, or which firm, and when').blur();
  await expect(barriers).toContainText('1 of 4 places booked');
  await expect(barriers).toContainText('1 of 1 arranged');
  const food = page.getByRole('region', { name: 'Food and drinks' });
  await expect(food.getByRole('row', { name: /Tea bags/ })).toBeVisible();
  await expectAccessible(page, 'session page with crèche, transport and food');
  await barriers.scrollIntoViewIfNeeded();
  await screenshot(page, 'session-barriers');

  await food.getByRole('link', { name: 'The cakes: print the list for the baker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cakes for the baker' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Cakes to bring' })).toHaveText('1 × Carrot cake');
  await expect(page.getByText('Kirsty')).toHaveCount(0);
  await expectAccessible(page, 'the baker’s list');
  await screenshot(page, 'baker-list');
});
