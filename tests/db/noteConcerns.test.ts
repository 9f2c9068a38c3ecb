// @vitest-environment node
// Each note's concern in a table of its own, for Today: it follows every way a note is written or removed (a save,
// a change, a pulled page, an erasure, the sealing pass, a wipe), holds the concern only as the note's row holds
// it (sealed), and is never left with a note that is gone or a write that failed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../src/crypto/seal.ts';
import { CoorieDb } from '../../src/db/database.ts';
import { createDeviceKey, forgetDeviceKey } from '../../src/db/keyring.ts';
import { deleteRecord, saveRecord } from '../../src/db/records.ts';
import { sealAtRest } from '../../src/db/sealAtRest.ts';
import { readToday } from '../../src/db/today.ts';
import { wipeDevice } from '../../src/db/wipe.ts';
import { applyPullPage } from '../../src/engine/syncStore.ts';
import type { Change } from '../../src/sync/protocol.ts';

const PIN = '4829';
const NOW = new Date('2026-11-24T11:00:00.000Z');
const TODAY = '2026-11-24';
let db: CoorieDb;

afterEach(async () => {
  forgetDeviceKey();
  await db?.delete();
});

function openDb() {
  db = new CoorieDb(`test-${crypto.randomUUID()}`);
  return db;
}

/** The table's entries against the notes' rows: each entry's concern exactly the row's. */
async function entriesMatchRows() {
  const entries = await db.noteConcerns.toArray();
  const rows = await db.records('note').bulkGet(entries.map((entry) => entry.id));
  entries.forEach((entry, index) => expect(entry.concern).toEqual(rows[index]?.concern));
  return entries.map((entry) => entry.id).sort();
}

const shownOnToday = async () => (await readToday(db, NOW, TODAY)).notes.map((note) => note.id).sort();

describe("Notes' concerns for Today", () => {
  it('follow saves, changes, deletion and erasure, sealed as the rows are', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    await saveRecord(db, 'note', 'raised', { attendeeId: 'a1', body: 'Low since the birth', concern: 'urgent' });
    await saveRecord(db, 'note', 'calm', { attendeeId: 'a1', body: 'A good week', concern: 'none' });
    await saveRecord(db, 'note', 'plain', { attendeeId: 'a1', body: 'Came with her sister' });
    expect(await entriesMatchRows()).toEqual(['calm', 'raised']);
    const entries = await db.noteConcerns.toArray();
    expect(entries.every((entry) => isSealed(entry.concern))).toBe(true);
    expect(JSON.stringify(entries.map((entry) => entry.concern))).not.toMatch(/urgent|none/);
    expect(await shownOnToday()).toEqual(['raised']);

    await saveRecord(db, 'note', 'raised', { concern: 'keep an eye' });
    await saveRecord(db, 'note', 'calm', { concern: 'talk to coordinator' });
    expect(await entriesMatchRows()).toEqual(['calm', 'raised']);
    expect(await shownOnToday()).toEqual(['calm']);

    await deleteRecord(db, 'note', 'calm');
    expect(await entriesMatchRows()).toEqual(['raised']);
    expect(await shownOnToday()).toEqual([]);

    // Erased outright (a purge removes the row itself).
    await db.records('note').delete('raised');
    expect(await db.noteConcerns.count()).toBe(0);
  });

  it('follow pulled pages and their purges', async () => {
    openDb();
    const version = '0001764000000000-0000-serverside01';
    const note = (id: string, concern: string): Change => ({
      kind: 'note',
      id,
      values: { attendeeId: 'a1', body: 'Pulled', concern },
      versions: { attendeeId: version, body: version, concern: version },
    });
    const progress = { downloaded: 0, total: 2 };
    await applyPullPage(db, { changes: [note('p1', 'urgent'), note('p2', 'none')], cursor: 'c1' }, 0, progress, () =>
      NOW.getTime(),
    );
    expect(await entriesMatchRows()).toEqual(['p1', 'p2']);
    expect(await shownOnToday()).toEqual(['p1']);

    await applyPullPage(db, { changes: [], purge: [{ kind: 'note', id: 'p1' }], cursor: 'c2' }, 0, progress, () =>
      NOW.getTime(),
    );
    expect(await entriesMatchRows()).toEqual(['p2']);
    expect(await shownOnToday()).toEqual([]);
  });

  it('are sealed with the notes by the sealing pass', async () => {
    openDb();
    // Written in clear, as before the device had its key.
    await saveRecord(db, 'note', 'n1', { attendeeId: 'a1', body: 'Low since the birth', concern: 'urgent' });
    expect((await db.noteConcerns.get('n1'))?.concern).toBe('urgent');
    await createDeviceKey(db, PIN);
    await sealAtRest(db);
    expect(await entriesMatchRows()).toEqual(['n1']);
    expect(isSealed((await db.noteConcerns.get('n1'))?.concern)).toBe(true);
    expect(await shownOnToday()).toEqual(['n1']);
  });

  it('keep nothing of a write that failed, or of a wiped device', async () => {
    openDb();
    await saveRecord(db, 'note', 'kept', { attendeeId: 'a1', body: 'x', concern: 'urgent' });
    await expect(
      db.transaction('rw', db.records('note'), async () => {
        await db.records('note').put({ id: 'lost', attendeeId: 'a1', concern: 'urgent', _v: {} });
        throw new Error('the tablet was closed mid-way');
      }),
    ).rejects.toThrow('closed mid-way');
    expect(await entriesMatchRows()).toEqual(['kept']);

    await wipeDevice(db);
    expect(await db.noteConcerns.count()).toBe(0);
  });
});
