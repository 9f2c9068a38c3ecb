// @vitest-environment node
// The one writer of numbered changes (store/changes.ts): records, their history and sight changes share one
// sequence per organisation, handed out in the order given, under the locked counter.
import { describe, expect, it } from 'vitest';
import { lockChangeCounter, readChangeCounter, writeNumberedChanges } from '../../src/server/store/changes.ts';
import { createOrganisation } from '../../src/server/store/organisations.ts';
import { loadRecords, recordKey } from '../../src/server/store/records.ts';
import { databases, useServer } from './helpers.ts';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const by = { userId: 'user-1', deviceId: null };

const note = (values: Record<string, unknown>) => ({
  kind: 'note',
  id: 'note-1',
  values,
  versions: Object.fromEntries(Object.keys(values).map((field) => [field, `v-${field}`])),
  authorId: 'user-1',
  privateTo: null,
});

describe.each(databases())('numbered changes on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  it('numbers records and sight changes in the order given, and moves the counter to the last', async () => {
    const { db } = server.store;
    const { id: organisationId } = await createOrganisation(db, { name: 'Elgin Bumps' });
    await db.transaction().execute(async (trx) => {
      const counter = await lockChangeCounter(trx, organisationId);
      expect(counter.seq).toBe(0);
      await writeNumberedChanges(
        trx,
        counter,
        [
          { record: note({ text: 'First' }), isNew: true, history: { ...by, values: { text: 'First' } } },
          { sight: { userId: 'user-2', kind: 'note', id: 'note-1' } },
          { sight: { userId: 'user-3', kind: 'note', id: 'note-1' } },
          { record: note({ text: 'Second' }), isNew: false, history: { ...by, values: { text: 'Second' } } },
          { sight: { userId: 'user-4', kind: 'note', id: 'note-1' } },
        ],
        NOW,
      );
    });

    expect(await readChangeCounter(db, organisationId)).toBe(5);
    const stored = (await loadRecords(db, organisationId, [{ kind: 'note', id: 'note-1' }])).get(
      recordKey('note', 'note-1'),
    );
    expect(stored).toEqual({
      ...note({ text: 'Second' }),
      erasedAt: null,
      updatedAt: new Date(NOW).toISOString(),
      changeSeq: 4,
    });
    const history = await db
      .selectFrom('record_changes')
      .select(['change_seq', 'values_json'])
      .orderBy('change_seq')
      .execute();
    expect(history.map((row) => [Number(row.change_seq), row.values_json])).toEqual([
      [1, '{"text":"First"}'],
      [4, '{"text":"Second"}'],
    ]);
    const sights = await db
      .selectFrom('sight_changes')
      .select(['change_seq', 'user_id'])
      .orderBy('change_seq')
      .execute();
    expect(sights.map((row) => [Number(row.change_seq), row.user_id])).toEqual([
      [2, 'user-2'],
      [3, 'user-3'],
      [5, 'user-4'],
    ]);
  });

  it('writes many records in one call, and a later write keeps the stored author and creation time', async () => {
    const { db } = server.store;
    const { id: organisationId } = await createOrganisation(db, { name: 'Forres Bumps' });
    // More than one statement's worth of rows, so that the slices meet.
    const ids = Array.from({ length: 1203 }, (_, index) => `note-${index}`);
    const write = (values: Record<string, unknown>, isNew: boolean, authorId: string) =>
      ids.map((id) => ({ record: { ...note(values), id, authorId }, isNew, history: { ...by, values } }));
    const numbered = async (changes: ReturnType<typeof write>, now: number) =>
      db.transaction().execute(async (trx) => {
        await writeNumberedChanges(trx, await lockChangeCounter(trx, organisationId), changes, now);
      });
    await numbered(write({ text: 'First' }, true, 'user-1'), NOW);
    await numbered(write({ text: 'Second' }, false, 'user-2'), NOW + 60_000);

    expect(await readChangeCounter(db, organisationId)).toBe(2 * ids.length);
    const rows = await db
      .selectFrom('records')
      .select(['id', 'values_json', 'author_id', 'created_at', 'updated_at', 'change_seq'])
      .where('organisation_id', '=', organisationId)
      .execute();
    expect(rows).toHaveLength(ids.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    ids.forEach((id, index) => {
      const row = byId.get(id);
      expect(row?.values_json).toBe('{"text":"Second"}');
      expect(row?.author_id).toBe('user-1');
      expect(row?.created_at).toBe(new Date(NOW).toISOString());
      expect(row?.updated_at).toBe(new Date(NOW + 60_000).toISOString());
      expect(Number(row?.change_seq)).toBe(ids.length + index + 1);
    });
    const history = await db
      .selectFrom('record_changes')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    expect(Number(history.count)).toBe(2 * ids.length);
  });
});
