import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CoorieDb } from '../../src/db/database.ts';
import { getMeta } from '../../src/db/meta.ts';
import { deleteRecord, getRecord, listRecords, saveRecord, ValidationError } from '../../src/db/records.ts';

let db: CoorieDb;
afterEach(async () => {
  await db?.delete();
});

function openDb() {
  db = new CoorieDb(`test-${crypto.randomUUID()}`);
  return db;
}

describe('record repository', () => {
  it('saves a record, stamps a version per field and queues the change for sync', async () => {
    openDb();
    const row = await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' }, { userId: 'u1' });
    expect(row.displayName).toBe('Amy');
    expect(row.createdBy).toBe('u1');
    expect(Object.keys(row._v).sort()).toEqual(['createdAt', 'createdBy', 'displayName']);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'attendee', id: 'a1', values: { displayName: 'Amy' } });
    expect(await getMeta(db, 'clock')).toBeDefined();
  });

  it('gives every later write a greater version', async () => {
    openDb();
    const first = await saveRecord(db, 'session', 's1', { title: 'Drop-in', startsAt: '2026-11-24T10:00:00Z' });
    const second = await saveRecord(db, 'session', 's1', { title: 'Drop-in at Rothes' });
    expect(second._v.title! > first._v.title!).toBe(true);
    expect(second._v.startsAt).toBe(first._v.startsAt);
    expect(second.startsAt).toBe('2026-11-24T10:00:00Z');
    expect(await db.outbox.count()).toBe(2);
  });

  it('refuses bad input, names each field to fix and writes nothing', async () => {
    openDb();
    const attempt = saveRecord(db, 'session', 's1', { title: '' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(/title is required|title/);
    await expect(saveRecord(db, 'attendee', 'bad id', { displayName: 'Amy' })).rejects.toThrow(/id is malformed/);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records('session').count()).toBe(0);
  });

  it('hides deleted records but keeps the deletion to sync', async () => {
    openDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    await saveRecord(db, 'attendee', 'a2', { displayName: 'Bea' });
    await deleteRecord(db, 'attendee', 'a1');
    expect(await getRecord(db, 'attendee', 'a1')).toBeUndefined();
    expect((await listRecords(db, 'attendee')).map((row) => row.displayName)).toEqual(['Bea']);
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ id: 'a1', values: { deleted: true } });
  });
});
