// Check-in at a session: the live data of the check-in screen, and the writes behind its taps.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attendee } from '../domain/attendee.ts';
import { checkInId, type CheckIn } from '../domain/checkIn.ts';
import { hasBabyBorn, isFirstVisit } from '../domain/checkInList.ts';
import type { Outreach } from '../domain/outreach.ts';
import type { Session } from '../domain/session.ts';
import type { CoorieDb, KindRow } from './database.ts';
import { useDb } from './hooks.ts';
import { openRows } from './keyring.ts';
import { saveRecord, sealForWrite } from './records.ts';

/** What check-in needs to know about its session, read once and again only when the session, its outreach or
 * an earlier session's check-ins change: not on a tap here. */
export interface CheckInContext {
  session: Session | null;
  outreach: Outreach[];
  /** People who came to an earlier session of the same course. */
  seriesAttendeeIds: Set<string>;
  /**
   * People who came to one of the venue's last few sessions before this one (`REGULAR_SESSIONS`): the regulars
   * the room expects to see. Someone who came once, years ago, is found by name instead.
   */
  venueRegularIds: Set<string>;
}

/** A venue's regulars are those who came to one of its last six sessions: six weeks of a weekly group. */
export const REGULAR_SESSIONS = 6;

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((row) => row.deleted !== true);

async function readCheckInContext(db: CoorieDb, sessionId: string): Promise<CheckInContext> {
  const sessionRow = await db.records('session').get(sessionId);
  const session = sessionRow && sessionRow.deleted !== true ? sessionRow : null;
  const outreach = await db.records('outreach').where('sessionId').equals(sessionId).toArray();
  const seriesAttendeeIds = new Set<string>();
  const venueRegularIds = new Set<string>();
  if (session?.startsAt) {
    const start = session.startsAt;
    const before = (others: Session[]) =>
      live(others).filter(
        (other) => other.id !== sessionId && typeof other.startsAt === 'string' && other.startsAt < start,
      );
    const [series, venue] = await Promise.all([
      session.seriesId ? db.records('session').where('seriesId').equals(session.seriesId).toArray() : [],
      session.venueId ? db.records('session').where('venueId').equals(session.venueId).toArray() : [],
    ]);
    const latest = before(venue)
      .sort((a, b) => ((a.startsAt ?? '') < (b.startsAt ?? '') ? 1 : -1))
      .slice(0, REGULAR_SESSIONS);
    await cameTo(db, before(series), seriesAttendeeIds);
    await cameTo(db, latest, venueRegularIds);
  }
  return { session, outreach: live(outreach), seriesAttendeeIds, venueRegularIds };
}

/**
 * Adds to `ids` everyone checked in at any of these sessions. One indexed read a session, all at once: each is a
 * single getAll of a key range, where one anyOf over hundreds of sessions walks a cursor row by row.
 */
async function cameTo(db: CoorieDb, sessions: Session[], ids: Set<string>): Promise<void> {
  if (sessions.length === 0) return;
  const table = db.records('checkIn');
  const came = await db.transaction('r', table, () =>
    Promise.all(sessions.map((other) => table.where('sessionId').equals(other.id).toArray())),
  );
  for (const checkIn of live(came.flat())) {
    if (checkIn.present === true && checkIn.attendeeId) ids.add(checkIn.attendeeId);
  }
}

/** The session, its outreach and who is expected; `undefined` while loading. */
export function useCheckInContext(sessionId: string): CheckInContext | undefined {
  const db = useDb();
  const result = useLiveQuery(
    async () => ({ sessionId, context: await readCheckInContext(db, sessionId) }),
    [db, sessionId],
  );
  return result?.sessionId === sessionId ? result.context : undefined;
}

/** This session's check-ins by attendee id, undone ones included (present: false): all a tap changes. */
export function useSessionCheckIns(sessionId: string): Map<string, CheckIn> | undefined {
  const db = useDb();
  const result = useLiveQuery(async () => {
    const rows = live(await db.records('checkIn').where('sessionId').equals(sessionId).toArray());
    return { sessionId, checkIns: new Map(rows.map((checkIn) => [checkIn.attendeeId ?? '', checkIn])) };
  }, [db, sessionId]);
  return result?.sessionId === sessionId ? result.checkIns : undefined;
}

/**
 * The people with these ids, read by key (not the whole table); deleted ones left out. Keeps the previous
 * answer while a changed set of ids is read, so a tap that adds one person does not blank the screen.
 */
export function useAttendeesById(ids: readonly string[]): Attendee[] | undefined {
  const db = useDb();
  const key = [...ids].sort().join('\u0000');
  return useLiveQuery(async () => {
    const wanted = key ? key.split('\u0000') : [];
    const rows = await db.records('attendee').bulkGet(wanted);
    return openRows(
      'attendee',
      rows.filter((row): row is Attendee & KindRow<'attendee'> => row !== undefined && row.deleted !== true),
    );
  }, [db, key]);
}

async function firstVisit(db: CoorieDb, session: Session, attendeeId: string): Promise<boolean> {
  const theirs = live(await db.records('checkIn').where('attendeeId').equals(attendeeId).toArray());
  const sessionIds = [...new Set(theirs.map((checkIn) => checkIn.sessionId ?? ''))];
  const sessions = await db.records('session').bulkGet(sessionIds);
  const starts = new Map<string, string | undefined>();
  for (const row of sessions) {
    if (row && row.deleted !== true) starts.set(row.id, typeof row.startsAt === 'string' ? row.startsAt : undefined);
  }
  return isFirstVisit(session, theirs, starts);
}

/**
 * Checks a person in. The id is deterministic, so a second tablet checking in the same person makes the
 * same record; a check-in made before (and undone) only gets `present` back, keeping its toggles.
 */
export async function checkIn(
  db: CoorieDb,
  session: Session,
  attendee: Attendee,
  options: { userId: string; now?: Date },
): Promise<void> {
  const id = checkInId(session.id, attendee.id);
  const existing = await db.records('checkIn').get(id);
  if (existing && existing.deleted !== true) {
    await saveRecord(db, 'checkIn', id, { present: true }, options);
    return;
  }
  await saveRecord(
    db,
    'checkIn',
    id,
    {
      sessionId: session.id,
      attendeeId: attendee.id,
      present: true,
      firstVisit: await firstVisit(db, session, attendee.id),
      withBaby: hasBabyBorn(attendee, options.now ?? new Date()),
    },
    options,
  );
}

/** Undoing is `present: false`, never a delete, so that it merges sanely with a tap on another tablet. */
export async function undoCheckIn(db: CoorieDb, sessionId: string, attendeeId: string, userId: string): Promise<void> {
  await saveRecord(db, 'checkIn', checkInId(sessionId, attendeeId), { present: false }, { userId });
}

export type CheckInToggle = 'withBaby' | 'childcareUsed' | 'transportHelp';

export async function setCheckInToggle(
  db: CoorieDb,
  sessionId: string,
  attendeeId: string,
  toggle: CheckInToggle,
  value: boolean,
  userId: string,
): Promise<void> {
  await saveRecord(db, 'checkIn', checkInId(sessionId, attendeeId), { [toggle]: value }, { userId });
}

/**
 * A walk-in: the new person and their check-in in one transaction, so the tablet never holds a person
 * who was added but not checked in.
 */
export async function addWalkIn(
  db: CoorieDb,
  session: Session,
  attendee: Attendee,
  options: { userId: string; now?: Date },
): Promise<void> {
  const { id, ...values } = attendee;
  // Sealed before the transaction: Web Crypto inside it could let IndexedDB commit it half-way.
  const sealed = await sealForWrite(db, 'attendee', id, values);
  await db.transaction('rw', [db.records('attendee'), db.records('checkIn'), db.outbox, db.meta], async () => {
    await saveRecord(db, 'attendee', id, values, { ...options, sealed });
    await saveRecord(
      db,
      'checkIn',
      checkInId(session.id, id),
      {
        sessionId: session.id,
        attendeeId: id,
        present: true,
        firstVisit: true,
        withBaby: hasBabyBorn(attendee, options.now ?? new Date()),
      },
      options,
    );
  });
}

/** The one-tap answer to "if you were a cake…" at check-in: only the person's `cake` changes (sealed at rest). */
export async function setCake(db: CoorieDb, attendeeId: string, cake: string, userId: string): Promise<void> {
  await saveRecord(db, 'attendee', attendeeId, { cake: cake.trim() }, { userId });
}
