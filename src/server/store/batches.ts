// Answers to push batches already applied, so that a device resending a batch gets the same answer.
import type { Kysely } from 'kysely';
import type { ChangeResult } from '../../sync/protocol.ts';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

// A device resends a batch when an answer was lost, within minutes or at worst after weeks offline with
// the answer lost just before; after 90 days a replay is only re-merged, which is harmless too.
const KEEP_MS = 90 * 24 * 60 * 60 * 1000;

export interface BatchKey {
  organisationId: string;
  deviceId: string;
  batchId: string;
}

export async function findAppliedBatch(db: Kysely<Schema>, key: BatchKey): Promise<ChangeResult[] | undefined> {
  const row = await db
    .selectFrom('applied_batches')
    .select('response_json')
    .where('organisation_id', '=', key.organisationId)
    .where('device_id', '=', key.deviceId)
    .where('batch_id', '=', key.batchId)
    .executeTakeFirst();
  return row && (JSON.parse(row.response_json) as ChangeResult[]);
}

export async function saveAppliedBatch(
  db: Kysely<Schema>,
  key: BatchKey,
  results: ChangeResult[],
  now: number = Date.now(),
): Promise<void> {
  await db
    .insertInto('applied_batches')
    .values({
      organisation_id: key.organisationId,
      device_id: key.deviceId,
      batch_id: key.batchId,
      response_json: JSON.stringify(results),
      created_at: isoNow(now),
    })
    .execute();
  await db
    .deleteFrom('applied_batches')
    .where('organisation_id', '=', key.organisationId)
    .where('device_id', '=', key.deviceId)
    .where('created_at', '<', isoNow(now - KEEP_MS))
    .execute();
}
