// @vitest-environment node
// A server restored from a backup: the real server as its own process, stopped, restored and started again, and
// two tablets that catch up with it, sending back everything the backup lacked.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncStatusText } from '../../src/app/layout/syncStatusText.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { deleteMeta, getMeta } from '../../src/db/meta.ts';
import { getRecord, listRecords, saveRecord } from '../../src/db/records.ts';
import { listRejected } from '../../src/db/rejected.ts';
import { syncOnce } from '../../src/engine/client.ts';
import type { FetchLike } from '../../src/engine/transport.ts';
import { restoreBackup, takeBackup } from '../../src/server/backup.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createOrganisation, deviceDb, freePort, signInDevice, spawnServer, type SpawnedServer } from './harness.ts';

let dataDir: string;
let port: number;
let server: SpawnedServer;
const url = () => `http://127.0.0.1:${port}`;
const config = () => loadConfig({ DATA_DIR: dataDir, BACKUP_DIR: path.join(dataDir, '..', 'backups') });

interface Tablet {
  db: CoorieDb;
  fetch: FetchLike;
}
const sync = (tablet: Tablet, fetch: FetchLike = tablet.fetch) => syncOnce({ db: tablet.db, baseUrl: url(), fetch });
const names = async (tablet: Tablet) =>
  (await listRecords(tablet.db, 'attendee')).map((person) => person.displayName).sort();
const epochOf = async () => ((await (await fetch(`${url()}/api/health`)).json()) as { epoch: string }).epoch;

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'coorie-restore-'));
  dataDir = path.join(root, 'data');
  port = await freePort();
  server = await spawnServer(dataDir, port);
});
afterAll(async () => {
  await server.kill();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe('a server restored from a backup', () => {
  it(
    'gets back from the tablets every record and field they hold, and erasures stay',
    { timeout: 60_000 },
    async () => {
      const organisation = await createOrganisation(url());
      const a: Tablet = { db: deviceDb('a'), fetch: organisation.fetch };
      const b: Tablet = { db: deviceDb('b'), fetch: await signInDevice(url(), organisation.email, 'Hall tablet 2') };
      await saveRecord(a.db, 'attendee', 'p1', { displayName: 'Amy' });
      await saveRecord(a.db, 'attendee', 'gone', { displayName: 'Gail' });
      expect((await sync(a)).status).toBe('synced');
      expect((await sync(b)).status).toBe('synced');
      const before = await epochOf();
      expect(await getMeta(a.db, 'epoch')).toBe(before);

      const backup = await takeBackup(config());

      // After the backup: an edit and a new person on one tablet, another new person on the other, and an erasure
      // that the second tablet, offline, has not heard of.
      await saveRecord(a.db, 'attendee', 'p1', { cake: 'Lemon drizzle' });
      await saveRecord(a.db, 'attendee', 'p2', { displayName: 'Beth' });
      expect((await sync(a)).status).toBe('synced');
      const erased = await a.fetch(`${url()}/api/people/gone/erase`, { method: 'POST' });
      expect(erased.status).toBe(200);
      expect((await sync(a)).status).toBe('synced');
      await saveRecord(b.db, 'attendee', 'p3', { displayName: 'Cara' });
      expect(await names(b)).toEqual(['Amy', 'Cara', 'Gail']);

      await server.kill();
      const epoch = await restoreBackup(config(), backup.file);
      server = await spawnServer(dataDir, port);
      expect(await epochOf()).toBe(epoch);
      expect(epoch).not.toBe(before);

      // The tablets catch up: the status says so while they do, and nothing is refused.
      const seen: boolean[] = [];
      const watching: FetchLike = async (target, init) => {
        seen.push((await getMeta(a.db, 'sync'))?.catchingUp === true);
        return a.fetch(target, init);
      };
      const first = await sync(a, watching);
      expect(first).toMatchObject({ status: 'synced' });
      expect(seen).toContain(true);
      expect((await getMeta(a.db, 'sync'))?.catchingUp).toBeUndefined();
      expect(await getMeta(a.db, 'epoch')).toBe(epoch);
      expect((await sync(b)).status).toBe('synced');
      expect((await sync(a)).status).toBe('synced');
      for (const tablet of [a, b]) {
        expect(await names(tablet)).toEqual(['Amy', 'Beth', 'Cara']);
        expect((await getRecord(tablet.db, 'attendee', 'p1'))?.cake).toBe('Lemon drizzle');
        expect(await listRejected(tablet.db)).toEqual([]);
      }
      // A new tablet finds everything on the server, and no trace of the erased person.
      const c: Tablet = { db: deviceDb('c'), fetch: await signInDevice(url(), organisation.email, 'Spare tablet') };
      expect((await sync(c)).status).toBe('synced');
      expect(await names(c)).toEqual(['Amy', 'Beth', 'Cara']);
      expect((await getRecord(c.db, 'attendee', 'p1'))?.cake).toBe('Lemon drizzle');
      expect(await getRecord(c.db, 'attendee', 'gone')).toBeUndefined();
    },
  );

  it(
    'makes a device that synced before epochs existed catch up once, giving back what a restore lost',
    { timeout: 60_000 },
    async () => {
      const organisation = await createOrganisation(url(), 'Banff peer support');
      const d: Tablet = { db: deviceDb('d'), fetch: organisation.fetch };
      await saveRecord(d.db, 'attendee', 'q1', { displayName: 'Dana' });
      expect((await sync(d)).status).toBe('synced');
      const backup = await takeBackup(config());
      // Taken by the server after the backup, so lost by the restore.
      await saveRecord(d.db, 'attendee', 'q2', { displayName: 'Effie' });
      expect((await sync(d)).status).toBe('synced');
      await server.kill();
      const epoch = await restoreBackup(config(), backup.file);
      server = await spawnServer(dataDir, port);
      // The tablet last synced under an app that kept no epoch: it holds records, a cursor and no epoch.
      await deleteMeta(d.db, 'epoch');
      expect(await getMeta(d.db, 'cursor')).toBeDefined();

      const catchingUp: boolean[] = [];
      const pushes: number[] = [];
      const watching = (into: boolean[]): FetchLike => {
        return async (target, init) => {
          into.push((await getMeta(d.db, 'sync'))?.catchingUp === true);
          if (target.includes('/api/sync/push')) pushes.push(into.length);
          return d.fetch(target, init);
        };
      };
      expect((await sync(d, watching(catchingUp))).status).toBe('synced');
      expect(catchingUp).toContain(true);
      expect(pushes.length).toBeGreaterThan(0);
      expect(await getMeta(d.db, 'epoch')).toBe(epoch);
      expect(await getMeta(d.db, 'catchUpEpoch')).toBeUndefined();
      expect(await listRejected(d.db)).toEqual([]);

      // What the restore lost is back on the server: a new tablet finds both people.
      const e: Tablet = { db: deviceDb('e'), fetch: await signInDevice(url(), organisation.email, 'Spare tablet') };
      expect((await sync(e)).status).toBe('synced');
      expect(await names(e)).toEqual(['Dana', 'Effie']);

      // Once: the next sync is an ordinary one, with nothing to push.
      const again: boolean[] = [];
      pushes.length = 0;
      expect((await sync(d, watching(again))).status).toBe('synced');
      expect(again).not.toContain(true);
      expect(pushes).toEqual([]);
    },
  );

  it(
    'lets a new device simply take the epoch, whether it pushes first or only pulls',
    { timeout: 30_000 },
    async () => {
      const organisation = await createOrganisation(url(), 'Keith peer support');
      const epoch = await epochOf();
      const watched = (tablet: Tablet, log: { catchingUp: boolean; path: string }[]): FetchLike => {
        return async (target, init) => {
          const catchingUp = (await getMeta(tablet.db, 'sync'))?.catchingUp === true;
          log.push({ catchingUp, path: new URL(target).pathname });
          return tablet.fetch(target, init);
        };
      };

      // A tablet that writes before its first sync: one push, no catch-up, no second push of what it sent.
      const f: Tablet = { db: deviceDb('f'), fetch: organisation.fetch };
      await saveRecord(f.db, 'attendee', 'r1', { displayName: 'Fenella' });
      const fLog: { catchingUp: boolean; path: string }[] = [];
      expect((await sync(f, watched(f, fLog))).status).toBe('synced');
      expect(fLog.filter((entry) => entry.path === '/api/sync/push')).toHaveLength(1);
      expect(fLog.some((entry) => entry.catchingUp)).toBe(false);
      expect(await getMeta(f.db, 'epoch')).toBe(epoch);

      // A tablet with nothing of its own: its first pull gives it the epoch, with no catch-up.
      const g: Tablet = { db: deviceDb('g'), fetch: await signInDevice(url(), organisation.email, 'Second tablet') };
      const gLog: { catchingUp: boolean; path: string }[] = [];
      expect((await sync(g, watched(g, gLog))).status).toBe('synced');
      expect(gLog.some((entry) => entry.catchingUp)).toBe(false);
      expect(gLog.filter((entry) => entry.path === '/api/sync/push')).toHaveLength(0);
      expect(await getMeta(g.db, 'epoch')).toBe(epoch);
      expect(await names(g)).toEqual(['Fenella']);
    },
  );

  it('says "Catching up after a server restore" while it does, not an error', () => {
    for (const phase of ['pulling', 'pushing'] as const) {
      expect(syncStatusText({ online: true, waiting: 3, sync: { phase, catchingUp: true } })).toEqual({
        text: 'Catching up after a server restore',
        tone: 'waiting',
      });
    }
    const long = syncStatusText({
      online: true,
      waiting: 0,
      sync: { phase: 'pulling', catchingUp: true, downloaded: 500, total: 2000 },
    });
    expect(long).toEqual({
      text: 'Catching up after a server restore',
      detail: 'Downloading 500 of 2,000 records',
      tone: 'waiting',
    });
  });
});
