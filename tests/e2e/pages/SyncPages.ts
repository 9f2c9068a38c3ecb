// Helpers for the sync tests: tablets signed into one organisation, "Sync now", and a fast way to queue many
// changes. The app has no test hooks, so bulk changes are written with the plain IndexedDB API in the very
// shape the repository (src/db/records.ts) writes: a row `{id, ...values, _v: versions}` and an outbox entry
// `{kind, id, values, versions}`, stamped from the device's own stored clock, all in one transaction.
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AccountPages, type Coordinator } from './AccountPages.ts';

export interface Tablet {
  context: BrowserContext;
  page: Page;
}

/** Makes the organisation over the API if nobody has yet (first-run setup); a 403 means it already exists. */
export async function ensureOrganisation(request: APIRequestContext, who: Coordinator): Promise<void> {
  const response = await request.post('/api/organisations', { data: who });
  if (response.status() !== 201 && response.status() !== 403) {
    throw new Error(`Setting up the organisation failed: ${response.status()} ${await response.text()}`);
  }
}

/** A second (third…) tablet: a fresh browser context that signs in through the sign-in screen. */
export async function signedInTablet(browser: Browser, baseURL: string, who: Coordinator, device: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new AccountPages(page).signIn(who.email, who.password, device);
  return { context, page } satisfies Tablet;
}

export async function openSection(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

/** What the device's `meta` table holds under `key`, read straight from IndexedDB. */
export async function readMeta(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (metaKey) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('coorie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const entry = await new Promise<{ value: unknown } | undefined>((resolve, reject) => {
        const request = db.transaction('meta').objectStore('meta').get(metaKey);
        request.onsuccess = () => resolve(request.result as { value: unknown } | undefined);
        request.onerror = () => reject(request.error);
      });
      return entry?.value ?? null;
    } finally {
      db.close();
    }
  }, key);
}

/** How many rows a table of the device database holds. */
export async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('coorie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, table);
}

/**
 * Presses "Sync now" in Settings and waits until that sync has finished well: a later `lastSuccess` than
 * before, and nothing left waiting. A sync already under way (started by the app itself) counts as well.
 * `open` loads Settings: a plain page load, or one that also gets past the app lock.
 */
export async function syncNow(
  page: Page,
  open: (page: Page, path: string) => Promise<unknown> = (page, path) => page.goto(path),
): Promise<void> {
  const before = ((await readMeta(page, 'sync')) as { lastSuccess?: number } | null)?.lastSuccess ?? 0;
  await open(page, '/settings');
  const button = page.getByRole('button', { name: 'Sync now' });
  await expect(button).toBeEnabled({ timeout: 60_000 });
  await button.click();
  await expect
    .poll(async () => ((await readMeta(page, 'sync')) as { lastSuccess?: number } | null)?.lastSuccess ?? 0, {
      timeout: 60_000,
    })
    .toBeGreaterThan(before);
  await expect(page.getByText('Every change on this device has been sent.')).toBeVisible({ timeout: 60_000 });
}

/**
 * Queues `count` new parents named `${prefix} 1`… on the device, as though typed in one by one: each a row and
 * an outbox entry whose versions come from the device's hybrid logical clock, which moves on as it would.
 */
export async function queueParents(page: Page, prefix: string, count: number, userId: string): Promise<void> {
  await page.evaluate(
    async ({ prefix, count, userId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('coorie');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      try {
        const transaction = db.transaction(['attendee', 'outbox', 'meta'], 'readwrite');
        const meta = transaction.objectStore('meta');
        const stored = (await done(meta.get('clock'))) as
          { value: { millis: number; counter: number; node: string } } | undefined;
        const offset = ((await done(meta.get('serverOffset'))) as { value: number } | undefined)?.value ?? 0;
        const clock = stored?.value ?? {
          millis: 0,
          counter: 0,
          node: 'bulk' + Math.random().toString(36).slice(2, 10),
        };
        // The same rule as tick() in src/sync/hlc.ts: wall time if it is ahead, else count on.
        const tick = () => {
          const now = Date.now() + offset;
          if (now > clock.millis) Object.assign(clock, { millis: now, counter: 0 });
          else if (clock.counter >= 0xffff) Object.assign(clock, { millis: clock.millis + 1, counter: 0 });
          else clock.counter++;
          return `${String(clock.millis).padStart(13, '0')}-${clock.counter.toString(16).padStart(4, '0')}-${clock.node}`;
        };
        const rows = transaction.objectStore('attendee');
        const outbox = transaction.objectStore('outbox');
        for (let index = 1; index <= count; index++) {
          const id = crypto.randomUUID();
          const values = {
            displayName: `${prefix} ${index}`,
            createdAt: new Date(Date.now() + offset).toISOString(),
            createdBy: userId,
          };
          const versions = { displayName: tick(), createdAt: tick(), createdBy: tick() };
          rows.put({ ...values, id, _v: versions });
          outbox.add({ kind: 'attendee', id, values, versions });
        }
        meta.put({ key: 'clock', value: clock });
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
          transaction.onabort = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    { prefix, count, userId },
  );
}

/** Every record of `kind` the server sends this signed-in context, read page by page through the pull API. */
export async function pullAll(
  request: APIRequestContext,
  kind: string,
): Promise<{ id: string; values: Record<string, unknown> }[]> {
  const records: { id: string; values: Record<string, unknown> }[] = [];
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', protocol: '1', ...(cursor ? { cursor } : {}) });
    const response = await request.get(`/api/sync/pull?${query.toString()}`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as {
      changes: { kind: string; id: string; values: Record<string, unknown> }[];
      cursor: string;
      more: boolean;
    };
    records.push(...page.changes.filter((change) => change.kind === kind));
    cursor = page.cursor;
    if (!page.more) return records;
  }
}

/**
 * A group session that started an hour before `at`, put on the server as another tablet would (through the page's
 * signed-in request context), so that a test has a session without planning one on screen.
 */
export async function pushSessionFromAnotherTablet(page: Page, at: number, title: string, id: string): Promise<void> {
  const user = (await readMeta(page, 'user')) as { id: string };
  const version = `${String(at).padStart(13, '0')}-0000-halltablet`;
  const session = {
    title,
    startsAt: new Date(at - 60 * 60 * 1000).toISOString(),
    createdAt: new Date(at).toISOString(),
    createdBy: user.id,
  };
  const pushed = await page.request.post('/api/sync/push', {
    data: {
      protocol: 1,
      deviceId: 'halltablet',
      batchId: 'session',
      changes: [
        {
          kind: 'session',
          id,
          values: session,
          versions: Object.fromEntries(Object.keys(session).map((field) => [field, version])),
        },
      ],
    },
  });
  expect(pushed.status()).toBe(200);
}
