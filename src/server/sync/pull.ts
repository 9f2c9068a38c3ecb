// Pages of changed records for a device (src/sync/protocol.ts), in the order the server committed them, with the
// records it must purge because its user may no longer see them.
import type { Kysely } from 'kysely';
import type { RecordRef } from '../../sync/protocol.ts';
import { readChangeCounter } from '../store/changes.ts';
import { countRecordsAfter, loadRecords, readRecordsAfter, recordKey, type PulledRecord } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';
import { countSightChangesAfter, readSightChangesAfter } from '../store/sight.ts';
import { findUserById } from '../store/users.ts';
import { invalidCursor, type CursorState } from './cursor.ts';
import type { ChangeText } from './pullAnswer.ts';
import { canSee, seesPrivate, type Viewer } from './visibility.ts';

export interface PullPage {
  changes: ChangeText[];
  /** Records the device must delete: its user may no longer see them (`purge` in src/sync/protocol.ts). */
  purge: RecordRef[];
  /** The change number to continue after. */
  lastSeq: number;
  more: boolean;
  remaining: number;
  /** The organisation's change counter when the page was read: `remaining` is as of that number. */
  counter: number;
}

type Entry = { seq: number; record: PulledRecord } | { seq: number; sight: { kind: string; id: string } };

/**
 * Reads up to `limit + 1` entries (the one past the page only tells whether there is `more`) numbered after `afterSeq`: records changed, and changes of the viewer's sight
 * of a record (store/sight.ts), merged in change order. A record changed is sent if the viewer may see it
 * and passed over otherwise (they never held it, or a sight change tells them to purge it); a sight change
 * is answered with what is true now: the record whole, or a purge. Passed-over entries still move the
 * cursor on, so a page can hold fewer than `limit` changes while `more` is true. Change numbers commit in
 * order (see push.ts), so what these queries see is always a whole prefix.
 *
 * Every page costs the same however much is left: the queries walk the index on (organisation, change
 * number) from the cursor, and `remaining` is not counted per page. It is counted once, when a pull starts
 * with no tally in its cursor, and then carried in the cursor: what was left, less what this page sends, plus
 * what was numbered since (an upper bound: some of it may be hidden from this user or rewrite a record
 * already counted). So a first sync's progress is exact while nobody else writes, and close when they do.
 */
export async function pullChanges(
  db: Kysely<Schema>,
  viewer: Viewer & { organisationId: string },
  after: number | CursorState,
  limit: number,
): Promise<PullPage> {
  const { organisationId } = viewer;
  const { seq: afterSeq, tally } = typeof after === 'number' ? { seq: after, tally: undefined } : after;
  const counter = await readChangeCounter(db, organisationId);
  // A cursor past the counter comes from another server or a database restored from a backup: make the
  // device start again rather than miss whatever is numbered below it from now on.
  if (afterSeq > 0 && afterSeq > counter) throw invalidCursor();
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

  const changes: ChangeText[] = [];
  const purge: RecordRef[] = [];
  // The entries of this page that a count of what remains would have counted.
  let counted = 0;
  for (const entry of page) {
    if ('record' in entry) {
      const { kind, id, valuesJson, versionsJson, privateTo } = entry.record;
      if (canSee(reader, privateTo)) {
        changes.push({ kind, id, valuesJson, versionsJson });
        counted++;
      }
      continue;
    }
    counted++;
    const { kind, id } = entry.sight;
    const record = sighted.get(recordKey(kind, id));
    if (record && canSee(reader, record.privateTo)) {
      changes.push({
        kind,
        id,
        valuesJson: JSON.stringify(record.values),
        versionsJson: JSON.stringify(record.versions),
      });
    } else {
      purge.push({ kind, id });
    }
  }
  const carried = tally ? tally.remaining - counted + Math.max(0, counter - tally.counter) : 0;
  // Counted afresh only at the start of a pull, or should the carried tally run out while more is left.
  const remaining = !more
    ? 0
    : tally && carried > 0
      ? carried
      : (await countRecordsAfter(db, organisationId, lastSeq, { id: viewer.id, seesPrivate: seesPrivate(reader) })) +
        (await countSightChangesAfter(db, organisationId, viewer.id, lastSeq));
  return { changes, purge, lastSeq, more, remaining, counter };
}
