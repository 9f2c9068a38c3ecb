// Answers to push batches already applied, so that a device resending a batch gets the same answer, and
// what each batch held, so that an id reused for other changes is refused instead of answered wrongly.
import { createHash } from 'node:crypto';
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

export interface AppliedBatch {
  results: ChangeResult[];
  /** Null for a batch applied before hashes were kept. */
  contentHash: string | null;
}

/** JSON with every object's keys in order, so that the same changes hash alike whatever order a device wrote. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function hashBatchContent(changes: unknown[]): string {
  return createHash('sha256').update(canonicalJson(changes)).digest('base64url');
}

export async function findAppliedBatch(db: Kysely<Schema>, key: BatchKey): Promise<AppliedBatch | undefined> {
  const row = await db
    .selectFrom('applied_batches')
    .select(['response_json', 'content_hash'])
    .where('organisation_id', '=', key.organisationId)
    .where('device_id', '=', key.deviceId)
    .where('batch_id', '=', key.batchId)
    .executeTakeFirst();
  return row && { results: JSON.parse(row.response_json) as ChangeResult[], contentHash: row.content_hash };
}

/**
 * Keeps the batch's answer, unless this device's batch of that id is kept already (a resend that raced this
 * one and committed first): then nothing is written and the answer is false.
 */
export async function saveAppliedBatch(
  db: Kysely<Schema>,
  key: BatchKey,
  batch: { results: ChangeResult[]; contentHash: string },
  now: number = Date.now(),
): Promise<boolean> {
  const saved = await db
    .insertInto('applied_batches')
    .values({
      organisation_id: key.organisationId,
      device_id: key.deviceId,
      batch_id: key.batchId,
      response_json: JSON.stringify(batch.results),
      content_hash: batch.contentHash,
      created_at: isoNow(now),
    })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'device_id', 'batch_id']).doNothing())
    .returning('batch_id')
    .executeTakeFirst();
  return saved !== undefined;
}

/** Forgets the device's answers older than a resend could come (see KEEP_MS). */
export async function forgetOldBatches(db: Kysely<Schema>, key: BatchKey, now: number = Date.now()): Promise<void> {
  await db
    .deleteFrom('applied_batches')
    .where('organisation_id', '=', key.organisationId)
    .where('device_id', '=', key.deviceId)
    .where('created_at', '<', isoNow(now - KEEP_MS))
    .execute();
}
