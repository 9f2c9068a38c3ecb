// Changes of who may see a record (see SightChangesTable): written under the change counter, read by pull.
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

export interface SightChange {
  userId: string;
  kind: string;
  id: string;
}

/** Numbers `changes` after `afterSeq` (the counter must be locked); returns the last number used. */
export async function appendSightChanges(
  db: Kysely<Schema>,
  organisationId: string,
  changes: SightChange[],
  afterSeq: number,
): Promise<number> {
  let seq = afterSeq;
  const rows = changes.map((change) => ({
    organisation_id: organisationId,
    change_seq: ++seq,
    user_id: change.userId,
    kind: change.kind,
    id: change.id,
  }));
  // In slices: SQLite allows a limited number of bound parameters per statement.
  for (let start = 0; start < rows.length; start += 200) {
    await db
      .insertInto('sight_changes')
      .values(rows.slice(start, start + 200))
      .execute();
  }
  return seq;
}

/** One user's sight changes after `afterSeq`, in change order. */
export async function readSightChangesAfter(
  db: Kysely<Schema>,
  organisationId: string,
  userId: string,
  afterSeq: number,
  limit: number,
) {
  const rows = await db
    .selectFrom('sight_changes')
    .select(['kind', 'id', 'change_seq'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('change_seq', '>', afterSeq)
    .orderBy('change_seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, change_seq: Number(row.change_seq) }));
}

export async function countSightChangesAfter(
  db: Kysely<Schema>,
  organisationId: string,
  userId: string,
  afterSeq: number,
): Promise<number> {
  const row = await db
    .selectFrom('sight_changes')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('change_seq', '>', afterSeq)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Notes private to someone other than `userId`: what only a coordinator among the rest may see. */
export async function findNotesPrivateToOthers(db: Kysely<Schema>, organisationId: string, userId: string) {
  return db
    .selectFrom('records')
    .select(['kind', 'id'])
    .where('organisation_id', '=', organisationId)
    .where('private_to', 'is not', null)
    .where('private_to', '!=', userId)
    .orderBy('change_seq')
    .execute();
}

/** Members who see a note only while it is shared: everyone able to sign in but its author and coordinators. */
export async function findTeamOutsidePrivate(db: Kysely<Schema>, organisationId: string, authorId: string) {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '!=', 'coordinator')
    .where('disabled', '=', 0)
    .where('id', '!=', authorId)
    .execute();
  return rows.map((row) => row.id);
}
