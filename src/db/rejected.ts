// Changes the server refused. They are kept for ever (nothing a volunteer typed is ever thrown away) and
// listed in Settings with the reason, so a coordinator can see what did not reach the team.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CoorieDb, RejectedChange } from './database.ts';
import { useDb } from './hooks.ts';

/** Newest first. */
export async function listRejected(db: CoorieDb): Promise<RejectedChange[]> {
  return db.rejected.orderBy('seq').reverse().toArray();
}

/** The refused changes, live; `undefined` while loading. */
export function useRejected(): RejectedChange[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listRejected(db), [db]);
}
