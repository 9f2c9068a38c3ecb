// The organisation's change counter and the one writer that numbers changes under it. Every write a device
// pulls (a record and its history entry, or a change of someone's sight of a record) takes the next number.
import type { Kysely } from 'kysely';
import type { Values } from '../../sync/merge.ts';
import { appendRecordChanges, type RecordChange } from './history.ts';
import { recordKey, writeRecords, type NumberedRecord, type StoredRecord } from './records.ts';
import type { Schema } from './schema.ts';
import { appendSightChanges, type SightChange } from './sight.ts';

/** The organisation's change counter, locked by the transaction that holds it: the last number handed out. */
export interface LockedCounter {
  readonly organisationId: string;
  readonly seq: number;
}

/** One write to number: a record with its history entry, or a change of a user's sight of a record. */
export type NumberedChange =
  | {
      record: StoredRecord;
      isNew: boolean;
      /** Who made the write and the fields it changed, with their new values: the history entry. */
      history: { userId: string; deviceId: string | null; values: Values };
    }
  | { sight: SightChange };

/**
 * Locks the organisation's change counter until the transaction ends, and reads it. On PostgreSQL the
 * UPDATE takes the row lock (a SELECT would not); on SQLite it takes the database's write lock at once,
 * so the transaction never has to upgrade from a read lock.
 */
export async function lockChangeCounter(db: Kysely<Schema>, organisationId: string): Promise<LockedCounter> {
  const row = await db
    .updateTable('organisations')
    .set((eb) => ({ change_seq: eb.ref('change_seq').$castTo<number>() }))
    .where('id', '=', organisationId)
    .returning('change_seq')
    .executeTakeFirst();
  if (!row) throw new Error(`No organisation ${organisationId}`);
  return { organisationId, seq: Number(row.change_seq) };
}

export async function readChangeCounter(db: Kysely<Schema>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select('change_seq')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.change_seq ?? 0);
}

/**
 * Numbers `changes` in order after the locked counter, writes each, and moves the counter on to the last
 * number used (it stays as it was when there is nothing to write). Call it in the transaction that locked the
 * counter, so that the numbers commit in the order they were handed out.
 *
 * The numbers are handed out one by one, but the writes go in a few statements at the end, whatever the count:
 * the counter's lock is held until commit, and each round trip under it holds up the organisation's other
 * pushes. A record written twice in one call keeps its last write (and number) and every history entry.
 */
export async function writeNumberedChanges(
  trx: Kysely<Schema>,
  counter: LockedCounter,
  changes: NumberedChange[],
  now: number = Date.now(),
): Promise<void> {
  const { organisationId } = counter;
  let seq = counter.seq;
  // Sight changes in a row go in one insert (they can be many: every note, for a role change).
  let sights: SightChange[] = [];
  const writeSights = async () => {
    seq = await appendSightChanges(trx, organisationId, sights, seq);
    sights = [];
  };
  const records = new Map<string, NumberedRecord>();
  const history: RecordChange[] = [];
  for (const change of changes) {
    if ('sight' in change) {
      sights.push(change.sight);
      continue;
    }
    await writeSights();
    const { record, isNew } = change;
    seq += 1;
    const key = recordKey(record.kind, record.id);
    // Inserted if any write of it was its first; the record holds its last write.
    records.set(key, { record, isNew: isNew || (records.get(key)?.isNew ?? false), changeSeq: seq });
    history.push({ organisationId, changeSeq: seq, kind: record.kind, id: record.id, ...change.history });
  }
  await writeSights();
  await writeRecords(trx, organisationId, [...records.values()], now);
  await appendRecordChanges(trx, history, now);
  if (seq !== counter.seq) {
    await trx.updateTable('organisations').set({ change_seq: seq }).where('id', '=', organisationId).execute();
  }
}
