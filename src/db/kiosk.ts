// The feedback kiosk's state on this device: kept in `meta` so that a reload stays in the kiosk. Leaving it
// takes the app PIN (src/app/feedback/kioskLock.ts), so nothing secret is kept here.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Session } from '../domain/session.ts';
import type { CoorieDb } from './database.ts';
import { useAtLaunch, useDb } from './hooks.ts';
import type { KioskState } from './meta.ts';

// Not in MetaValues: only the kiosk reads and writes this entry, through this file.
const KEY = 'kiosk';

export async function getKiosk(db: CoorieDb): Promise<KioskState | null> {
  const entry = await db.meta.get(KEY);
  return entry ? (entry.value as KioskState) : null;
}

export async function setKiosk(db: CoorieDb, state: KioskState): Promise<void> {
  await db.meta.put({ key: KEY, value: state });
}

export async function clearKiosk(db: CoorieDb): Promise<void> {
  await db.meta.delete(KEY);
}

/** The kiosk while it is on; `null` when it is off, `undefined` while the first read is under way. */
export function useKiosk(): KioskState | null | undefined {
  const db = useDb();
  return useLiveQuery(() => getKiosk(db), [db], useAtLaunch('kiosk'));
}

export interface FeedbackSummary {
  session: Session | null;
  /** The anonymous answers collected at the session so far. */
  count: number;
}

/** The session a kiosk is for, and how many answers it has had, for the facilitator's screen. */
export function useFeedbackSummary(sessionId: string): FeedbackSummary | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const row = await db.records('session').get(sessionId);
    const count = await db
      .records('feedback')
      .where('sessionId')
      .equals(sessionId)
      .filter((feedback) => feedback.deleted !== true)
      .count();
    return { session: row && row.deleted !== true ? row : null, count };
  }, [db, sessionId]);
}
