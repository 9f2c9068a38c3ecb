// The database's epoch (DESIGN §4, "Epoch"): made by migration 0010 when the database is made, replaced by a
// restore (scripts/restore.ts). Every pull and push answer carries it.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

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
