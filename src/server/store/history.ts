// The change history of records (append-only): who changed which fields of a record, to what, and when.
import type { Kysely } from 'kysely';
import type { Values } from '../../sync/merge.ts';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

export interface RecordChange {
  organisationId: string;
  changeSeq: number;
  kind: string;
  id: string;
  userId: string;
  deviceId: string | null;
  /** Only the fields this write changed, with their new values. */
  values: Values;
}

/** Appends history entries, a few hundred to a statement (see records.ts, writeRecords). */
export async function appendRecordChanges(db: Kysely<Schema>, changes: RecordChange[], now: number = Date.now()) {
  const at = isoNow(now);
  const rows = changes.map((change) => ({
    organisation_id: change.organisationId,
    change_seq: change.changeSeq,
    kind: change.kind,
    id: change.id,
    at,
    user_id: change.userId,
    device_id: change.deviceId,
    values_json: JSON.stringify(change.values),
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('record_changes')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

export interface HistoryEntry {
  changeSeq: number;
  at: string;
  userId: string;
  userName: string | null;
  deviceId: string | null;
  values: Values;
}

export async function readHistory(
  db: Kysely<Schema>,
  record: { organisationId: string; kind: string; id: string },
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('record_changes as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select([
      'c.change_seq as changeSeq',
      'c.at as at',
      'c.user_id as userId',
      'u.name as userName',
      'c.device_id as deviceId',
      'c.values_json as valuesJson',
    ])
    .where('c.organisation_id', '=', record.organisationId)
    .where('c.kind', '=', record.kind)
    .where('c.id', '=', record.id)
    .orderBy('c.change_seq')
    .execute();
  return rows.map(({ valuesJson, changeSeq, ...row }) => ({
    ...row,
    changeSeq: Number(changeSeq),
    values: JSON.parse(valuesJson) as Values,
  }));
}

/**
 * Erasure keeps the rows (who changed a record, and when, stays accountable) but blanks every value, so
 * that nothing about the erased person survives in the history either.
 */
export async function scrubHistory(
  db: Kysely<Schema>,
  organisationId: string,
  records: { kind: string; id: string }[],
): Promise<void> {
  for (const record of records) {
    const rows = await db
      .selectFrom('record_changes')
      .select(['change_seq', 'values_json'])
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', record.kind)
      .where('id', '=', record.id)
      .execute();
    for (const row of rows) {
      const fields = Object.keys(JSON.parse(row.values_json) as Values);
      await db
        .updateTable('record_changes')
        .set({ values_json: JSON.stringify(Object.fromEntries(fields.map((field) => [field, null]))) })
        .where('organisation_id', '=', organisationId)
        .where('change_seq', '=', Number(row.change_seq))
        .execute();
    }
  }
}
