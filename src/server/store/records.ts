// Synced records, one row per (organisation, kind, id), each stamped with the change number of its last write.
import type { Kysely } from 'kysely';
import type { Values, Versions } from '../../sync/merge.ts';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

export interface StoredRecord {
  kind: string;
  id: string;
  values: Values;
  versions: Versions;
  authorId: string;
  privateTo: string | null;
  /** Set on an erasure tombstone (see people/erase.ts). */
  erasedAt?: string | null;
}

export const recordKey = (kind: string, id: string) => `${kind}/${id}`;

/** The stored records among `keys`, by recordKey; one query per kind. */
export async function loadRecords(
  db: Kysely<Schema>,
  organisationId: string,
  keys: { kind: string; id: string }[],
): Promise<Map<string, StoredRecord>> {
  const idsByKind = new Map<string, Set<string>>();
  for (const { kind, id } of keys) idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id));
  const found = new Map<string, StoredRecord>();
  for (const [kind, ids] of idsByKind) {
    const rows = await db
      .selectFrom('records')
      .select(['kind', 'id', 'values_json', 'versions_json', 'author_id', 'private_to', 'erased_at'])
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', kind)
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) {
      found.set(recordKey(row.kind, row.id), {
        kind: row.kind,
        id: row.id,
        values: JSON.parse(row.values_json) as Values,
        versions: JSON.parse(row.versions_json) as Versions,
        authorId: row.author_id,
        privateTo: row.private_to,
        erasedAt: row.erased_at,
      });
    }
  }
  return found;
}

export async function writeRecord(
  db: Kysely<Schema>,
  organisationId: string,
  record: StoredRecord,
  options: { isNew: boolean; changeSeq: number; now?: number },
): Promise<void> {
  const now = isoNow(options.now);
  const columns = {
    values_json: JSON.stringify(record.values),
    versions_json: JSON.stringify(record.versions),
    change_seq: options.changeSeq,
    private_to: record.privateTo,
    updated_at: now,
  };
  if (options.isNew) {
    await db
      .insertInto('records')
      .values({
        organisation_id: organisationId,
        kind: record.kind,
        id: record.id,
        author_id: record.authorId,
        created_at: now,
        ...columns,
      })
      .execute();
  } else {
    await db
      .updateTable('records')
      .set(columns)
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', record.kind)
      .where('id', '=', record.id)
      .execute();
  }
}

/**
 * Locks the organisation's change counter until the transaction ends, and reads it. On PostgreSQL the
 * UPDATE takes the row lock (a SELECT would not); on SQLite it takes the database's write lock at once,
 * so the transaction never has to upgrade from a read lock.
 */
export async function lockChangeCounter(db: Kysely<Schema>, organisationId: string): Promise<number> {
  const row = await db
    .updateTable('organisations')
    .set((eb) => ({ change_seq: eb.ref('change_seq').$castTo<number>() }))
    .where('id', '=', organisationId)
    .returning('change_seq')
    .executeTakeFirst();
  if (!row) throw new Error(`No organisation ${organisationId}`);
  return Number(row.change_seq);
}

export async function setChangeCounter(db: Kysely<Schema>, organisationId: string, seq: number): Promise<void> {
  await db.updateTable('organisations').set({ change_seq: seq }).where('id', '=', organisationId).execute();
}

export async function readChangeCounter(db: Kysely<Schema>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select('change_seq')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.change_seq ?? 0);
}

/** Records changed after `afterSeq`, in change order, with what pull needs to filter them. */
export async function readRecordsAfter(db: Kysely<Schema>, organisationId: string, afterSeq: number, limit: number) {
  const rows = await db
    .selectFrom('records')
    .select(['kind', 'id', 'values_json', 'versions_json', 'change_seq', 'private_to'])
    .where('organisation_id', '=', organisationId)
    .where('change_seq', '>', afterSeq)
    .orderBy('change_seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, change_seq: Number(row.change_seq) }));
}

/** How many records after `afterSeq` a viewer may see (all of them for a coordinator). */
export async function countRecordsAfter(
  db: Kysely<Schema>,
  organisationId: string,
  afterSeq: number,
  viewer: { id: string; seesPrivate: boolean },
): Promise<number> {
  let query = db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('change_seq', '>', afterSeq);
  if (!viewer.seesPrivate) {
    query = query.where((eb) => eb.or([eb('private_to', 'is', null), eb('private_to', '=', viewer.id)]));
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}
