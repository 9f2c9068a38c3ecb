// @vitest-environment node
// The engine against the real server over real HTTP: two tablets of one organisation, and the ways sync fails.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { getMeta } from '../../src/db/meta.ts';
import { getRecord, listRecords, saveRecord } from '../../src/db/records.ts';
import { listRejected } from '../../src/db/rejected.ts';
import { pullChanges, syncOnce } from '../../src/engine/client.ts';
import { parseHlc } from '../../src/sync/hlc.ts';
import { PROTOCOL, type Change } from '../../src/sync/protocol.ts';
import type { FetchLike } from '../../src/engine/transport.ts';
import { createOrganisation, deviceDb, signInDevice, startTestServer, type TestServer } from './harness.ts';

const DAY = 24 * 60 * 60 * 1000;
const session = (title: string) => ({ title, startsAt: '2026-11-24T10:00:00Z' });

let server: TestServer;

interface Tablet {
  db: CoorieDb;
  fetch: FetchLike;
  sync(fetch?: FetchLike): ReturnType<typeof syncOnce>;
}

/** Two tablets of a new organisation, signed in as its coordinator. */
async function twoTablets(): Promise<[Tablet, Tablet]> {
  const organisation = await createOrganisation(server.url);
  const second = await signInDevice(server.url, organisation.email, 'Hall tablet 2');
  return [tablet(organisation.fetch), tablet(second)];
}

function tablet(fetch: FetchLike): Tablet {
  const db = deviceDb('tablet');
  return { db, fetch, sync: (override) => syncOnce({ db, baseUrl: server.url, fetch: override ?? fetch }) };
}

const databases = [{ name: 'SQLite', postgres: false }];
if (process.env.TEST_DATABASE_URL) databases.push({ name: 'PostgreSQL', postgres: true });

describe.each(databases)('sync with the real server on $name', ({ postgres }) => {
  beforeAll(async () => {
    server = await startTestServer({ postgres });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('two tablets through the real server', () => {
    it('carries a record made offline on one tablet to the other', async () => {
      const [a, b] = await twoTablets();
      await saveRecord(a.db, 'attendee', 'p1', { displayName: 'Amy', cake: 'Lemon drizzle' });
      expect(await a.sync()).toMatchObject({ status: 'synced', pushed: 1 });
      expect(await b.sync()).toMatchObject({ status: 'synced', pulled: 1 });
      expect(await getRecord(b.db, 'attendee', 'p1')).toMatchObject({ displayName: 'Amy', cake: 'Lemon drizzle' });
      expect(await b.db.records('attendee').get('p1')).toEqual(await a.db.records('attendee').get('p1'));
    });

    it('merges edits of different fields made offline on both tablets, and the later edit of one field wins', async () => {
      const [a, b] = await twoTablets();
      // Both tablets read one clock that the test moves on, so "later" does not depend on how fast this runs.
      let now = Date.now() - 60_000;
      a.db.now = b.db.now = () => now;
      await saveRecord(a.db, 'session', 's1', session('Drop-in'));
      await a.sync();
      await b.sync();
      now += 1_000;
      await saveRecord(a.db, 'session', 's1', { theme: 'identity' });
      await saveRecord(b.db, 'session', 's1', { title: 'Drop-in at Rothes' });
      now += 1_000;
      await saveRecord(a.db, 'session', 's1', { title: 'Drop-in at Buckie' });
      await b.sync();
      await a.sync();
      await b.sync();
      for (const { db } of [a, b]) {
        expect(await getRecord(db, 'session', 's1')).toMatchObject({ title: 'Drop-in at Buckie', theme: 'identity' });
      }
    });

    it('asks for the sealing key with changes to send or once a day, so a sync with nothing to do is one request', async () => {
      const [a] = await twoTablets();
      const paths: string[] = [];
      const counting: FetchLike = (url, init) => {
        paths.push(new URL(url).pathname);
        return a.fetch(url, init);
      };
      let now = Date.now();
      a.db.now = () => now;
      await a.sync(counting);
      expect(paths).toEqual(['/api/sync/seal-key', '/api/sync/pull']);
      const learnt = await getMeta(a.db, 'serverSealKey');
      expect(learnt?.keyId).toMatch(/^org:/);

      paths.length = 0;
      now += 60 * 60 * 1000;
      expect(await a.sync(counting)).toMatchObject({ status: 'synced', pulled: 0 });
      expect(paths).toEqual(['/api/sync/pull']);

      paths.length = 0;
      await saveRecord(a.db, 'attendee', 'p1', { displayName: 'Amy' });
      expect(await a.sync(counting)).toMatchObject({ status: 'synced', pushed: 1 });
      expect(paths).toEqual(['/api/sync/seal-key', '/api/sync/push', '/api/sync/pull']);

      paths.length = 0;
      now += DAY;
      await a.sync(counting);
      expect(paths).toEqual(['/api/sync/seal-key', '/api/sync/pull']);
      expect(await getMeta(a.db, 'serverSealKey')).toMatchObject({ keyId: learnt?.keyId, checkedAt: now });
    });

    it('answers the same batch sent twice the same, and stores it once', async () => {
      const [a] = await twoTablets();
      const v = `${String(Date.now()).padStart(13, '0')}-0000-replaydev`;
      const change: Change = {
        kind: 'session',
        id: 's-replay',
        values: session('Once'),
        versions: { title: v, startsAt: v },
      };
      const body = JSON.stringify({ protocol: PROTOCOL, deviceId: 'replaydev', batchId: 'batch-1', changes: [change] });
      const post = () =>
        a.fetch(`${server.url}/api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      const first = (await (await post()).json()) as { results: unknown[] };
      const second = (await (await post()).json()) as { results: unknown[] };
      expect(first.results).toEqual([{ status: 'applied' }]);
      expect(second.results).toEqual(first.results);
      const reader = deviceDb('reader');
      expect(await pullChanges({ db: reader, baseUrl: server.url, fetch: a.fetch })).toBe(1);
    });

    it('keeps a change the server refuses, with its reason, and sends the rest', async () => {
      const [a] = await twoTablets();
      await saveRecord(a.db, 'session', 's-ok', session('Fine'));
      // A change the device's own checks would stop; written straight to the outbox as a buggy older app might.
      const v = `${String(Date.now()).padStart(13, '0')}-0000-olderapp`;
      await a.db.outbox.add({ kind: 'session', id: 's-bad', values: { theme: 'x' }, versions: { theme: v } });
      expect(await a.sync()).toMatchObject({ status: 'synced', pushed: 1, refused: 1 });
      const [refused] = await listRejected(a.db);
      expect(refused).toMatchObject({ kind: 'session', id: 's-bad', code: 'required_missing', values: { theme: 'x' } });
      expect(await a.db.outbox.count()).toBe(0);
    });

    it('asks for a sign-in again when the cookie is gone, and keeps the outbox', async () => {
      const [a] = await twoTablets();
      await saveRecord(a.db, 'session', 's1', session('Kept'));
      const noCookie: FetchLike = (url, init) => fetch(url, init);
      expect(await a.sync(noCookie)).toMatchObject({ status: 'signed-out', message: 'Please sign in again' });
      expect(await a.db.outbox.count()).toBe(1);
      expect(await a.sync()).toMatchObject({ status: 'synced' });
    });
  });

  describe('faults', () => {
    it('resumes a pull cut off after its first page, and ends complete and correct', async () => {
      const [a, b] = await twoTablets();
      await a.db.transaction('rw', a.db.allTables(), async () => {
        for (let i = 0; i < 250; i++) await saveRecord(a.db, 'attendee', `p${i}`, { displayName: `Parent ${i}` });
      });
      await a.sync();
      let pages = 0;
      const cutAfterFirstPage: FetchLike = async (url, init) => {
        if (url.includes('/api/sync/pull') && ++pages > 1) throw new TypeError('network connection lost');
        return b.fetch(url, init);
      };
      const cut = await syncOnce({ db: b.db, baseUrl: server.url, fetch: cutAfterFirstPage, pullLimit: 100 });
      expect(cut).toMatchObject({ status: 'offline' });
      expect(await b.db.records('attendee').count()).toBe(100);
      const cursorAfterCut = await getMeta(b.db, 'cursor');
      expect(cursorAfterCut).toBeDefined();

      const requested: string[] = [];
      const watching: FetchLike = (url, init) => {
        requested.push(url);
        return b.fetch(url, init);
      };
      expect(await syncOnce({ db: b.db, baseUrl: server.url, fetch: watching, pullLimit: 100 })).toMatchObject({
        status: 'synced',
        pulled: 150,
      });
      expect(new URL(requested.find((url) => url.includes('/pull'))!).searchParams.get('cursor')).toBe(cursorAfterCut);
      const rows = await listRecords(b.db, 'attendee');
      expect(rows).toHaveLength(250);
      expect(rows.find((row) => row.id === 'p249')?.displayName).toBe('Parent 249');
      expect(await b.db.records('attendee').toArray()).toEqual(await a.db.records('attendee').toArray());
    });

    it('re-stamps the changes of a tablet a day ahead, which then does not win every later merge', async () => {
      const [ahead, right] = await twoTablets();
      ahead.db.now = () => Date.now() + DAY;
      await saveRecord(ahead.db, 'session', 's1', session('From the tablet a day ahead'));
      expect(await ahead.sync()).toMatchObject({ status: 'synced', pushed: 1, refused: 0 });
      expect(await listRejected(ahead.db)).toEqual([]);
      const stored = await ahead.db.records('session').get('s1');
      for (const version of Object.values(stored!._v))
        expect(parseHlc(version)!.millis).toBeLessThan(Date.now() + DAY / 2);

      await right.sync();
      await saveRecord(right.db, 'session', 's1', { title: 'A later edit on a tablet with the right date' });
      await right.sync();
      await ahead.sync();
      expect((await getRecord(ahead.db, 'session', 's1'))?.title).toBe('A later edit on a tablet with the right date');

      // And its own later edits are stamped with the corrected clock, so they win by being later, not by its date.
      await saveRecord(ahead.db, 'session', 's1', { title: 'Later still, from the tablet a day ahead' });
      expect(await ahead.sync()).toMatchObject({ status: 'synced', refused: 0 });
      await right.sync();
      expect((await getRecord(right.db, 'session', 's1'))?.title).toBe('Later still, from the tablet a day ahead');
      expect(await right.db.records('session').get('s1')).toEqual(await ahead.db.records('session').get('s1'));
    });

    it('lets a tablet a day behind sync, and its edits win once it has learnt the offset', async () => {
      const [behind, right] = await twoTablets();
      behind.db.now = () => Date.now() - DAY;
      await saveRecord(right.db, 'session', 's1', session('From the tablet with the right date'));
      await right.sync();
      expect(await behind.sync()).toMatchObject({ status: 'synced', pulled: 1 });
      expect(await getMeta(behind.db, 'serverOffset')).toBeGreaterThan(DAY - 60_000);

      await saveRecord(behind.db, 'session', 's1', { title: 'A later edit on the tablet a day behind' });
      expect(await behind.sync()).toMatchObject({ status: 'synced', pushed: 1 });
      await right.sync();
      expect((await getRecord(right.db, 'session', 's1'))?.title).toBe('A later edit on the tablet a day behind');
    });
  });
});
