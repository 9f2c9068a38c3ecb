// What a report counts: the sessions that ran in the date range and match the filters, the attendances at them,
// and the notes written in the range; with the calendar periods (week, month, quarter) they fall into.
import { addDays, addMonths, format } from 'date-fns';
import type { Attendee } from '../attendee.ts';
import type { Booking } from '../booking.ts';
import type { CheckIn } from '../checkIn.ts';
import { CALENDAR, calendarDate, londonDate } from '../london.ts';
import type { Note } from '../note.ts';
import type { Outreach } from '../outreach.ts';
import type { Session } from '../session.ts';
import type { Venue } from '../venue.ts';

export interface ReportFilters {
  /** London calendar dates (YYYY-MM-DD), both included. */
  from: string;
  to: string;
  venueId?: string;
  /** The locality of the venue where sessions were held. */
  locality?: string;
  kind?: string;
  /** A facilitator's name as the session plan lists it. */
  facilitator?: string;
}

export type Period = 'week' | 'month' | 'quarter';

/** A note with the moments its concern was picked up and its follow-up done (from the fields' versions). */
export type ReportNote = Note & { pickedUpAt?: string; followUpDoneAt?: string };

export interface ReportData {
  sessions: readonly Session[];
  venues: readonly Venue[];
  attendees: readonly Attendee[];
  checkIns: readonly CheckIn[];
  outreach: readonly Outreach[];
  notes: readonly ReportNote[];
  /** Crèche places and lifts or taxis planned; absent on a device read before bookings existed. */
  bookings?: readonly Booking[];
}

export interface Attendance {
  checkIn: CheckIn;
  session: Session;
  /** The person, after following any merge of duplicates. */
  personId: string;
  /** London date of the session. */
  date: string;
}

export interface Scope {
  filters: ReportFilters;
  /** Sessions that match the filters, whatever their date. */
  matching: Map<string, Session>;
  /** Of those, the ones that ran in the range: not cancelled, started by `now`. */
  sessions: Session[];
  attendances: Attendance[];
  /** The London date of every session that ran, by id. */
  dates: Map<string, string>;
  /** Each person's first attendance ever on this device (any session), London date. */
  firstDate: Map<string, string>;
  people: Map<string, Attendee>;
  venues: Map<string, Venue>;
  /** Notes written in the range (about sessions that match, when a session filter is set). */
  notes: ReportNote[];
  personOf: (attendeeId: string) => string;
}

const live = <T extends { deleted?: boolean }>(records: readonly T[]) => records.filter((r) => r.deleted !== true);

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

function matchesFilters(session: Session, filters: ReportFilters, venues: Map<string, Venue>): boolean {
  if (filters.venueId && session.venueId !== filters.venueId) return false;
  if (filters.locality && !sameText(venues.get(session.venueId ?? '')?.locality, filters.locality)) return false;
  if (filters.kind && session.kind !== filters.kind) return false;
  if (filters.facilitator && !(session.facilitators ?? []).some((name) => sameText(name, filters.facilitator))) {
    return false;
  }
  return true;
}

export function hasSessionFilter(filters: ReportFilters): boolean {
  return !!(filters.venueId || filters.locality || filters.kind || filters.facilitator);
}

export function buildScope(data: ReportData, filters: ReportFilters, now: Date): Scope {
  const venues = new Map(live(data.venues).map((venue) => [venue.id, venue]));
  const people = new Map(live(data.attendees).map((person) => [person.id, person]));
  // A duplicate merged into another record is the same person: follow the chain (short, but never loop).
  const personOf = (attendeeId: string) => {
    let id = attendeeId;
    for (let hops = 0; hops < 10; hops++) {
      const into = people.get(id)?.mergedInto;
      if (!into || into === id) break;
      id = into;
    }
    return id;
  };
  const nowIso = now.toISOString();
  const ran = new Map<string, Session>();
  const matching = new Map<string, Session>();
  for (const session of live(data.sessions)) {
    if (!session.startsAt || session.status === 'cancelled' || session.startsAt > nowIso) continue;
    ran.set(session.id, session);
    if (matchesFilters(session, filters, venues)) matching.set(session.id, session);
  }
  const inRange = (date: string) => date >= filters.from && date <= filters.to;
  const dateOf = new Map<string, string>();
  const sessions: Session[] = [];
  for (const session of ran.values()) {
    const date = londonDate(session.startsAt ?? '');
    dateOf.set(session.id, date);
    if (matching.has(session.id) && inRange(date)) sessions.push(session);
  }
  const wanted = new Set(sessions.map((session) => session.id));

  const firstDate = new Map<string, string>();
  const attendances: Attendance[] = [];
  for (const checkIn of live(data.checkIns)) {
    if (checkIn.present === false || !checkIn.attendeeId || !checkIn.sessionId) continue;
    const date = dateOf.get(checkIn.sessionId);
    if (date === undefined) continue;
    const personId = personOf(checkIn.attendeeId);
    const first = firstDate.get(personId);
    if (first === undefined || date < first) firstDate.set(personId, date);
    if (wanted.has(checkIn.sessionId)) {
      attendances.push({ checkIn, session: ran.get(checkIn.sessionId) as Session, personId, date });
    }
  }

  const bySession = hasSessionFilter(filters);
  const notes = live(data.notes).filter(
    (note) =>
      !!note.createdAt &&
      inRange(londonDate(note.createdAt)) &&
      (!bySession || (note.sessionId !== undefined && matching.has(note.sessionId))),
  );
  return { filters, matching, sessions, attendances, dates: dateOf, firstDate, people, venues, notes, personOf };
}

/** The key of the period a London date falls in: the Monday of its week, "2026-01", or "2026-Q1". */
export function periodKey(date: string, period: Period): string {
  if (period === 'month') return date.slice(0, 7);
  if (period === 'quarter') return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  const day = calendarDate(date);
  const monday = addDays(day, -((day.getUTCDay() + 6) % 7), { in: CALENDAR });
  return format(monday, 'yyyy-MM-dd', { in: CALENDAR });
}

const QUARTER_MONTHS = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];

/** "w/c 5 Jan 2026", "Jan 2026", "Jan–Mar 2026". */
export function periodLabel(key: string, period: Period): string {
  if (period === 'quarter') return `${QUARTER_MONTHS[Number(key.slice(-1)) - 1]} ${key.slice(0, 4)}`;
  if (period === 'month') return format(calendarDate(`${key}-01`), 'MMM yyyy', { in: CALENDAR });
  return `w/c ${format(calendarDate(key), 'd MMM yyyy', { in: CALENDAR })}`;
}

/** Every period from the one holding `from` to the one holding `to`, in order, so that quiet ones show too. */
export function periodsBetween(from: string, to: string, period: Period): string[] {
  const keys: string[] = [];
  const last = periodKey(to, period);
  let day = calendarDate(from);
  for (let guard = 0; guard < 2000; guard++) {
    const key = periodKey(format(day, 'yyyy-MM-dd', { in: CALENDAR }), period);
    if (keys[keys.length - 1] !== key) keys.push(key);
    if (key >= last) break;
    day = period === 'week' ? addDays(day, 7, { in: CALENDAR }) : addMonths(day, 1, { in: CALENDAR });
  }
  return keys;
}
