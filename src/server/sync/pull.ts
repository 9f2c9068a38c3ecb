// Pages of changed records for a device (src/sync/protocol.ts), in the order the server committed them, with the
// records it must purge because its user may no longer see them.
import type { Kysely } from 'kysely';
import type { Change, RecordRef } from '../../sync/protocol.ts';
import { readChangeCounter } from '../store/changes.ts';
import { countRecordsAfter, loadRecords, readRecordsAfter, recordKey, type LoadedRecord } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';
import { countSightChangesAfter, readSightChangesAfter } from '../store/sight.ts';
import { findUserById } from '../store/users.ts';
import { invalidCursor } from './cursor.ts';
import { canSee, seesPrivate, type Viewer } from './visibility.ts';

export interface PullPage {
  changes: Change[];
  /** Records the device must delete: its user may no longer see them (`purge` in src/sync/protocol.ts). */
  purge: RecordRef[];
  /** The change number to continue after. */
  lastSeq: number;
  more: boolean;
  remaining: number;
}

type Entry = { seq: number; record: LoadedRecord } | { seq: number; sight: { kind: string; id: string } };

/**
 * Reads up to `limit` entries numbered after `afterSeq`: records changed, and changes of the viewer's sight
 * of a record (store/sight.ts), merged in change order. A record changed is sent if the viewer may see it
 * and passed over otherwise (they never held it, or a sight change tells them to purge it); a sight change
 * is answered with what is true now: the record whole, or a purge. Passed-over entries still move the
 * cursor on, so a page can hold fewer than `limit` changes while `more` is true. Change numbers commit in
 * order (see push.ts), so what these queries see is always a whole prefix.
 */
export async function pullChanges(
  db: Kysely<Schema>,
  viewer: Viewer & { organisationId: string },
  afterSeq: number,
  limit: number,
): Promise<PullPage> {
  const { organisationId } = viewer;
  // A cursor past the counter comes from another server or a database restored from a backup: make the
  // device start again rather than miss whatever is numbered below it from now on.
  if (afterSeq > 0 && afterSeq > (await readChangeCounter(db, organisationId))) throw invalidCursor();
  const records = await readRecordsAfter(db, organisationId, afterSeq, limit + 1);
  const sights = await readSightChangesAfter(db, organisationId, viewer.id, afterSeq, limit + 1);
  // The role is read after the entries: a role change commits together with its sight changes, so a role
  // read now is never older than the entries just read, and a purge is never answered with the old role.
  const role = (await findUserById(db, viewer.id))?.role ?? viewer.role;
  const reader: Viewer = { id: viewer.id, role };

  const entries: Entry[] = [
    ...records.map((record) => ({ seq: record.changeSeq, record })),
    ...sights.map((sight) => ({ seq: sight.change_seq, sight })),
  ].sort((a, b) => a.seq - b.seq);
  const more = entries.length > limit;
  const page = entries.slice(0, limit);
  const lastSeq = page.at(-1)?.seq ?? afterSeq;
  const sighted = await loadRecords(
    db,
    organisationId,
    page.flatMap((entry) => ('sight' in entry ? [entry.sight] : [])),
  );

  const changes: Change[] = [];
  const purge: RecordRef[] = [];
  for (const entry of page) {
    if ('record' in entry) {
      const { kind, id, values, versions, privateTo } = entry.record;
      if (canSee(reader, privateTo)) changes.push({ kind, id, values, versions });
      continue;
    }
    const { kind, id } = entry.sight;
    const record = sighted.get(recordKey(kind, id));
    if (record && canSee(reader, record.privateTo)) {
      changes.push({ kind, id, values: record.values, versions: record.versions });
    } else {
      purge.push({ kind, id });
    }
  }
  const remaining = more
    ? (await countRecordsAfter(db, organisationId, lastSeq, { id: viewer.id, seesPrivate: seesPrivate(reader) })) +
      (await countSightChangesAfter(db, organisationId, viewer.id, lastSeq))
    : 0;
  return { changes, purge, lastSeq, more, remaining };
}
