// What Today needs of the volunteer records, read through indexes: renewals falling due (for coordinators) and
// the signed-in member's own PVG. Kept apart from volunteers.ts so that Today loads no record schemas.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Pvg } from '../domain/pvg.ts';
import { dueHorizon, dueItems, pvgId, type DueItem } from '../domain/volunteering.ts';
import type { CoorieDb } from './database.ts';
import { useDb } from './hooks.ts';

/** Training renewals and PVG due within 30 days or past, for the whole team (as far as this device holds it). */
export async function readVolunteersDue(db: CoorieDb, today: string): Promise<DueItem[]> {
  // Dates sort as text; '0' skips the empty renewal of a course that never needs renewing.
  const falling = await db.records('training').where('renewBy').between('0', dueHorizon(today), true, true).toArray();
  const members = [...new Set(falling.flatMap((row) => (row.memberId ? [row.memberId] : [])))];
  // All of those members' training, so that a course renewed since is not shown as due.
  const theirs = members.length ? await db.records('training').where('memberId').anyOf(members).toArray() : [];
  // One PVG record per member: the table is as small as the team.
  const pvgs = await db.records('pvg').toArray();
  return dueItems(theirs, pvgs, today);
}

export function useVolunteersDue(today: string, enabled: boolean, ahead?: DueItem[]): DueItem[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (enabled ? readVolunteersDue(db, today) : []), [db, today, enabled], ahead);
}

export function useOwnPvg(memberId: string): Pvg | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.records('pvg').get(pvgId(memberId))) ?? null, [db, memberId]);
}
