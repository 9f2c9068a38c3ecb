// Issue 3 in Chromium: two tablets working offline at the same session agree once back online, a tablet with
// a thousand changes waiting sends them all, and a reload in the middle of a sync loses nothing.
import { AccountPages } from './pages/AccountPages.ts';
import {
  countRows,
  ensureOrganisation,
  openSection,
  pullAll,
  queueParents,
  readMeta,
  signedInTablet,
  syncNow,
  type Tablet,
} from './pages/SyncPages.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';
import type { APIRequestContext, Page } from '@playwright/test';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

const PARENTS = ['Amy', 'Beth', 'Cara', 'Dee'];

async function userId(page: Page): Promise<string> {
  const user = (await readMeta(page, 'user')) as { id: string } | null;
  if (!user) throw new Error('Nobody is signed in on this tablet');
  return user.id;
}

/** A session and the parents expected at it, put on the server as another tablet would have pushed them. */
async function pushSessionAndParents(request: APIRequestContext, createdBy: string): Promise<string> {
  const sessionId = crypto.randomUUID();
  const version = `${String(Date.now()).padStart(13, '0')}-0000-setuptablet`;
  const change = (kind: string, id: string, values: Record<string, unknown>) => {
    const all = { ...values, createdAt: new Date().toISOString(), createdBy };
    return { kind, id, values: all, versions: Object.fromEntries(Object.keys(all).map((field) => [field, version])) };
  };
  // Today, from ten to twelve: a time of day the plan's form accepts at any hour the test runs (a session starting an
  // hour from now would run past midnight late in the evening, and the form would refuse the rename).
  const today = new Date();
  const startsAt = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 10),
  ).toISOString();
  const endsAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12)).toISOString();
  const changes = [
    change('session', sessionId, { title: 'Tuesday drop-in', startsAt, endsAt, kind: 'drop-in', status: 'planned' }),
    ...PARENTS.map((name) => change('attendee', crypto.randomUUID(), { displayName: name })),
  ];
  const response = await request.post('/api/sync/push', {
    data: { protocol: 1, deviceId: 'setuptablet', batchId: `setup-${sessionId}`, changes },
  });
  expect(response.status()).toBe(200);
  const { results } = (await response.json()) as { results: { status: string }[] };
  expect(results.map((result) => result.status)).toEqual(changes.map(() => 'applied'));
  return sessionId;
}

async function checkIn(page: Page, sessionId: string, names: string[]): Promise<void> {
  await page.goto(`/sessions/${sessionId}/check-in`);
  for (const name of names) {
    // Nobody said they are coming, so each is found by name.
    await page.getByRole('searchbox', { name: 'Find a name' }).fill(name);
    await page.getByRole('button', { name: `Check in ${name}` }).click();
    await expect(page.getByRole('button', { name: `Undo check-in for ${name}` })).toBeVisible();
  }
}

async function renameSession(page: Page, sessionId: string, title: string): Promise<void> {
  await page.goto(`/sessions/${sessionId}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('two tablets work offline at the same session and agree once back online', async ({ page, browser, server }) => {
  await new AccountPages(page).setUp(coordinator);
  await waitForServiceWorker(page);
  const first: Tablet = { context: page.context(), page };
  const second = await signedInTablet(browser, server.url, coordinator, 'Hall tablet 2');
  await waitForServiceWorker(second.page);

  const sessionId = await pushSessionAndParents(page.request, await userId(page));
  for (const tablet of [first, second]) {
    await syncNow(tablet.page);
    await tablet.page.goto(`/sessions/${sessionId}/check-in`);
    await tablet.page.getByRole('searchbox', { name: 'Find a name' }).fill('Dee');
    await expect(tablet.page.getByRole('button', { name: 'Check in Dee' })).toBeVisible();
  }

  // No signal in the hall: each tablet checks in different parents and renames the session its own way.
  await first.context.setOffline(true);
  await second.context.setOffline(true);
  await checkIn(first.page, sessionId, ['Amy', 'Beth']);
  await checkIn(second.page, sessionId, ['Cara', 'Dee']);
  await renameSession(first.page, sessionId, 'Tuesday drop-in — Elgin');
  await renameSession(second.page, sessionId, 'Tuesday drop-in — Forres');
  await expect(first.page.getByText(/changes? waiting to sync/)).toBeVisible();

  await first.context.setOffline(false);
  await second.context.setOffline(false);
  // The second tablet's sync brings the first one's changes; the first then fetches the second's.
  await syncNow(first.page);
  await syncNow(second.page);
  await syncNow(first.page);

  const titles: string[] = [];
  for (const tablet of [first, second]) {
    await tablet.page.goto(`/sessions/${sessionId}/check-in`);
    for (const name of PARENTS) {
      await expect(tablet.page.getByRole('button', { name: `Undo check-in for ${name}` })).toBeVisible();
    }
    await expect(tablet.page.getByText(/^4 here/)).toBeVisible();
    await tablet.page.goto(`/sessions/${sessionId}`);
    // A fresh load opens on the app lock first: wait for the session's own heading, whichever title won.
    const heading = tablet.page.getByRole('heading', { level: 1, name: /^Tuesday drop-in/ });
    await expect(heading).toBeVisible();
    titles.push((await heading.textContent()) ?? '');
  }
  expect(['Tuesday drop-in — Elgin', 'Tuesday drop-in — Forres']).toContain(titles[0]);
  expect(titles[1]).toBe(titles[0]);

  await first.page.goto('/settings');
  await expect(first.page.getByRole('heading', { name: 'Sync' })).toBeVisible();
  await expectAccessible(first.page, 'Settings, sync section');
  await second.context.close();
});

test('a tablet with a thousand changes waiting sends them all', async ({ page, browser, server, request }) => {
  await ensureOrganisation(request, coordinator);
  await new AccountPages(page).signIn(coordinator.email, coordinator.password, 'Buckie tablet');
  await waitForServiceWorker(page);
  await syncNow(page);

  await page.context().setOffline(true);
  // One parent typed in, the other 999 queued the way the app queues them.
  await openSection(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Walk-in Wendy');
  await page.getByRole('button', { name: 'Add this person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walk-in Wendy' })).toBeVisible();
  await queueParents(page, 'Buckie parent', 999, await userId(page));
  await page.reload();
  await expect(page.getByText('Offline — saved on this device')).toBeVisible();
  await expect(page.getByText('1,000 changes waiting to sync')).toBeVisible();

  await page.context().setOffline(false);
  await syncNow(page);
  await expect(page.getByText(/^Last synced \d\d:\d\d$/)).toBeVisible();
  expect(await countRows(page, 'outbox')).toBe(0);

  const other = await signedInTablet(browser, server.url, coordinator, 'Keith tablet');
  await syncNow(other.page);
  await openSection(other.page, 'People');
  await other.page.getByLabel('Search by name or area').fill('Buckie parent');
  await expect(other.page.getByText(/^999 of \d+ people shown$/)).toBeAttached();
  await other.page.getByLabel('Search by name or area').fill('Wendy');
  await expect(other.page.getByRole('link', { name: /Walk-in Wendy/ })).toBeVisible();
  await other.context.close();
});

test('a reload in the middle of a long sync loses nothing and sends nothing twice', async ({
  page,
  request,
  server,
}) => {
  await ensureOrganisation(request, coordinator);
  await new AccountPages(page).signIn(coordinator.email, coordinator.password, 'Forres tablet');
  await waitForServiceWorker(page);
  await syncNow(page);

  await page.context().setOffline(true);
  await queueParents(page, 'Forres parent', 3000, await userId(page));
  await page.reload();
  await expect(page.getByText('3,000 changes waiting to sync')).toBeVisible();

  // Signal returns and the app starts sending by itself, six batches of 500. The second batch reaches the
  // server, but its answer is lost as the tablet reloads: the device must send it again, and the server must
  // not count it twice.
  // Counted by the server: after the reload the service worker may send a batch itself, and Playwright neither
  // reports nor routes a service worker's requests.
  const answeredBefore = await server.pushesAnswered();
  let pushes = 0;
  let secondSent!: () => void;
  const second = new Promise<void>((resolve) => (secondSent = resolve));
  let releaseAnswer!: () => void;
  const reloaded = new Promise<void>((resolve) => (releaseAnswer = resolve));
  await page.context().route('**/api/sync/push', async (route) => {
    if (++pushes !== 2) return route.continue();
    await route.fetch();
    secondSent();
    await reloaded;
    await route.abort('connectionreset');
  });
  await page.context().setOffline(false);
  await second;
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  releaseAnswer();
  await page.context().unrouteAll({ behavior: 'wait' });
  await syncNow(page);
  expect(await countRows(page, 'outbox')).toBe(0);
  // Six batches, and the one whose answer was lost once more.
  expect((await server.pushesAnswered()) - answeredBefore).toBeGreaterThanOrEqual(7);
  await expect(page.getByRole('heading', { name: 'Changes the server refused' })).toHaveCount(0);

  const onServer = await pullAll(page.request, 'attendee');
  const names = onServer
    .map((record) => record.values.displayName)
    .filter((name) => String(name).startsWith('Forres parent '));
  expect(names).toHaveLength(3000);
  expect(new Set(names).size).toBe(3000);
  expect(new Set(onServer.map((record) => record.id)).size).toBe(onServer.length);
});
