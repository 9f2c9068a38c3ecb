// A role raised to coordinator or lowered from it changes which notes a user may see, without any note
// changing: so pull, which only sends what changed, is told of each note through a sight change.
import type { Kysely } from 'kysely';
import { lockChangeCounter, writeNumberedChanges } from '../store/changes.ts';
import type { Role, Schema } from '../store/schema.ts';
import { findNotesPrivateToOthers } from '../store/sight.ts';
import { seesPrivate } from './visibility.ts';

/**
 * Call in the transaction that changes the user's role, so that the sight changes commit with it (pull
 * relies on that). Lowered: the user's devices purge the notes private to others on their next pull;
 * raised: they receive them.
 */
export async function recordRoleChange(
  trx: Kysely<Schema>,
  user: { id: string; organisationId: string },
  before: Role,
  after: Role,
): Promise<void> {
  if (seesPrivate({ id: user.id, role: before }) === seesPrivate({ id: user.id, role: after })) return;
  const counter = await lockChangeCounter(trx, user.organisationId);
  const notes = await findNotesPrivateToOthers(trx, user.organisationId, user.id);
  const changes = notes.map((note) => ({ sight: { userId: user.id, kind: note.kind, id: note.id } }));
  await writeNumberedChanges(trx, counter, changes);
}
