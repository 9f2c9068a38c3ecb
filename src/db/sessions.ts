// Writes for the sessions and outreach screens: a course saved week by week, the fields an edit changed,
// and the organisation's name kept out of discreet texts.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Session } from '../domain/session.ts';
import type { Values } from '../sync/merge.ts';
import type { CoorieDb } from './database.ts';
import { useDb } from './hooks.ts';
import { getMeta, setMeta } from './meta.ts';
import { saveRecord } from './records.ts';

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
  const blank = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  for (const [field, value] of Object.entries(after)) {
    // A field never filled in and a field left empty on the form are the same: not a change.
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
