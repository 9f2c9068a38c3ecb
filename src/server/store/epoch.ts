// The database's epoch (DESIGN §4, "Epoch"): made by migration 0010 when the database is made, replaced by a
// restore (scripts/restore.ts). Every pull and push answer carries it.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { isoNow, isUniqueViolation } from './util.ts';

export async function readEpoch(db: Kysely<Schema>): Promise<string> {
  const row = await db.selectFrom('server_state').select('value').where('key', '=', 'epoch').executeTakeFirst();
  if (!row) throw new Error('The database has no epoch: is it migrated?');
  return row.value;
}

/** Gives the database a new epoch (after a restore); returns it. */
export async function renewEpoch(db: Kysely<Schema>): Promise<string> {
  const epoch = randomUUID();
  await db.updateTable('server_state').set({ value: epoch }).where('key', '=', 'epoch').execute();
  return epoch;
}

/**
 * Claims the run of `job` for `slot` (a day, say): true for exactly one caller, however many server processes
 * ask at once, because the claim is a row under a primary key.
 */
export async function claimScheduledRun(
  db: Kysely<Schema>,
  job: string,
  slot: string,
  now: number = Date.now(),
): Promise<boolean> {
  try {
    await db
      .insertInto('scheduled_runs')
      .values({ job, slot, claimed_at: isoNow(now) })
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
