// @vitest-environment node
// A pulled page stored on the device: whether its records are new there (a first sync into empty tables) or some
// are held already, with older or newer fields, the rows come out the same as the one merge makes them, with
// their derived index keys; and records the device does not hold are not read one by one.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { recordToRow } from '../../src/db/clock.ts';
import { CoorieDb, type Row } from '../../src/db/database.ts';
import { getMeta } from '../../src/db/meta.ts';
import { createDeviceKey, forgetDeviceKey } from '../../src/db/keyring.ts';
import { isSealed } from '../../src/db/sealing.ts';
import {
  applyPullPage,
  applyPullPages,
  EarlierPagesNotStoredError,
  SealedForAnotherKeyError,
  type PullMemory,
} from '../../src/engine/syncStore.ts';
import { merge } from '../../src/sync/merge.ts';
import type { Change } from '../../src/sync/protocol.ts';

const dbs: CoorieDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

/** A device database that counts the rows read by id from each table (Dexie's bulkGet and get), and its counts. */
function device() {
  const db = new CoorieDb(`device-${crypto.randomUUID()}`);
  dbs.push(db);
  const readById = new Map<string, number>();
  const counted = new Map<string, number>();
  db.use({
    stack: 'dbcore',
    name: 'count-reads-by-id',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          // Returning the promise below, not an async function's: Dexie keeps a transaction's zone through its own.
          getMany: (request) => {
            readById.set(name, (readById.get(name) ?? 0) + request.keys.length);
            return table.getMany(request);
          },
          get: (request) => {
            readById.set(name, (readById.get(name) ?? 0) + 1);
            return table.get(request);
          },
          count: (request) => {
            counted.set(name, (counted.get(name) ?? 0) + 1);
            return table.count(request);
          },
        };
      },
    }),
  });
  return { db, readById, counted };
}

const WALL = Date.parse('2026-11-24T10:00:00Z');
const version = (millis: number, counter = 0) =>
  `${String(WALL - 60_000 + millis).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-serverside01`;

/** A parent and a note about them with a follow-up still to do (so the note's row carries a derived key). */
function changesFor(index: number, at: number): Change[] {
  const attendee = { displayName: `Parent ${index}`, locality: 'Elgin', heardVia: 'A friend' };
  const note = { attendeeId: `a${index}`, body: `Note ${index}`, followUpDue: '2026-12-01', followUpDone: false };
  const versions = (values: object) => Object.fromEntries(Object.keys(values).map((field) => [field, version(at)]));
  return [
    { kind: 'attendee', id: `a${index}`, values: attendee, versions: versions(attendee) },
    { kind: 'note', id: `n${index}`, values: note, versions: versions(note) },
  ];
}

const PAGE = Array.from({ length: 150 }, (_, index) => changesFor(index, 10)).flat();

/** Some of the page's records held already: a third with older fields, a few with a newer local edit. */
const older = Array.from({ length: 50 }, (_, index) => changesFor(index * 3, 5)).flat();
const newer: Change[] = [
  {
    kind: 'attendee',
    id: 'a9',
    values: { displayName: 'Kirsty (edited here)' },
    versions: { displayName: version(20) },
  },
  { kind: 'note', id: 'n12', values: { followUpDone: true }, versions: { followUpDone: version(20) } },
];

async function pull(db: CoorieDb, changes: Change[], cursor: string) {
  await applyPullPage(db, { changes, cursor }, 0, { downloaded: 0 }, () => WALL);
}

/** A device holding `older` and then `newer`, its reads by id counted from then on. */
async function holdingOlderAndNewer() {
  const held = device();
  await pull(held.db, older, 'c0');
  await pull(held.db, newer, 'c0b');
  held.readById.clear();
  return held;
}

async function rows(db: CoorieDb): Promise<Row[]> {
  return [...(await db.records('attendee').toArray()), ...(await db.records('note').toArray())] as Row[];
}

/** What the one merge makes of `held` (stored first, in order) and then the page, for every record. */
function expected(held: Change[][]): Row[] {
  const records = new Map<string, { kind: string; id: string; record: ReturnType<typeof merge>['record'] }>();
  for (const change of [...held.flat(), ...PAGE]) {
    const key = `${change.kind}:${change.id}`;
    const record = merge(records.get(key)?.record, change).record;
    records.set(key, { kind: change.kind, id: change.id, record });
  }
  const byKind = (kind: string) =>
    [...records.values()]
      .filter((entry) => entry.kind === kind)
      .map((entry) => recordToRow(entry.id, entry.record))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  return [...byKind('attendee'), ...byKind('note')];
}

describe('a pulled page', () => {
  it('stores new records whole, with their derived keys, and reads none of them by id', async () => {
    const { db, readById } = device();
    await pull(db, PAGE, 'c1');
    expect(readById.get('attendee') ?? 0).toBe(0);
    expect(readById.get('note') ?? 0).toBe(0);
    expect(await rows(db)).toEqual(expected([]));
    expect(((await db.records('note').get('n3')) as Row | undefined)?._i).toEqual({ due: '2026-12-01' });
    expect(await db.records('attendee').count()).toBe(150);
  });

  it('merges into records held already, keeping their newer fields, as into an empty table', async () => {
    const { db, readById } = await holdingOlderAndNewer();
    await pull(db, PAGE, 'c1');
    const stored = await rows(db);
    expect(stored).toEqual(expected([older, newer]));
    expect(stored.find((row) => row.id === 'a9')?.displayName).toBe('Kirsty (edited here)');
    // The follow-up done here (newer) is kept, and the note is no longer indexed as one to do.
    expect(stored.find((row) => row.id === 'n12')?._i).toBeUndefined();
    expect(stored.find((row) => row.id === 'n13')?._i).toEqual({ due: '2026-12-01' });
    // Only the records held were read by id.
    expect(readById.get('attendee')).toBe(50);
    expect(readById.get('note')).toBe(50);
  });

  it('merges the same way into tables holding many other records, reading by id only the records held', async () => {
    // Far more records in the span of the page's ids than the page holds (a10000… sorts between a0 and a99).
    const others = Array.from({ length: 1_500 }, (_, index) => changesFor(10_000 + index, 1)).flat();
    const { db, readById } = device();
    await pull(db, others, 'c0');
    await pull(db, older, 'c0b');
    await pull(db, newer, 'c0c');
    readById.clear();
    await pull(db, PAGE, 'c1');
    const ids = new Set(PAGE.map((change) => change.id));
    const stored = (await rows(db)).filter((row) => ids.has(row.id));
    expect(stored).toEqual(expected([older, newer]));
    expect(stored.find((row) => row.id === 'a9')?.displayName).toBe('Kirsty (edited here)');
    expect(stored.find((row) => row.id === 'n12')?._i).toBeUndefined();
    // The 100 records new to the device were added without a read; only the 50 held were read, to merge.
    expect(readById.get('attendee')).toBe(50);
    expect(readById.get('note')).toBe(50);
  });

  it('keeps the concern entries right for notes added as new among many others', async () => {
    const others = Array.from({ length: 1_500 }, (_, index) => changesFor(10_000 + index, 1)).flat();
    const concern = (id: string, value: string, at: number): Change => ({
      kind: 'note',
      id,
      values: { concern: value },
      versions: { concern: version(at) },
    });
    const { db } = device();
    await pull(db, others, 'c0');
    // Held: n4 with a concern older than the page's, n5 with one raised on the device since.
    await pull(
      db,
      [...changesFor(4, 5), concern('n4', 'urgent', 5), ...changesFor(5, 5), concern('n5', 'urgent', 20)],
      'c0b',
    );
    await pull(db, [...PAGE, concern('n4', 'none', 10), concern('n5', 'none', 10), concern('n7', 'urgent', 10)], 'c1');
    const entries = await db.noteConcerns.toArray();
    expect(entries.map((entry) => [entry.id, entry.concern])).toEqual([
      ['n4', 'none'],
      ['n5', 'urgent'],
      ['n7', 'urgent'],
    ]);
  });

  it('takes a record sent twice in one page as two changes, merged in turn', async () => {
    const { db } = device();
    const again: Change = {
      kind: 'attendee',
      id: 'a1',
      values: { displayName: 'Parent 1, renamed' },
      versions: { displayName: version(30) },
    };
    await pull(db, [...PAGE, again], 'c1');
    expect((await db.records('attendee').get('a1'))?.displayName).toBe('Parent 1, renamed');
    expect((await db.records('attendee').get('a1'))?.heardVia).toBe('A friend');
  });
});

describe('pages that arrived together', () => {
  const renamed: Change = {
    kind: 'attendee',
    id: 'a1',
    values: { displayName: 'Parent 1, back again' },
    versions: { displayName: version(30) },
  };
  const taken = { kind: 'attendee', id: 'a1' };

  it('are stored in the order they were sent: a record taken away and then sent again stays', async () => {
    const { db } = device();
    const pages = [
      { changes: PAGE, cursor: 'c1' },
      { changes: [], purge: [taken], cursor: 'c2' },
      { changes: [renamed], cursor: 'c3', remaining: 0 },
    ];
    expect(await applyPullPages(db, pages, 0, { downloaded: 0 }, () => WALL)).toEqual({ downloaded: 301, total: 301 });
    expect((await db.records('attendee').get('a1'))?.displayName).toBe('Parent 1, back again');
    expect(await getMeta(db, 'cursor')).toBe('c3');
  });

  it('are stored in the order they were sent: a record sent and then taken away is gone', async () => {
    const { db } = device();
    const pages = [
      { changes: PAGE, cursor: 'c1' },
      { changes: [renamed], cursor: 'c2' },
      { changes: [], purge: [taken], cursor: 'c3' },
    ];
    await applyPullPages(db, pages, 0, { downloaded: 0 }, () => WALL);
    expect(await db.records('attendee').get('a1')).toBeUndefined();
    expect(await db.records('attendee').count()).toBe(149);
  });

  it('merge a record sent in two of them field by field, as one page after the other would', async () => {
    const { db } = device();
    const moved: Change = {
      kind: 'attendee',
      id: 'a1',
      values: { locality: 'Forres' },
      versions: { locality: version(30) },
    };
    const stale: Change = {
      kind: 'attendee',
      id: 'a1',
      values: { displayName: 'An older name' },
      versions: { displayName: version(1) },
    };
    const pages = [
      { changes: PAGE, cursor: 'c1' },
      { changes: [renamed, moved, stale], cursor: 'c2' },
    ];
    await applyPullPages(db, pages, 0, { downloaded: 0 }, () => WALL);
    expect(await db.records('attendee').get('a1')).toMatchObject({
      displayName: 'Parent 1, back again',
      locality: 'Forres',
      heardVia: 'A friend',
    });
  });

  it('take away what one in the middle takes away, with changes on either side of it', async () => {
    const { db } = device();
    const pages = [
      { changes: PAGE, cursor: 'c1' },
      { changes: [renamed], purge: [{ kind: 'attendee', id: 'a2' }], cursor: 'c2' },
      { changes: changesFor(200, 10), cursor: 'c3', remaining: 0 },
    ];
    await applyPullPages(db, pages, 0, { downloaded: 0 }, () => WALL);
    expect(await db.records('attendee').get('a2')).toBeUndefined();
    expect((await db.records('attendee').get('a1'))?.displayName).toBe('Parent 1, back again');
    expect(await db.records('attendee').get('a200')).toBeDefined();
    expect(await db.records('attendee').count()).toBe(150);
  });

  it('leave nothing of a record erased in a later one, nor of one erased later in the same page', async () => {
    const { db } = device();
    const erased = (id: string): Change => ({
      kind: 'attendee',
      id,
      values: { erased: true },
      versions: { erased: version(40) },
    });
    // The same record twice, as a pull sees it when a coordinator erases someone while it runs.
    const pages = [
      { changes: PAGE, cursor: 'c1' },
      { changes: [renamed, erased('a1')], cursor: 'c2' },
      { changes: [erased('a2')], cursor: 'c3', remaining: 0 },
    ];
    await applyPullPages(db, pages, 0, { downloaded: 0 }, () => WALL);
    expect(await db.records('attendee').get('a1')).toBeUndefined();
    expect(await db.records('attendee').get('a2')).toBeUndefined();
    expect(await db.records('attendee').count()).toBe(148);
    expect(await db.records('note').count()).toBe(150);
    expect(await getMeta(db, 'cursor')).toBe('c3');
  });

  it('are all stored or none: one that cannot be stored leaves the cursor, and everything, before them', async () => {
    const { db } = device();
    await pull(db, PAGE.slice(0, 10), 'c0');
    // A value sealed for a key this device does not hold: the page cannot be stored, nor the pages with it.
    const sealedElsewhere: Change = {
      kind: 'note',
      id: 'n-elsewhere',
      values: { attendeeId: 'a1', body: { $sealed: 1, k: 'another-key', e: 'e', iv: 'iv', c: 'c' } },
      versions: { attendeeId: version(30), body: version(30) },
    };
    const pages = [
      { changes: PAGE.slice(10), cursor: 'c1' },
      { changes: [sealedElsewhere], cursor: 'c2' },
    ];
    await expect(applyPullPages(db, pages, 0, { downloaded: 10 }, () => WALL)).rejects.toThrow(
      /sealed for a key this device no longer holds/,
    );
    expect(await getMeta(db, 'cursor')).toBe('c0');
    expect(await db.records('attendee').count()).toBe(5);
  });
});

describe('pages whose transaction is asked for while the one before it is under way', () => {
  const slice = (from: number, to: number) => PAGE.slice(from * 2, to * 2);

  it('are stored after the pages before them, merged as if one after the other', async () => {
    const { db } = device();
    await pull(db, slice(0, 10), 'c0');
    let firstAsked!: () => void;
    const asked = new Promise<void>((resolve) => (firstAsked = resolve));
    const first = applyPullPages(db, [{ changes: slice(10, 20), cursor: 'c1' }], 0, { downloaded: 10 }, () => WALL, {
      asked: firstAsked,
    });
    await asked;
    // Asked for while the first has not ended: its rows are taken now, and stored once the first has been.
    const second = applyPullPages(
      db,
      [{ changes: [...slice(20, 30), ...newer], cursor: 'c2' }],
      0,
      { downloaded: 30 },
      () => WALL,
      {
        following: { cursor: 'c1', deviceKey: undefined },
      },
    );
    expect(await Promise.all([first, second])).toEqual([{ downloaded: 30 }, { downloaded: 52 }]);
    expect(await getMeta(db, 'cursor')).toBe('c2');
    expect(await db.records('attendee').count()).toBe(30);
    expect(await db.records('attendee').get('a9')).toMatchObject({ displayName: 'Kirsty (edited here)' });
  });

  it('are not stored, nor anything of theirs, when the pages before them were not', async () => {
    const { db } = device();
    await pull(db, slice(0, 10), 'c0');
    // The pages up to c1 were not stored: the device's cursor is still c0.
    await expect(
      applyPullPages(db, [{ changes: slice(10, 20), cursor: 'c2' }], 0, { downloaded: 10 }, () => WALL, {
        following: { cursor: 'c1', deviceKey: undefined },
      }),
    ).rejects.toThrow(EarlierPagesNotStoredError);
    expect(await getMeta(db, 'cursor')).toBe('c0');
    expect(await db.records('attendee').count()).toBe(10);
    expect(await db.records('note').count()).toBe(10);
  });

  it('are not stored with values in clear once the device holds a key (a PIN chosen meanwhile)', async () => {
    const { db } = device();
    await pull(db, slice(0, 10), 'c0');
    await createDeviceKey(db, '482916');
    forgetDeviceKey();
    // Sealed, as the caller knew it, for no key: notes in clear.
    await expect(
      applyPullPages(db, [{ changes: slice(10, 20), cursor: 'c1' }], 0, { downloaded: 10 }, () => WALL, {
        following: { cursor: 'c0', deviceKey: undefined },
      }),
    ).rejects.toThrow(SealedForAnotherKeyError);
    expect(await db.records('note').count()).toBe(10);
    expect(await getMeta(db, 'cursor')).toBe('c0');
    // Stored by the caller again, sealed for the key the device holds now.
    await applyPullPages(db, [{ changes: slice(10, 20), cursor: 'c1' }], 0, { downloaded: 10 }, () => WALL);
    const stored = await db.records('note').get('n15');
    expect(isSealed(stored?.body)).toBe(true);
  });
});

describe('the pages of a first sync, stored by one run', () => {
  const records = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, index) => changesFor(from + index, 10)).flat();
  const renamed: Change = {
    kind: 'attendee',
    id: 'a5',
    values: { displayName: 'Parent 5, renamed' },
    versions: { displayName: version(30) },
  };

  it('count nothing once the tables were found empty, and read by id only records the run stored before', async () => {
    const { db, readById, counted } = device();
    const memory: PullMemory = new Map();
    const store = (changes: Change[], cursor: string, downloaded: number) =>
      applyPullPages(db, [{ changes, cursor }], 0, { downloaded }, () => WALL, { memory });
    await store(records(0, 100), 'c1', 0);
    counted.clear();
    // Sent again in a later page (it changed on the server during the sync), among records new to the device.
    await store([...records(100, 200), renamed], 'c2', 200);
    await store(records(200, 300), 'c3', 401);
    expect(Object.fromEntries(counted)).toEqual({});
    expect(readById.get('attendee')).toBe(1);
    expect(readById.get('note') ?? 0).toBe(0);
    const parent = await db.records('attendee').get('a5');
    expect(parent?.displayName).toBe('Parent 5, renamed');
    expect(parent?.heardVia).toBe('A friend');
    expect(await db.records('attendee').count()).toBe(300);
    expect(await db.records('note').count()).toBe(300);
    expect(await getMeta(db, 'cursor')).toBe('c3');
  });

  it('keep the newer fields of a record written on the device during the sync, not by the run', async () => {
    const { db } = device();
    const memory: PullMemory = new Map();
    await applyPullPages(db, [{ changes: records(0, 5), cursor: 'c1' }], 0, { downloaded: 0 }, () => WALL, { memory });
    // a9 and n12 written here by something other than the run, newer than what the run's next page holds of them.
    await pull(db, newer, 'c1b');
    await applyPullPages(db, [{ changes: records(5, 20), cursor: 'c2' }], 0, { downloaded: 10 }, () => WALL, {
      memory,
    });
    const parent = await db.records('attendee').get('a9');
    expect(parent?.displayName).toBe('Kirsty (edited here)');
    expect(parent?.heardVia).toBe('A friend');
    const note = (await db.records('note').get('n12')) as Row | undefined;
    expect(note?.followUpDone).toBe(true);
    expect(note?.body).toBe('Note 12');
    expect(note?._i).toBeUndefined();
    expect(await db.records('attendee').count()).toBe(20);
  });

  it('merge as before into tables that held records when the run began', async () => {
    const { db, readById } = await holdingOlderAndNewer();
    await applyPullPages(db, [{ changes: PAGE, cursor: 'c1' }], 0, { downloaded: 0 }, () => WALL, {
      memory: new Map(),
    });
    expect(await rows(db)).toEqual(expected([older, newer]));
    expect(readById.get('attendee')).toBe(50);
  });
});
