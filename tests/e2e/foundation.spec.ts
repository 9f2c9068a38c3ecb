// Issue 2's promise, end to end in Chromium: set up, sign in, install the worker, go offline, reload, carry on.
import { AccountPages } from './pages/AccountPages.ts';
import {
  expect,
  expectAccessible,
  expectLinkTargets,
  expectNotCovered,
  test,
  waitForServiceWorker,
} from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

const SECTIONS = ['Today', 'Sessions', 'People', 'Visits', 'Activities', 'Reports', 'Settings'];

test('a coordinator sets up, signs in on a second tablet, and the app opens offline with what was saved', async ({
  page,
  browser,
  server,
}) => {
  const account = new AccountPages(page);
  // A fresh server has nobody to sign in: its first page is setup.
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Coorie' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  // The first visit installs the worker, and Coorie says so, in its own place: the form's button stays clear.
  await expect(page.getByText('Ready to work offline.')).toBeVisible();
  await expectAccessible(page, 'setup');
  await expectLinkTargets(page, 'setup');
  await expectNotCovered(page.getByRole('button', { name: 'Set up Coorie' }));
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNotCovered(page.getByRole('button', { name: 'Set up Coorie' }));
  await page.setViewportSize({ width: 820, height: 1180 });
  // Notices about the app go away by themselves.
  await expect(page.getByText('Ready to work offline.')).toHaveCount(0, { timeout: 20_000 });

  await account.setUp(coordinator);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await waitForServiceWorker(page);

  for (const section of SECTIONS) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expectAccessible(page, section);
    await expectLinkTargets(page, section);
  }

  // Something saved on this tablet, then the network goes.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Amy');
  await page.getByRole('button', { name: 'Add this person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amy' })).toBeVisible();

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByText(/Offline/).first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Amy\b/ })).toBeVisible();

  // A second tablet signs in with the same account; the parent arrives once the first tablet syncs.
  await page.context().setOffline(false);
  const second = await browser.newContext({ baseURL: server.url });
  const tablet2 = await second.newPage();
  await new AccountPages(tablet2).signIn(coordinator.email, coordinator.password, 'Hall tablet 2');
  await tablet2.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'People' }).click();
  await expect(tablet2.getByRole('link', { name: /^Amy\b/ })).toBeVisible({ timeout: 60_000 });
  await second.close();
});

test('the manifest makes Coorie installable, and the server caches the app shell correctly', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({
    name: 'Coorie',
    short_name: 'Coorie',
    display: 'standalone',
    start_url: '/',
    scope: '/',
  });
  const sizes = (manifest.icons as { sizes: string; purpose?: string }[]).map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect((manifest.icons as { purpose?: string }[]).some((icon) => icon.purpose?.includes('maskable'))).toBe(true);

  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  const index = await request.get('/');
  expect(index.headers()['cache-control']).toBe('no-cache');
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
  expect((await request.get(asset!)).headers()['cache-control']).toContain('immutable');

  const health = await (await request.get('/api/health')).json();
  expect(health).toMatchObject({ status: 'ok', database: 'sqlite' });
  const bad = await request.post('/api/auth/sign-in', {
    data: '{not json',
    headers: { 'content-type': 'application/json' },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBeTruthy();
});
