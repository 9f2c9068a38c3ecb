// @vitest-environment node
// The engine against an in-process fake of the sync endpoints: fast checks of each rule of src/sync/protocol.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CoorieDb } from '../../src/db/database.ts';
import { createDeviceKey, forgetDeviceKey } from '../../src/db/keyring.ts';
import { getMeta } from '../../src/db/meta.ts';
import { getRecord, listRecords, saveRecord } from '../../src/db/records.ts';
import { listRejected } from '../../src/db/rejected.ts';
import { isSealed } from '../../src/db/sealing.ts';
import { syncStatusText } from '../../src/app/layout/syncStatusText.ts';
import { pullChanges, pushOutbox, runOutcomeOf, syncOnce } from '../../src/engine/client.ts';
import { deleteOutboxEntries } from '../../src/engine/syncStore.ts';
import { parseHlc } from '../../src/sync/hlc.ts';
import type { FetchLike } from '../../src/engine/transport.ts';
import { createFakeServer, type FakeServer } from './fakeServer.ts';

const DAY = 24 * 60 * 60 * 1000;
const dbs: CoorieDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function device(): CoorieDb {
  const db = new CoorieDb(`device-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** Counts what a push asks of the outbox table, below Dexie's API (a DBCore middleware, no stand-in). */
function countOutbox(db: CoorieDb): { rowsRead: number; rangeDeletes: number; deletedOneByOne: number } {
  const outbox = { rowsRead: 0, rangeDeletes: 0, deletedOneByOne: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-outbox',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'outbox') return table;
        return {
          ...table,
          query: async (request) => {
            const answer = await table.query(request);
            if (request.values) outbox.rowsRead += answer.result.length;
            return answer;
          },
          getMany: async (request) => {
            outbox.rowsRead += request.keys.length;
            return table.getMany(request);
          },
          mutate: async (request) => {
            if (request.type === 'deleteRange') outbox.rangeDeletes++;
            if (request.type === 'delete') outbox.deletedOneByOne += request.keys.length;
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return outbox;
}

const session = (title: string) => ({ title, startsAt: '2026-11-24T10:00:00Z' });

/** The server applies each request, and its answer is lost on the way back. */
const answersLost =
  (server: FakeServer): FetchLike =>
  async (url, init) => {
    await server.fetch(url, init);
    throw new TypeError('Failed to fetch');
  };

describe('push', () => {
  it('sends ten offline edits of one record as one change and empties the outbox', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    for (let i = 0; i < 9; i++) await saveRecord(db, 'session', 's1', { title: `Drop-in ${i}` });
    expect(await syncOnce({ db, fetch: server.fetch })).toMatchObject({ status: 'synced', pushed: 1 });
    expect(server.pushes).toHaveLength(1);
    expect(server.pushes[0]?.changes).toHaveLength(1);
    expect(server.records.get('session:s1')?.values.title).toBe('Drop-in 8');
    expect(await db.outbox.count()).toBe(0);
  });

  it('splits a large outbox into batches of at most 500', async () => {
    const server = createFakeServer();
    const db = device();
    await db.transaction('rw', db.allTables(), async () => {
      for (let i = 0; i < 1_100; i++) await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i}` });
    });
    await syncOnce({ db, fetch: server.fetch });
    expect(server.pushes.map((push) => push.changes.length)).toEqual([500, 500, 100]);
    expect(server.records.size).toBe(1_100);
    expect(await db.outbox.count()).toBe(0);
  });

  it('reads each outbox entry once and deletes each batch’s entries a run at a time, however many batches', async () => {
    const server = createFakeServer();
    const db = device();
    const outbox = countOutbox(db);
    await db.transaction('rw', db.allTables(), async () => {
      for (let i = 0; i < 900; i++) await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i}` });
      // Edits of records already queued coalesce with their first entry, in whichever batch that goes.
      for (let i = 0; i < 900; i += 100)
        await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i} (edited)` });
      for (let i = 900; i < 1_100; i++) await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i}` });
      for (const i of [1_000, 1_090])
        await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i} (edited)` });
    });
    const entries = await db.outbox.count();
    Object.assign(outbox, { rowsRead: 0, rangeDeletes: 0, deletedOneByOne: 0 });
    await pushOutbox({ db, fetch: server.fetch });
    // The first window is a thousand entries (two batches' worth), the next holds the rest.
    expect(server.pushes.map((push) => push.changes.length)).toEqual([500, 491, 109]);
    expect(server.records.get('attendee:a800')?.values.displayName).toBe('Parent 800 (edited)');
    expect(server.records.get('attendee:a1090')?.values.displayName).toBe('Parent 1090 (edited)');
    // Each of the first two batches is two runs of entries (first writes, and the edits that coalesced with them),
    // a range delete for each; the last is one run, its two edits written straight after its first writes.
    expect(outbox).toEqual({ rowsRead: entries, rangeDeletes: 5, deletedOneByOne: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends the first batches of a long outbox before it has read the rest', async () => {
    const server = createFakeServer();
    const db = device();
    const outbox = countOutbox(db);
    await db.transaction('rw', db.allTables(), async () => {
      for (let i = 0; i < 3_000; i++) await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i}` });
    });
    outbox.rowsRead = 0;
    const readBeforeEachPush: number[] = [];
    const watching: FetchLike = async (url, init) => {
      if (String(url).includes('/api/sync/push')) readBeforeEachPush.push(outbox.rowsRead);
      return server.fetch(url, init);
    };
    await pushOutbox({ db, fetch: watching });
    expect(server.pushes.map((push) => push.changes.length)).toEqual([500, 500, 500, 500, 500, 500]);
    // Two batches' worth read before the first two left; the rest once they were on their way, each entry once.
    expect(readBeforeEachPush.slice(0, 2)).toEqual([1_000, 1_000]);
    expect(outbox.rowsRead).toBe(3_000);
    expect(await db.outbox.count()).toBe(0);
  });

  it('deletes exactly the entries answered for, in runs or one by one, and no entry between them', async () => {
    const db = device();
    for (let i = 0; i < 12; i++) await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i}` });
    const seqs = await db.outbox.toCollection().primaryKeys();
    const at = (indexes: number[]) => indexes.map((index) => seqs[index] ?? -1);
    // A run of four, two on their own, a run of two, one more: the rest stay queued.
    await deleteOutboxEntries(db, at([0, 1, 2, 3, 5, 7, 8, 10]));
    expect(await db.outbox.toCollection().primaryKeys()).toEqual(at([4, 6, 9, 11]));
    expect((await db.outbox.toArray()).map((entry) => entry.id)).toEqual(['a4', 'a6', 'a9', 'a11']);
  });

  it('keeps writes made while a push is on the wire queued for the next push', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    let seen: unknown;
    const writing: FetchLike = async (url, init) => {
      if (server.pushes.length === 0) {
        await saveRecord(db, 'session', 's1', { title: 'Typed during the push' });
      } else seen ??= (await db.outbox.toArray()).map((entry) => entry.values);
      return server.fetch(url, init);
    };
    await pushOutbox({ db, fetch: writing });
    // The first push took the original entry only; the write made meanwhile stayed and went in a second push.
    expect(seen).toEqual([{ title: 'Typed during the push' }]);
    expect(server.pushes.map((push) => push.changes[0]?.values.title)).toEqual(['Drop-in', 'Typed during the push']);
    expect(server.records.get('session:s1')?.values.title).toBe('Typed during the push');
    expect(await db.outbox.count()).toBe(0);
    expect((await getRecord(db, 'session', 's1'))?.title).toBe('Typed during the push');
  });

  it('resends the same batch under the same id when the answer was lost, and nothing doubles', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    const losing = answersLost(server);
    expect(await syncOnce({ db, fetch: losing })).toMatchObject({ status: 'offline' });
    expect(await db.outbox.count()).toBe(1);
    await saveRecord(db, 'session', 's2', session('Written before the retry'));
    expect(await syncOnce({ db, fetch: server.fetch })).toMatchObject({ status: 'synced' });
    const [first, replay, next] = server.pushes;
    expect(replay?.batchId).toBe(first?.batchId);
    expect(replay?.changes).toEqual(first?.changes);
    expect(next?.changes.map((change) => change.id)).toEqual(['s2']);
    expect(server.records.size).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends the next batch before the answer to one has come, and resends both under their ids when both are lost', async () => {
    const server = createFakeServer();
    const db = device();
    await db.transaction('rw', db.allTables(), async () => {
      for (let i = 0; i < 1_100; i++) await saveRecord(db, 'attendee', `a${i}`, { displayName: `Parent ${i}` });
    });
    const losing = answersLost(server);
    expect(await syncOnce({ db, fetch: losing })).toMatchObject({ status: 'offline' });
    // The second batch left before the first one's answer was known to be lost; both await their answers.
    const lost = server.pushes.map((push) => push.batchId);
    expect(server.pushes.map((push) => push.changes.length)).toEqual([500, 500]);
    expect((await getMeta(db, 'pendingBatches'))?.map((batch) => batch.batchId)).toEqual(lost);
    expect(await db.outbox.count()).toBe(1_100);

    expect(await syncOnce({ db, fetch: server.fetch })).toMatchObject({ status: 'synced' });
    const resent = server.pushes.slice(2);
    expect(resent.slice(0, 2).map((push) => push.batchId)).toEqual(lost);
    expect(resent.slice(0, 2).map((push) => push.changes)).toEqual(
      server.pushes.slice(0, 2).map((push) => push.changes),
    );
    expect(resent.slice(2).map((push) => push.changes.length)).toEqual([100]);
    expect(server.records.size).toBe(1_100);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'pendingBatches')).toBeUndefined();
  });

  it('resends first, under its id, a batch that an older version of Coorie left awaiting its answer', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    const losing = answersLost(server);
    expect(await syncOnce({ db, fetch: losing })).toMatchObject({ status: 'offline' });
    // As an older version kept it: one batch, whole, under `pendingBatch`.
    const [lost] = server.pushes;
    const [entry] = await db.outbox.toArray();
    if (!lost || entry?.seq === undefined) throw new Error('No batch awaits its answer');
    const { seq, kind, id, values, versions } = entry;
    const older = { batchId: lost.batchId, items: [{ change: { kind, id, values, versions }, seqs: [seq] }] };
    await db.meta.delete('pendingBatches');
    await db.meta.put({ key: 'pendingBatch', value: older });
    await saveRecord(db, 'session', 's2', session('Written after the update'));

    expect(await syncOnce({ db, fetch: server.fetch })).toMatchObject({ status: 'synced' });
    expect(server.pushes.map((push) => push.batchId).slice(0, 2)).toEqual([older.batchId, older.batchId]);
    expect(server.pushes[2]?.changes.map((change) => change.id)).toEqual(['s2']);
    expect(server.records.size).toBe(2);
    expect(await getMeta(db, 'pendingBatch')).toBeUndefined();
    expect(await getMeta(db, 'pendingBatches')).toBeUndefined();
  });

  it('sends what is left of a batch awaiting its answer under a new id once some of its changes have gone', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    await saveRecord(db, 'session', 's2', session('Baby massage'));
    const losing = answersLost(server);
    expect(await syncOnce({ db, fetch: losing })).toMatchObject({ status: 'offline' });
    const [lost] = server.pushes;
    // One of the batch's records leaves the outbox before the retry, as a purge after an erasure takes it.
    await db.outbox.where('[kind+id]').equals(['session', 's2']).delete();

    expect(await syncOnce({ db, fetch: server.fetch })).toMatchObject({ status: 'synced' });
    const retry = server.pushes[1];
    expect(retry?.batchId).not.toBe(lost?.batchId);
    expect(retry?.changes.map((change) => change.id)).toEqual(['s1']);
    expect(server.pushes).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'pendingBatches')).toBeUndefined();
  });

  it('sends a batch again under a new id when the server says the id is taken by another batch', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    const sent: string[] = [];
    const conflictOnce: FetchLike = async (url, init) => {
      if (url.endsWith('/api/sync/push')) {
        sent.push((JSON.parse(String(init.body)) as { batchId: string }).batchId);
        if (sent.length === 1) {
          const error = { error: { code: 'batch_conflict', message: 'taken' } };
          return new Response(JSON.stringify(error), { status: 409 });
        }
      }
      return server.fetch(url, init);
    };
    expect(await syncOnce({ db, fetch: conflictOnce })).toMatchObject({ status: 'synced', pushed: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[1]).not.toBe(sent[0]);
    expect(server.records.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps refused changes in `rejected` with the reason, and the local record stays', async () => {
    const server = createFakeServer();
    server.refuse = (change) =>
      change.id === 's-bad' ? { status: 'rejected', code: 'forbidden', message: 'not yours' } : undefined;
    const db = device();
    await saveRecord(db, 'session', 's-bad', session('Someone else’s'));
    await saveRecord(db, 'session', 's-good', session('Ours'));
    expect(await syncOnce({ db, fetch: server.fetch })).toMatchObject({ status: 'synced', pushed: 1, refused: 1 });
    const rejected = await listRejected(db);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ kind: 'session', id: 's-bad', code: 'forbidden', message: 'not yours' });
    expect(rejected[0]?.values.title).toBe('Someone else’s');
    expect(await db.outbox.count()).toBe(0);
    expect((await getRecord(db, 'session', 's-bad'))?.title).toBe('Someone else’s');
  });
});

describe('clock', () => {
  it('re-stamps changes from a tablet a day ahead with the corrected clock, and they are accepted', async () => {
    const server = createFakeServer();
    const db = device();
    db.now = () => Date.now() + DAY;
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    const outcome = await syncOnce({ db, fetch: server.fetch });
    expect(outcome).toMatchObject({ status: 'synced', pushed: 1, refused: 0 });
    expect(server.pushes.map((push) => push.changes.length)).toEqual([1, 1]);
    const stored = server.records.get('session:s1');
    for (const version of Object.values(stored?.versions ?? {})) {
      expect(parseHlc(version)!.millis).toBeLessThanOrEqual(Date.now() + 60_000);
    }
    const local = await db.records('session').get('s1');
    expect(local?._v).toEqual(stored?.versions);
    expect(local?.title).toBe('Drop-in');
    expect(await getMeta(db, 'serverOffset')).toBeLessThan(-DAY + 60_000);
    expect((await getMeta(db, 'clock'))!.millis).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(await listRejected(db)).toEqual([]);
  });

  it('moves the clock past every version it pulls', async () => {
    const server = createFakeServer();
    const later = `${String(Date.now() + 120_000)}-0005-otherdev`;
    server.seed({
      kind: 'session',
      id: 's1',
      values: session('From elsewhere'),
      versions: { title: later, startsAt: later },
    });
    const db = device();
    await syncOnce({ db, fetch: server.fetch });
    const row = await saveRecord(db, 'session', 's1', { title: 'Mine, after' });
    expect(row._v.title! > later).toBe(true);
  });
});

/** A server holding `count` parents pushed by another device, three pages' worth at 2,500. */
function serverHoldingParents(count: number) {
  const server = createFakeServer();
  for (let i = 0; i < count; i++) {
    const v = `${String(Date.now() - 1_000).padStart(13, '0')}-${i.toString(16).padStart(4, '0')}-otherdev`;
    server.seed({ kind: 'attendee', id: `a${i}`, values: { displayName: `P${i}` }, versions: { displayName: v } });
  }
  return server;
}

/** Calls `written` with each value put in `db`'s meta under one of `keys`, in the order written. */
function watchMeta(db: CoorieDb, keys: string[], written: (key: string, value: unknown) => void): void {
  db.use({
    stack: 'dbcore',
    name: `watch-meta-${keys.join('-')}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'meta') return table;
        return {
          ...table,
          mutate: (request) => {
            if (request.type === 'put')
              for (const entry of request.values as { key: string; value: unknown }[])
                if (keys.includes(entry.key)) written(entry.key, entry.value);
            return table.mutate(request);
          },
        };
      },
    }),
  });
}

/** The cursors that `db`'s pull transactions write to meta, in the order written. */
function cursorsWritten(db: CoorieDb): unknown[] {
  const cursors: unknown[] = [];
  watchMeta(db, ['cursor'], (_key, value) => cursors.push(value));
  return cursors;
}

/**
 * Runs `busy` before each write of attendees, inside the writing transaction, which it keeps busy by reading
 * through `read` (as a slow tablet's storage would be).
 */
function beforeAttendeeWrites(db: CoorieDb, busy: (read: () => Promise<unknown>) => Promise<void>): void {
  db.use({
    stack: 'dbcore',
    name: 'busy-attendee-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'attendee') return table;
        return {
          ...table,
          mutate: async (request) => {
            await busy(() => table.get({ trans: request.trans, key: 'none' }));
            return table.mutate(request);
          },
        };
      },
    }),
  });
}

describe('pull', () => {
  it('pages through from the stored cursor, keeps progress and stores the cursor with the pages stored', async () => {
    const server = serverHoldingParents(2_500);
    const db = device();
    // What each page's transaction writes to meta: its cursor and the progress so far.
    const written: unknown[] = [];
    watchMeta(db, ['cursor', 'sync'], (key, value) => written.push({ [key]: value }));
    expect(await pullChanges({ db, fetch: server.fetch })).toBe(2_500);
    expect(server.pulls.map((url) => url.searchParams.get('cursor'))).toEqual([null, '1000', '2000']);
    expect(server.pulls.every((url) => url.searchParams.get('limit') === '1000')).toBe(true);
    // Each transaction stores its pages' cursor and the progress up to it: pages that arrived together are stored
    // together (below), so the cursors written are some of the pages' ends, in order, ending with the last.
    const pairs = written.flatMap((entry, index) =>
      'cursor' in (entry as object) ? [[entry, written[index + 1]]] : [],
    ) as [{ cursor: string }, { sync: { downloaded: number; total: number } }][];
    expect(pairs.map(([{ cursor }]) => cursor).at(-1)).toBe('2500');
    for (const [{ cursor }, next] of pairs) {
      expect(['1000', '2000', '2500']).toContain(cursor);
      expect(next).toEqual({ sync: expect.objectContaining({ downloaded: Number(cursor), total: 2_500 }) });
    }
    expect(pairs.map(([{ cursor }]) => Number(cursor))).toEqual(
      [...pairs.map(([{ cursor }]) => Number(cursor))].sort((a, b) => a - b),
    );
    expect(await getMeta(db, 'cursor')).toBe('2500');
    expect(await db.records('attendee').count()).toBe(2_500);

    server.seed({
      kind: 'attendee',
      id: 'new',
      values: { displayName: 'New' },
      versions: { displayName: `${Date.now()}-0000-otherdev` },
    });
    expect(await pullChanges({ db, fetch: server.fetch })).toBe(1);
    expect(server.pulls.at(-1)?.searchParams.get('cursor')).toBe('2500');
  });

  it('stores the pages that arrived while it stored one together, with the last one’s cursor', async () => {
    const server = serverHoldingParents(2_500);
    const db = device();
    // The first page takes its time to store (its transaction kept busy with reads) until the other two pages have
    // been asked for, and a little longer, as a slow tablet's would while they download.
    let writes = 0;
    const cursors = cursorsWritten(db);
    beforeAttendeeWrites(db, async (read) => {
      if (++writes > 1) return;
      for (let reads = 0; reads < 10_000 && server.pulls.length < 3; reads++) await read();
      for (let reads = 0; reads < 50; reads++) await read();
    });
    expect(await pullChanges({ db, fetch: server.fetch })).toBe(2_500);
    expect(server.pulls.map((url) => url.searchParams.get('cursor'))).toEqual([null, '1000', '2000']);
    expect(cursors).toEqual(['1000', '2500']);
    expect(await db.records('attendee').count()).toBe(2_500);
    expect(await getMeta(db, 'sync')).toMatchObject({ downloaded: 2_500, total: 2_500 });
  });

  it('asks for the next page while storing one, and drops it when that page fails to store', async () => {
    const server = serverHoldingParents(2_500);
    const db = device();
    // The second page's rows fail to store once (as a full disk would make them).
    let writes = 0;
    db.use({
      stack: 'dbcore',
      name: 'fail-second-page',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'attendee') return table;
          return {
            ...table,
            mutate: async (request) => {
              if (++writes === 2) throw new Error('QuotaExceededError');
              return table.mutate(request);
            },
          };
        },
      }),
    });
    await expect(pullChanges({ db, fetch: server.fetch })).rejects.toThrow('QuotaExceededError');
    // The third page was asked for before the second failed; the cursor stayed after the first page.
    expect(server.pulls.map((url) => url.searchParams.get('cursor'))).toEqual([null, '1000', '2000']);
    expect(await getMeta(db, 'cursor')).toBe('1000');
    expect(await db.records('attendee').count()).toBe(1_000);
    expect(await pullChanges({ db, fetch: server.fetch })).toBe(1_500);
    expect(server.pulls.slice(3).map((url) => url.searchParams.get('cursor'))).toEqual(['1000', '2000']);
    expect(await db.records('attendee').count()).toBe(2_500);
    expect(await getMeta(db, 'cursor')).toBe('2500');
  });

  it('hands the next pages’ rows to the browser while it stores the pages before, and stores them after', async () => {
    const server = serverHoldingParents(6_500);
    const db = device();
    // Each transaction's write kept busy (with reads) until another transaction's rows are handed over, or a while.
    let busy = 0;
    let handedOverMeanwhile = 0;
    const cursors = cursorsWritten(db);
    beforeAttendeeWrites(db, async (read) => {
      if (busy > 0) handedOverMeanwhile++;
      const before = handedOverMeanwhile;
      busy++;
      for (let reads = 0; reads < 2_000 && handedOverMeanwhile === before; reads++) await read();
      busy--;
    });
    expect(await pullChanges({ db, fetch: server.fetch })).toBe(6_500);
    expect(handedOverMeanwhile).toBeGreaterThan(0);
    // Stored in order all the same: each transaction's cursor after the one before's.
    expect(cursors.map(Number)).toEqual([...cursors.map(Number)].sort((a, b) => a - b));
    expect(cursors.at(-1)).toBe('6500');
    expect(await db.records('attendee').count()).toBe(6_500);
    expect(await getMeta(db, 'sync')).toMatchObject({ downloaded: 6_500, total: 6_500 });
  });

  it('seals every page stored once a PIN is chosen during a first pull, and loses none', async () => {
    const server = createFakeServer();
    const v = `${String(Date.now() - 1_000).padStart(13, '0')}-0000-otherdev`;
    for (let i = 0; i < 2_500; i++) {
      const id = `a${String(i).padStart(4, '0')}`;
      server.seed({
        kind: 'attendee',
        id,
        values: { displayName: `P${i}`, contact: `0770090${String(i).padStart(4, '0')}` },
        versions: { displayName: v, contact: v },
      });
    }
    const db = device();
    // The PIN is chosen (the device's key made) before the second page is answered, while the first is stored.
    let pulls = 0;
    const fetch: FetchLike = async (url, init) => {
      if (String(url).includes('/api/sync/pull') && ++pulls === 2) {
        await createDeviceKey(db, '482916');
        forgetDeviceKey();
      }
      return server.fetch(url, init);
    };
    expect(await pullChanges({ db, fetch })).toBe(2_500);
    const rows = await db.records('attendee').orderBy(':id').toArray();
    expect(rows).toHaveLength(2_500);
    // The first page may have been sealed or not (the key came as it was stored); none after it is in clear.
    expect(rows.slice(1_000).filter((row) => !isSealed(row.contact))).toEqual([]);
  });

  it('merges pulled records, so fields edited here and not yet pushed keep their newer local value', async () => {
    const server = createFakeServer();
    const old = `${String(Date.now() - 60_000)}-0000-otherdev`;
    server.seed({
      kind: 'session',
      id: 's1',
      values: { title: 'Theirs', startsAt: '2026-11-24T10:00:00Z', theme: 'identity' },
      versions: { title: old, startsAt: old, theme: old },
    });
    const db = device();
    await saveRecord(db, 'session', 's1', { title: 'Ours, unsent', startsAt: '2026-11-25T10:00:00Z' });
    await pullChanges({ db, fetch: server.fetch });
    const row = await getRecord(db, 'session', 's1');
    expect(row).toMatchObject({ title: 'Ours, unsent', startsAt: '2026-11-25T10:00:00Z', theme: 'identity' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('applies a deletion from the server like any field', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('Drop-in'));
    await syncOnce({ db, fetch: server.fetch });
    server.seed({
      kind: 'session',
      id: 's1',
      values: { deleted: true },
      versions: { deleted: `${Date.now() + 1_000}-0000-otherdev` },
    });
    await syncOnce({ db, fetch: server.fetch });
    expect(await listRecords(db, 'session')).toEqual([]);
  });
});

describe('sync state and failures', () => {
  const answer =
    (status: number, code: string): FetchLike =>
    async () =>
      new Response(JSON.stringify({ error: { code, message: code } }), { status });

  it('records a successful sync', async () => {
    const db = device();
    await syncOnce({ db, fetch: createFakeServer().fetch });
    const state = await getMeta(db, 'sync');
    expect(state?.phase).toBe('idle');
    expect(state?.lastError).toBeUndefined();
    expect(state?.lastSuccess).toBeGreaterThan(Date.now() - 60_000);
  });

  it('says there is no signal, keeps the outbox and the time of the last success', async () => {
    const db = device();
    await syncOnce({ db, fetch: createFakeServer().fetch });
    const { lastSuccess } = (await getMeta(db, 'sync'))!;
    await saveRecord(db, 'session', 's1', session('Offline'));
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await syncOnce({ db, fetch: offline })).toEqual({
      status: 'offline',
      message: 'No signal — will try again',
    });
    expect(await getMeta(db, 'sync')).toMatchObject({
      phase: 'error',
      lastError: 'No signal — will try again',
      lastSuccess,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('asks the person to sign in again on 401, and keeps every change', async () => {
    const db = device();
    await saveRecord(db, 'session', 's1', session('Kept'));
    expect(await syncOnce({ db, fetch: answer(401, 'unauthenticated') })).toMatchObject({ status: 'signed-out' });
    expect(await getMeta(db, 'sync')).toMatchObject({ phase: 'signed-out', lastError: 'Please sign in again' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('says the server is full on 507, keeps the outbox, retries later and then sends it', async () => {
    const db = device();
    await saveRecord(db, 'session', 's1', session('Kept while the server is full'));
    const full = await syncOnce({ db, fetch: answer(507, 'storage_full') });
    const message = 'The server is full; your changes are kept and will be sent later';
    expect(full).toEqual({ status: 'server-error', message });
    expect(runOutcomeOf(full)).toBe('failure');
    const state = await getMeta(db, 'sync');
    expect(state).toMatchObject({ phase: 'error', lastError: message });
    expect(syncStatusText({ online: true, waiting: await db.outbox.count(), sync: state })).toEqual({
      text: message,
      detail: '1 change waiting to sync',
      tone: 'problem',
    });
    const server = createFakeServer();
    expect(await syncOnce({ db, fetch: server.fetch })).toMatchObject({ status: 'synced', pushed: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect(server.records.size).toBe(1);
  });

  it('reports a revoked device so that the app can wipe it', async () => {
    const db = device();
    expect(await syncOnce({ db, fetch: answer(401, 'device_revoked') })).toMatchObject({ status: 'revoked' });
  });

  it('calls a 5xx or a garbled answer a server problem', async () => {
    const db = device();
    const garbled: FetchLike = async () => new Response('<html>Bad gateway</html>', { status: 200 });
    expect(await syncOnce({ db, fetch: answer(503, 'down') })).toMatchObject({ status: 'server-error' });
    expect(await syncOnce({ db, fetch: garbled })).toMatchObject({
      status: 'server-error',
      message: 'The server had a problem — will try again',
    });
  });

  it('never runs two syncs of one device at once', async () => {
    const server = createFakeServer();
    const db = device();
    await saveRecord(db, 'session', 's1', session('One'));
    let inFlight = 0;
    let most = 0;
    const counting: FetchLike = async (url, init) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return server.fetch(url, init);
    };
    const outcomes = await Promise.all([1, 2, 3].map(() => syncOnce({ db, fetch: counting })));
    expect(outcomes.every((outcome) => outcome.status === 'synced')).toBe(true);
    expect(most).toBe(1);
    expect(server.pushes).toHaveLength(1);
  });
});
