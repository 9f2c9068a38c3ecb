// Synced records, one row per (organisation, kind, id), each stamped with the change number of its last write.
import type { Kysely, Selectable } from 'kysely';
import type { Values, Versions } from '../../sync/merge.ts';
import type { RecordsTable, Schema } from './schema.ts';
import { isoNow } from './util.ts';

/** A record as it is written. */
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

/** A record as it is read: what was written, and when and under which change number it last was. */
export interface LoadedRecord extends StoredRecord {
  erasedAt: string | null;
  updatedAt: string;
  changeSeq: number;
}

export const recordKey = (kind: string, id: string) => `${kind}/${id}`;

/** The columns every read of records selects, for toStoredRecord. */
const COLUMNS = [
  'kind',
  'id',
  'values_json',
  'versions_json',
  'author_id',
  'private_to',
  'erased_at',
  'updated_at',
  'change_seq',
] as const;

type RecordRow = Pick<Selectable<RecordsTable>, (typeof COLUMNS)[number]>;

/** The organisation's records with the columns toStoredRecord decodes: every read below narrows it. */
const selectRecords = (db: Kysely<Schema>, organisationId: string) =>
  db.selectFrom('records').select(COLUMNS).where('organisation_id', '=', organisationId);

/** The one decoding of a records row: JSON text to values and versions, bigint text to a number. */
export function toStoredRecord(row: RecordRow): LoadedRecord {
  return {
    kind: row.kind,
    id: row.id,
    values: JSON.parse(row.values_json) as Values,
    versions: JSON.parse(row.versions_json) as Versions,
    authorId: row.author_id,
    privateTo: row.private_to,
    erasedAt: row.erased_at,
    updatedAt: row.updated_at,
    changeSeq: Number(row.change_seq),
  };
}

/** The stored records among `keys`, by recordKey; one query per kind. */
export async function loadRecords(
  db: Kysely<Schema>,
  organisationId: string,
  keys: { kind: string; id: string }[],
): Promise<Map<string, LoadedRecord>> {
  const idsByKind = new Map<string, Set<string>>();
  for (const { kind, id } of keys) idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id));
  const found = new Map<string, LoadedRecord>();
  for (const [kind, ids] of idsByKind) {
    const rows = await selectRecords(db, organisationId)
      .where('kind', '=', kind)
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) found.set(recordKey(row.kind, row.id), toStoredRecord(row));
  }
  return found;
}

/** The change numbers of the stored records among `keys`, by recordKey; one query per kind. */
export async function readChangeSeqs(
  db: Kysely<Schema>,
  organisationId: string,
  keys: { kind: string; id: string }[],
): Promise<Map<string, number>> {
  const idsByKind = new Map<string, Set<string>>();
  for (const { kind, id } of keys) idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id));
  const found = new Map<string, number>();
  for (const [kind, ids] of idsByKind) {
    const rows = await db
      .selectFrom('records')
      .select(['kind', 'id', 'change_seq'])
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', kind)
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) found.set(recordKey(row.kind, row.id), Number(row.change_seq));
  }
  return found;
}

export async function findRecord(
  db: Kysely<Schema>,
  organisationId: string,
  kind: string,
  id: string,
): Promise<LoadedRecord | undefined> {
  const row = await selectRecords(db, organisationId).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
  return row && toStoredRecord(row);
}

/**
 * Records of `kind` whose `field` names one of `ids`. Values are JSON made by JSON.stringify, so the
 * pair appears exactly as `"field":"id"`; LIKE narrows the rows in the database (an `_` in an id matches
 * any character there) and the parsed value decides.
 */
export async function findRecordsNaming(
  db: Kysely<Schema>,
  organisationId: string,
  kind: string,
  field: string,
  ids: string[],
): Promise<LoadedRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectRecords(db, organisationId)
    .where('kind', '=', kind)
    .where((eb) =>
      eb.or(ids.map((id) => eb('values_json', 'like', `%${JSON.stringify({ [field]: id }).slice(1, -1)}%`))),
    )
    .execute();
  return rows.map(toStoredRecord).filter((record) => ids.includes(record.values[field] as string));
}

/** Every record of `kinds` in the organisation that is not an erasure tombstone. */
export async function listLiveRecords(
  db: Kysely<Schema>,
  organisationId: string,
  kinds: string[],
): Promise<LoadedRecord[]> {
  const rows = await selectRecords(db, organisationId)
    .where('kind', 'in', kinds)
    .where('erased_at', 'is', null)
    .execute();
  return rows.map(toStoredRecord);
}

/** A record to write under a change number: see changes.ts, which numbers every write. */
export interface NumberedRecord {
  record: StoredRecord;
  isNew: boolean;
  changeSeq: number;
}

/** Rows per statement: well under the bound parameters either database takes (SQLite's 32,766 is the lower). */
const ROWS_PER_STATEMENT = 500;

/**
 * Writes records, each under its change number, in a few statements however many there are: under the change
 * counter's lock every round trip to the database holds up the organisation's other pushes. New records are
 * inserted (a clash is an error, as it would be for one); records already stored are written with an upsert on
 * their key that changes only what a write may change, so their author and creation time stay. A record may
 * appear once only (changes.ts keeps each record's last write).
 */
export async function writeRecords(
  db: Kysely<Schema>,
  organisationId: string,
  writes: NumberedRecord[],
  now: number = Date.now(),
): Promise<void> {
  const at = isoNow(now);
  const rows = (isNew: boolean) =>
    writes
      .filter((write) => write.isNew === isNew)
      .map(({ record, changeSeq }) => ({
        organisation_id: organisationId,
        kind: record.kind,
        id: record.id,
        author_id: record.authorId,
        created_at: at,
        values_json: JSON.stringify(record.values),
        versions_json: JSON.stringify(record.versions),
        change_seq: changeSeq,
        private_to: record.privateTo,
        erased_at: record.erasedAt ?? null,
        updated_at: at,
      }));
  const inserts = rows(true);
  for (let start = 0; start < inserts.length; start += ROWS_PER_STATEMENT) {
    await db
      .insertInto('records')
      .values(inserts.slice(start, start + ROWS_PER_STATEMENT))
      .execute();
  }
  const updates = rows(false);
  for (let start = 0; start < updates.length; start += ROWS_PER_STATEMENT) {
    await db
      .insertInto('records')
      .values(updates.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((conflict) =>
        conflict.columns(['organisation_id', 'kind', 'id']).doUpdateSet((eb) => ({
          values_json: eb.ref('excluded.values_json'),
          versions_json: eb.ref('excluded.versions_json'),
          change_seq: eb.ref('excluded.change_seq'),
          private_to: eb.ref('excluded.private_to'),
          erased_at: eb.ref('excluded.erased_at'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * A record as a pull sends it: its values and versions are still the JSON text they are stored as, written
 * into the answer as they are (sync/pullAnswer.ts) rather than parsed and written out again.
 */
export interface PulledRecord {
  kind: string;
  id: string;
  valuesJson: string;
  versionsJson: string;
  privateTo: string | null;
  changeSeq: number;
}

/** Up to `limit` records changed after `afterSeq`, in change order, for pull. */
export async function readRecordsAfter(
  db: Kysely<Schema>,
  organisationId: string,
  afterSeq: number,
  limit: number,
): Promise<PulledRecord[]> {
  const rows = await db
    .selectFrom('records')
    .select(['kind', 'id', 'values_json', 'versions_json', 'private_to', 'change_seq'])
    .where('organisation_id', '=', organisationId)
    .where('change_seq', '>', afterSeq)
    .orderBy('change_seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    valuesJson: row.values_json,
    versionsJson: row.versions_json,
    privateTo: row.private_to,
    changeSeq: Number(row.change_seq),
  }));
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
