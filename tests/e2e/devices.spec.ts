// Issue 5 in Chromium: a coordinator adds a facilitator from Team and later signs her tablet out from Devices;
// that tablet, offline with unsent work at the time, wipes itself as soon as it is back online and says why.
// Signing out with changes that cannot be sent warns with the count and wipes only once confirmed.
import type { Page } from '@playwright/test';
import { AccountPages } from './pages/AccountPages.ts';
import { countRows, ensureOrganisation, openSection, queueParents, readMeta } from './pages/SyncPages.ts';
import { TeamPage } from './pages/TeamPage.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

const facilitator = {
  name: 'Eilidh Grant',
  email: 'eilidh@example.org',
  role: 'Facilitator' as const,
  password: 'another long password',
};

const REVOKED = 'A coordinator signed this device out, so Coorie removed its data from it.';
const SIGNED_OUT = 'You signed out, and Coorie removed its data from this device.';
const TABLES = ['attendee', 'note', 'outbox', 'rejected', 'drafts'];

async function rowsIn(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await countRows(page, table);
  return counts;
}

const EMPTY = Object.fromEntries(TABLES.map((table) => [table, 0]));

test('a revoked tablet that was offline with unsent work wipes itself when it comes back online', async ({
  page,
  browser,
  server,
}) => {
  // The coordinator adds Eilidh from Team.
  await new AccountPages(page).setUp(coordinator);
  const team = new TeamPage(page);
  await team.open();
  await expectAccessible(page, 'Team');
  await screenshot(page, 'team');
  await team.openAddMember();
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription('Error: Enter their name.');
  await expectAccessible(page, 'Add a team member, with errors');
  await team.addMember(facilitator);
  await expect(page.getByText('Eilidh Grant is on the team and can sign in now.')).toBeVisible();
  await expect(team.member('Eilidh Grant')).toContainText('Facilitator');

  // Eilidh signs in on her own tablet, installs the worker, and works offline at a session.
  const herContext = await browser.newContext({ baseURL: server.url });
  const hers = await herContext.newPage();
  await new AccountPages(hers).signIn(facilitator.email, facilitator.password, 'Forres tablet');
  await waitForServiceWorker(hers);
  await herContext.setOffline(true);
  await openSection(hers, 'People');
  await hers.getByRole('link', { name: 'Add a person' }).click();
  await hers.getByLabel('Name', { exact: true }).fill('Walk-in Wendy');
  await hers.getByRole('button', { name: 'Add this person' }).click();
  await expect(hers.getByRole('heading', { level: 1, name: 'Walk-in Wendy' })).toBeVisible();
  expect(await countRows(hers, 'attendee')).toBe(1);
  expect(await countRows(hers, 'outbox')).toBeGreaterThan(0);

  // Meanwhile the coordinator signs that tablet out from Devices.
  await team.openDevices();
  await expect(team.device('Forres tablet')).toContainText('Eilidh Grant');
  await expect(team.device('Forres tablet')).toContainText(/Last contact \w{3} \d{1,2} \w{3}, \d\d:\d\d/);
  await expect(team.device('This computer')).toContainText(coordinator.name);
  await expectAccessible(page, 'Devices');
  await screenshot(page, 'devices');
  await team.device('Forres tablet').getByRole('button', { name: 'Sign out “Forres tablet”' }).click();
  await expect(page.getByRole('region', { name: 'Sign out “Forres tablet”?' })).toContainText(
    'including any changes it has not sent yet',
  );
  await expectAccessible(page, 'Devices, confirming a sign-out');
  await page.getByRole('button', { name: 'Sign it out' }).click();
  await expect(page.getByText('“Forres tablet” is signed out.')).toBeVisible();
  await expect(team.device('Forres tablet')).toHaveCount(0);

  // Back in signal, her tablet hears it was revoked, removes everything, and says why.
  await herContext.setOffline(false);
  await expect(hers.getByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeVisible({ timeout: 60_000 });
  await expect(hers.getByText(REVOKED)).toBeVisible();
  await expect.poll(() => rowsIn(hers)).toEqual(EMPTY);
  expect(await readMeta(hers, 'user')).toBeNull();
  await expectAccessible(hers, 'Sign-in after a revoke');
  await herContext.close();
});

test('an invite code is shown with when it expires, and the new member joins with it', async ({
  page,
  browser,
  server,
  request,
}) => {
  await ensureOrganisation(request, coordinator);
  await new AccountPages(page).signIn(coordinator.email, coordinator.password, 'Office laptop');
  const team = new TeamPage(page);
  await team.open();
  await page.getByRole('link', { name: 'Invite with a code' }).click();
  await page.getByLabel('Name').fill('Isla Grant');
  await page.getByLabel('Email address').fill('isla@example.org');
  await page.getByRole('radio', { name: 'Home-visit peer supporter' }).check();
  await page.getByRole('button', { name: 'Make an invite code' }).click();
  await expect(page.getByRole('heading', { name: 'Invite code for Isla Grant' })).toBeVisible();
  await expect(page.getByText(/^It works once, until \w{3} \d{1,2} \w{3}, \d\d:\d\d\.$/)).toBeVisible();
  await expectAccessible(page, 'Invite code');
  const code = (await page.locator('.invite-code').textContent()) ?? '';

  const herContext = await browser.newContext({ baseURL: server.url });
  const hers = await herContext.newPage();
  await hers.goto('/sign-in');
  await hers.getByRole('link', { name: 'I have an invite code' }).click();
  await expect(hers.getByRole('heading', { level: 1, name: 'Join your team' })).toBeVisible();
  await hers.getByRole('button', { name: 'Join and sign in' }).click();
  await expect(hers.getByLabel('Invite code')).toBeFocused();
  await expectAccessible(hers, 'Join your team, with errors');
  await hers.getByLabel('Invite code').fill(code);
  await hers.getByLabel('Choose a password').fill('isla has a long password');
  await hers.getByLabel('Type the password again').fill('isla has a long password');
  await hers.getByLabel("This device's name").fill('Isla phone');
  await hers.getByRole('button', { name: 'Join and sign in' }).click();
  await new AccountPages(hers).openApp();
  expect(await readMeta(hers, 'user')).toMatchObject({ name: 'Isla Grant', role: 'visitor' });

  await team.open();
  await expect(team.member('Isla Grant')).toContainText('Home-visit peer supporter');
  await herContext.close();
});

test('signing out with changes that cannot be sent warns with the count, and wipes only once confirmed', async ({
  page,
  request,
}) => {
  await ensureOrganisation(request, coordinator);
  await new AccountPages(page).signIn(coordinator.email, coordinator.password, 'Buckie tablet');
  await waitForServiceWorker(page);
  const user = (await readMeta(page, 'user')) as { id: string };

  // Offline at the hall: three parents added.
  await page.context().setOffline(true);
  await queueParents(page, 'Buckie parent', 3, user.id);
  // Back in signal, but the server will not take the changes (a captive portal, a proxy fault).
  await page.context().route('**/api/sync/push', (route) => route.abort('connectionfailed'));
  await page.context().setOffline(false);

  const team = new TeamPage(page);
  await team.openSettings();
  await page.getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('group', { name: 'Changes will be lost' });
  await expect(warning).toContainText(
    '3 changes on this computer have not reached the server. If you sign out now they will be lost.',
  );
  await expectAccessible(page, 'Sign-out warning');

  // Nothing has gone yet; staying signed in keeps everything.
  await page.getByRole('button', { name: 'Stay signed in' }).click();
  expect(await countRows(page, 'attendee')).toBe(3);
  expect(await countRows(page, 'outbox')).toBe(3);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign out and delete them' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeVisible();
  await expect(page.getByText(SIGNED_OUT)).toBeVisible();
  await expect.poll(() => rowsIn(page)).toEqual(EMPTY);
  expect(await readMeta(page, 'user')).toBeNull();
});
