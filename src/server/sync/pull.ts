// Pages of changed records for a device (DESIGN §4), in the order the server committed them.
import type { Kysely } from 'kysely';
import type { Values, Versions } from '../../sync/merge.ts';
import type { Change } from '../../sync/protocol.ts';
import { countRecordsAfter, readChangeCounter, readRecordsAfter } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';
import { invalidCursor } from './cursor.ts';
import { canSee, seesPrivate, type Viewer } from './visibility.ts';

export interface PullPage {
  changes: Change[];
  /** The change number to continue after. */
  lastSeq: number;
  more: boolean;
  remaining: number;
}

/**
 * Reads up to `limit` records changed after `afterSeq` and returns those the viewer may see. Records they
 * may not see still move the cursor on, so a page can hold fewer than `limit` changes while `more` is true.
 * Change numbers commit in order (see push.ts), so what this one query sees is always a whole prefix.
 */
export async function pullChanges(
  db: Kysely<Schema>,
  viewer: Viewer & { organisationId: string },
  afterSeq: number,
  limit: number,
): Promise<PullPage> {
  // A cursor past the counter comes from another server or a database restored from a backup: make the
  // device start again rather than miss whatever is numbered below it from now on.
  if (afterSeq > 0 && afterSeq > (await readChangeCounter(db, viewer.organisationId))) throw invalidCursor();
  const rows = await readRecordsAfter(db, viewer.organisationId, afterSeq, limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const lastSeq = page.at(-1)?.change_seq ?? afterSeq;
  const changes = page
    .filter((row) => canSee(viewer, row.private_to))
    .map((row) => ({
      kind: row.kind,
      id: row.id,
      values: JSON.parse(row.values_json) as Values,
      versions: JSON.parse(row.versions_json) as Versions,
    }));
  const remaining = more
    ? await countRecordsAfter(db, viewer.organisationId, lastSeq, { id: viewer.id, seesPrivate: seesPrivate(viewer) })
    : 0;
  return { changes, lastSeq, more, remaining };
}
