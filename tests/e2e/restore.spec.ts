// The restore drill in Chromium: two tablets sync, a backup is taken (npm run backup), both go on working, the server
// is stopped, restored from the backup (npm run restore) and started, and both tablets sync again. Everything
// either tablet held is back on the server and on both; a person erased before the backup stays erased. It runs on
// SQLite, and on PostgreSQL too when TEST_DATABASE_URL names one (in a database of its own, dropped after).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { formatHlc } from '../../src/sync/hlc.ts';
import { createPgDatabase, dropPgDatabase } from '../server/pgDatabase.ts';
import { CheckInPage } from './pages/CheckInPage.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { openUnlocked, signInTablet, syncHere } from './pages/PrivacyPage.ts';
import { ensureOrganisation } from './pages/SyncPages.ts';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { startServer, type RunningServer } from './server.ts';

const run = promisify(execFile);

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Ailsa',
  email: 'ailsa.restore@example.org',
  password: 'a long enough password',
};

interface Row {
  id: string;
  [field: string]: unknown;
}

/** Every row of a table of the tablet's database, read straight from IndexedDB. */
async function rows(page: Page, table: string): Promise<Row[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('coorie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<Row[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as Row[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, table);
}

/** Every record the server sends a device syncing from the start, by `kind/id`. */
async function serverRecords(request: APIRequestContext): Promise<Map<string, Record<string, unknown>>> {
  const records = new Map<string, Record<string, unknown>>();
  let cursor = '';
  for (;;) {
    const answer = await request.get(`/api/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as {
      changes: { kind: string; id: string; values: Record<string, unknown> }[];
      cursor: string;
      more: boolean;
    };
    for (const change of body.changes) {
      records.set(`${change.kind}/${change.id}`, { ...records.get(`${change.kind}/${change.id}`), ...change.values });
    }
    cursor = body.cursor;
    if (!body.more) return records;
  }
}

async function editArea(page: Page, personId: string, area: string): Promise<void> {
  await openUnlocked(page, `/people/${personId}/edit`);
  await page.getByLabel('Area they live in').fill(area);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Edit/ })).toHaveCount(0);
}

async function addPerson(page: Page, name: string): Promise<void> {
  await openUnlocked(page, '/people/new');
  await new PeoplePage(page).add(name, 'Elgin');
}

/** `npm run backup` or `npm run restore -- …`, as the README has an operator run them, with the server's settings. */
const npmRun = (name: 'backup' | 'restore', args: string[], env: Record<string, string>) =>
  run('npm', ['run', name, ...(args.length > 0 ? ['--', ...args] : [])], { env: { ...process.env, ...env } });

interface Database {
  name: string;
  /** The backup file's extension. */
  extension: string;
  postgres: boolean;
}

const databases: Database[] = [
  { name: 'SQLite', extension: 'sqlite', postgres: false },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', extension: 'pgdump', postgres: true }] : []),
];

for (const database of databases) {
  test(`on ${database.name}, a restore from a backup loses nothing the tablets hold, and an erasure stays`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const databaseUrl = database.postgres ? await createPgDatabase() : '';
    try {
      await drill(browser, database, databaseUrl);
    } finally {
      if (databaseUrl) await dropPgDatabase(databaseUrl);
    }
  });
}

async function drill(browser: Browser, database: Database, databaseUrl: string): Promise<void> {
  let server: RunningServer = await startServer({ DATABASE_URL: databaseUrl });
  const backups = mkdtempSync(path.join(tmpdir(), 'coorie-backups-'));
  // The server's settings, which the backup and restore commands are run with too.
  const env = { DATA_DIR: server.dataDir, DATABASE_URL: databaseUrl, BACKUP_DIR: backups };
  try {
    const office = await browser.newContext({ baseURL: server.url });
    const hall = await browser.newContext({ baseURL: server.url });
    const a = await office.newPage();
    const b = await hall.newPage();
    await ensureOrganisation(a.request, coordinator);
    // A session today and two people, as an earlier tablet would have pushed them.
    const version = formatHlc({ millis: Date.now() - 60_000, counter: 0, node: 'earliertablet' });
    const stamp = (values: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(values).map((field) => [field, version]));
    const seed = [
      { kind: 'session', id: 's1', values: { title: 'Drop-in', startsAt: new Date().toISOString() } },
      { kind: 'attendee', id: 'amy', values: { displayName: 'Amy' } },
      { kind: 'attendee', id: 'kirsty', values: { displayName: 'Kirsty' } },
    ].map((change) => ({ ...change, versions: stamp(change.values) }));
    const seeded = await a.request.post('/api/sync/push', {
      data: { protocol: 1, deviceId: 'earliertablet', batchId: 'seed-1', changes: seed },
    });
    expect(seeded.status()).toBe(200);
    await signInTablet(a, coordinator.email, coordinator.password, 'Office tablet');
    await signInTablet(b, coordinator.email, coordinator.password, 'Hall tablet');
    await syncHere(a);
    await syncHere(b);

    // Kirsty is erased on request while the hall tablet is offline, and it edits her there, unaware (its service
    // worker serves the app's pages offline once it controls the page).
    await waitForServiceWorker(b);
    await hall.setOffline(true);
    expect((await a.request.post('/api/people/kirsty/erase')).status()).toBe(200);
    await syncHere(a);
    await editArea(b, 'kirsty', 'Lossiemouth');

    await npmRun('backup', [], env);
    const [backup] = readdirSync(backups);
    expect(backup).toMatch(new RegExp(`^coorie-.*\\.${database.extension}$`));

    // Both go on working: the office tablet's work reaches the server (which the restore will lose), the hall
    // tablet's waits offline.
    await addPerson(a, 'Beth');
    await editArea(a, 'amy', 'Forres');
    await syncHere(a);
    await openUnlocked(b, '/sessions/s1/check-in');
    await new CheckInPage(b).checkIn('Amy');
    await addPerson(b, 'Cara');

    // The restore refuses while the server runs; stopped, it restores, and the server starts on the same data.
    await expect(npmRun('restore', [path.join(backups, backup ?? ''), '--yes'], env)).rejects.toThrow(
      /is running on this data folder/,
    );
    await server.halt();
    const restored = await npmRun('restore', [path.join(backups, backup ?? ''), '--yes'], env);
    // It named what it replaced: the server's own database.
    const replaced = database.postgres
      ? `everything in the PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)} `
      : `the SQLite database ${path.join(server.dataDir, 'coorie.db')} `;
    expect(restored.stdout).toContain(`This replaces ${replaced}`);
    expect(restored.stdout).toMatch(/new epoch/);
    server = await startServer({ DATABASE_URL: databaseUrl }, 0, {
      at: { port: server.port, dataDir: server.dataDir },
    });

    await hall.setOffline(false);
    await syncHere(a);
    await syncHere(b);
    await syncHere(a);
    await expect(a.getByText(/problem|refused/i)).toHaveCount(0);

    // On the server: every person and field, the check-in, and Kirsty still erased.
    const records = await serverRecords(a.request);
    expect(records.get('attendee/amy')).toMatchObject({ displayName: 'Amy', locality: 'Forres' });
    const people = [...records.values()].filter((values) => typeof values.displayName === 'string');
    expect(people.map((values) => values.displayName).sort()).toEqual(['Amy', 'Beth', 'Cara']);
    expect(records.get('attendee/kirsty')).toEqual({ deleted: true, erased: true });
    const checkIns = [...records.entries()].filter(([key]) => key.startsWith('checkIn/'));
    expect(checkIns.map(([, values]) => [values.sessionId, values.attendeeId])).toEqual([['s1', 'amy']]);

    // On both tablets: the same, and nothing refused.
    for (const page of [a, b]) {
      const held = await rows(page, 'attendee');
      expect(held.map((row) => row.displayName).sort()).toEqual(['Amy', 'Beth', 'Cara']);
      expect(held.find((row) => row.id === 'amy')?.locality).toBe('Forres');
      expect((await rows(page, 'checkIn')).map((row) => [row.sessionId, row.attendeeId])).toEqual([['s1', 'amy']]);
      expect(await rows(page, 'rejected')).toEqual([]);
    }
    await openUnlocked(b, '/people');
    await expect(new PeoplePage(b).person('Cara')).toBeVisible();
    await expect(new PeoplePage(b).person('Kirsty')).toHaveCount(0);
    await office.close();
    await hall.close();
  } finally {
    await server.stop();
    rmSync(backups, { recursive: true, force: true });
  }
}
