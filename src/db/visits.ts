// The lone-worker check-in of a visit: arrival, leaving safely, staying longer. Each is one synced write. And
// what the Visits list reads.
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Visit } from '../domain/visit.ts';
import { MAX_VISIT_MINUTES } from '../domain/visitTiming.ts';
import type { CoorieDb, KindRow } from './database.ts';
import { useDb } from './hooks.ts';
import { correctedNow, getRecord, saveRecord } from './records.ts';

type Options = { userId?: string };

async function nowIso(db: CoorieDb): Promise<string> {
  return new Date(await correctedNow(db)).toISOString();
}

export async function markArrived(db: CoorieDb, id: string, options: Options = {}): Promise<void> {
  await saveRecord(db, 'visit', id, { arrivedAt: await nowIso(db), status: 'in progress' }, options);
}

/** "I've arrived" tapped by mistake: the visit is scheduled again and no lone-worker alert can come of it. */
export async function undoArrived(db: CoorieDb, id: string, options: Options = {}): Promise<void> {
  await saveRecord(db, 'visit', id, { arrivedAt: null, status: 'scheduled' }, options);
}

export async function markLeftSafely(db: CoorieDb, id: string, options: Options = {}): Promise<void> {
  await saveRecord(db, 'visit', id, { leftAt: await nowIso(db), status: 'done' }, options);
}

/** Staying longer than planned: pushes the expected finish back, so the alert waits too. */
export async function extendVisit(db: CoorieDb, id: string, minutes: number, options: Options = {}): Promise<void> {
  const visit = await getRecord(db, 'visit', id);
  if (!visit) return;
  const current = typeof visit.expectedMinutes === 'number' ? visit.expectedMinutes : 60;
  await saveRecord(db, 'visit', id, { expectedMinutes: Math.min(MAX_VISIT_MINUTES, current + minutes) }, options);
}

export async function cancelVisit(db: CoorieDb, id: string, options: Options = {}): Promise<void> {
  await saveRecord(db, 'visit', id, { status: 'cancelled' }, options);
}

/**
 * Whether the visit has changes on this device that the server has not had: then nobody else can see the
 * arrival yet, nor alert anyone about it.
 */
export function useVisitUnsent(id: string): boolean | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.outbox.where('[kind+id]').equals(['visit', id]).count()) > 0, [db, id]);
}

const finished = (visit: Visit) => !!visit.leftAt || visit.status === 'done' || visit.status === 'cancelled';

/**
 * What the Visits list can show, through indexes rather than every visit of every year: each visit not yet done
 * or cancelled, and the `recentDone` latest done or cancelled ones (the user's own, or everyone's for a
 * coordinator). `undefined` while loading.
 */
export function useVisitList(
  user: { id: string; role: string } | undefined,
  recentDone: number,
): KindRow<'visit'>[] | undefined {
  const db = useDb();
  const userId = user?.id;
  const everyone = user?.role === 'coordinator';
  return useLiveQuery(async () => {
    if (userId === undefined) return undefined;
    const table = db.records('visit');
    const done = (
      everyone
        ? table.orderBy('at')
        : table.where('[supporterId+at]').between([userId, Dexie.minKey], [userId, Dexie.maxKey])
    )
      .reverse()
      .filter((visit) => visit.deleted !== true && finished(visit))
      .limit(recentDone);
    const [unfinished, latestDone] = await Promise.all([
      table.where('_i.unfinished').aboveOrEqual('').toArray(),
      done.toArray(),
    ]);
    return [...unfinished.filter((visit) => visit.deleted !== true), ...latestDone];
  }, [db, userId, everyone, recentDone]);
}
