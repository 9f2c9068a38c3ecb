// What the Today screen reads: this week's sessions, notes with follow-ups or concerns, visits, and the
// display names of the people they are about. One live query, so the screen changes as soon as sync does.
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from 'date-fns';
import type { Attendee } from '../domain/attendee.ts';
import type { Note } from '../domain/note.ts';
import type { Session } from '../domain/session.ts';
import type { Visit } from '../domain/visit.ts';
import type { CoorieDb } from './database.ts';
import { useDb } from './hooks.ts';
import { openRows } from './keyring.ts';
import { saveRecord } from './records.ts';

export interface TodayData {
  sessions: Session[];
  /** Notes with a follow-up due up to `upTo`, and notes with a concern for a coordinator. */
  notes: Note[];
  /** Visits today and visits started but not ended, whenever they began. */
  visits: Visit[];
  attendees: Map<string, Attendee>;
}

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((row) => row.deleted !== true);

async function readToday(db: CoorieDb, now: Date, upTo: string): Promise<TodayData> {
  // A day either side of the week covers any time zone the device might be set to; the domain rules
  // then pick the London dates exactly.
  const from = addDays(now, -8).toISOString();
  const to = addDays(now, 8).toISOString();
  const [sessions, followUps, concerns, visitsNear, visitsOpen] = await Promise.all([
    db.records('session').where('startsAt').between(from, to, true, true).toArray(),
    db.records('note').where('followUpDue').belowOrEqual(upTo).toArray(),
    // Every note: `concern` is sealed, so it cannot be indexed; it is opened below and filtered then.
    db.records('note').toArray(),
    db.records('visit').where('at').between(from, to, true, true).toArray(),
    db
      .records('visit')
      .filter((visit) => typeof visit.arrivedAt === 'string' && !visit.leftAt)
      .toArray(),
  ]);
  const due = new Set(followUps.map((note) => note.id));
  const visitRows = new Map<string, Visit & { _v: Record<string, string> }>();
  for (const visit of live([...visitsNear, ...visitsOpen])) visitRows.set(visit.id, visit);
  const attendeeIds = new Set<string>();
  for (const row of [...live(concerns), ...visitRows.values()]) {
    if (typeof row.attendeeId === 'string') attendeeIds.add(row.attendeeId);
  }
  const attendeeRows = await db.records('attendee').bulkGet([...attendeeIds]);
  // Every Dexie read is done: now open the sealed fields (Web Crypto) and pick the notes by their concern.
  const notes = new Map<string, Note>();
  for (const note of await openRows('note', live(concerns))) {
    if (due.has(note.id) || note.concern === 'urgent' || note.concern === 'talk to coordinator')
      notes.set(note.id, note);
  }
  const visits = new Map<string, Visit>();
  for (const visit of await openRows('visit', [...visitRows.values()])) visits.set(visit.id, visit);
  attendeeIds.clear();
  for (const row of [...notes.values(), ...visits.values()]) {
    if (typeof row.attendeeId === 'string') attendeeIds.add(row.attendeeId);
  }
  const attendees = new Map<string, Attendee>();
  const wanted = attendeeRows.filter(
    (row): row is NonNullable<typeof row> => row !== undefined && row.deleted !== true && attendeeIds.has(row.id),
  );
  for (const row of await openRows('attendee', wanted)) attendees.set(row.id, row);
  return {
    sessions: live(sessions),
    notes: [...notes.values()],
    visits: [...visits.values()],
    attendees,
  };
}

/**
 * Today's data around `now`. `today` is the London date (YYYY-MM-DD) that follow-ups are due by; the query
 * re-runs when it changes, so the screen rolls over at midnight.
 */
export function useTodayData(now: Date, today: string): TodayData | undefined {
  const db = useDb();
  // Re-read when the day changes, not every minute: the screen's rules work from `now` on what is read.
  return useLiveQuery(() => readToday(db, now, today), [db, today]);
}

/** A coordinator takes on a concern: it leaves everyone's "nobody has picked this up" list. */
export async function pickUpConcern(db: CoorieDb, noteId: string, user: { id: string; name: string }): Promise<void> {
  await saveRecord(db, 'note', noteId, { concernPickedUpBy: user.name }, { userId: user.id });
}

export async function markFollowUpDone(db: CoorieDb, noteId: string, userId: string): Promise<void> {
  await saveRecord(db, 'note', noteId, { followUpDone: true }, { userId });
}
