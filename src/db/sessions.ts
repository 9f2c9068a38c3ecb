// Reads and writes for the sessions and outreach screens: the sessions a session is compared with and the people
// it concerns (each through an index or by key, not every session or person), a course saved week by week, the
// fields an edit changed, and the organisation's name kept out of discreet texts.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Session } from '../domain/session.ts';
import type { Values } from '../sync/merge.ts';
import type { CoorieDb, KindRow } from './database.ts';
import { useDb } from './hooks.ts';
import { getMeta, setMeta } from './meta.ts';
import { saveRecord } from './records.ts';
import { openRows } from './keyring.ts';

/** A session's values without the sync bookkeeping, for the domain rules. */
export function sessionValues(session: Session): Values {
  const values: Values = { ...session };
  delete values.id;
  return values;
}

/**
 * Saves every week of a course. Each week is its own write, so a tablet that dies half way keeps the weeks
 * already saved; the ids are deterministic, so saving the course again completes it without doubling it.
 */
export async function saveSessions(db: CoorieDb, sessions: readonly Session[], userId: string): Promise<void> {
  for (const session of sessions) await saveRecord(db, 'session', session.id, sessionValues(session), { userId });
}

/** Only the fields that differ, so that an edit never overwrites another tablet's change to a field left alone. */
export function changedFields(before: Values, after: Values): Values {
  const changes: Values = {};
  const blank = (value: unknown) =>
    value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
  for (const [field, value] of Object.entries(after)) {
    // A field never filled in and a field left empty (or a box left unticked) on the form are the same: not a change.
    if (blank(before[field]) && blank(value)) continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(value)) changes[field] = value;
  }
  return changes;
}

export function useOrganisationName(): string | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await getMeta(db, 'organisationName')) ?? '', [db]);
}

export async function setOrganisationName(db: CoorieDb, name: string): Promise<void> {
  await setMeta(db, 'organisationName', name.trim());
}

const live = <T extends { deleted?: boolean }>(row: T | undefined): row is T => !!row && row.deleted !== true;

/**
 * The sessions a session is compared with: those of its course, or outside a course those at its venue (what
 * previousSession and isLastOfSeries look through), read through the seriesId or venueId index. `undefined`
 * while loading.
 */
export function useSessionRun(session: Session | null | undefined): KindRow<'session'>[] | undefined {
  const db = useDb();
  const seriesId = session?.seriesId ?? '';
  const venueId = session?.venueId ?? '';
  const key = `${seriesId}\u0000${venueId}`;
  const result = useLiveQuery(async () => {
    const table = db.records('session');
    const rows = seriesId
      ? await table.where('seriesId').equals(seriesId).toArray()
      : venueId
        ? await table.where('venueId').equals(venueId).toArray()
        : [];
    return { key, rows: rows.filter(live) };
  }, [db, key]);
  if (session === undefined) return undefined;
  return result?.key === key ? result.rows : undefined;
}

/**
 * The people with these ids, and whoever they were merged into (for resolveAttendee), read by key and opened;
 * deleted ones left out. `undefined` while `ids` is (what they come from is loading) and until the first read answers; when
 * the ids change, the previous answer stands until the new one comes, so the screen does not blank.
 */
export function usePeopleByIds(ids: readonly string[] | undefined): KindRow<'attendee'>[] | undefined {
  const db = useDb();
  const key = ids === undefined ? null : [...new Set(ids)].sort().join('\u0000');
  const result = useLiveQuery(async () => {
    if (key === null) return { key, rows: [] };
    const found = new Map<string, KindRow<'attendee'>>();
    let wanted = key ? key.split('\u0000') : [];
    // A merged record points at the one kept; a few steps at most, as resolveAttendee follows.
    for (let step = 0; step < 6 && wanted.length > 0; step += 1) {
      const rows = (await db.records('attendee').bulkGet(wanted)).filter(live);
      wanted = [];
      for (const row of rows) {
        found.set(row.id, row);
        if (row.mergedInto && !found.has(row.mergedInto)) wanted.push(row.mergedInto);
      }
    }
    // Opened (sealed fields such as the cake and dietary needs), after every Dexie read of the query is done.
    return { key, rows: await openRows('attendee', [...found.values()]) };
  }, [db, key]);
  if (key === null || result === undefined || result.key === null) return undefined;
  return result.rows;
}
