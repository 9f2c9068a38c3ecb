// The rules of volunteer hours: given at sessions run, visits made and hours entered, and the report of them for
// funders. Pure: dates are London calendar dates.
import type { Hours } from './hours.ts';
import { londonDate } from './london.ts';
import type { Session } from './session.ts';
import type { Training } from './training.ts';
import type { Visit } from './visit.ts';

/** A visit with no arrival and leaving recorded counts for its booked length, or this when none was booked. */
const DEFAULT_VISIT_MINUTES = 60;
/** A session longer than this is a mistyped end, not a session: counted as nothing rather than as a week. */
const LONGEST_MINUTES = 12 * 60;

export type HoursSource = 'sessions' | 'visits' | 'entered';

export interface HoursEntry {
  source: HoursSource;
  /** The London calendar date the hours were given on. */
  on: string;
  minutes: number;
}

const minutesBetween = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
const sensible = (minutes: number) =>
  Number.isFinite(minutes) && minutes > 0 && minutes <= LONGEST_MINUTES ? minutes : 0;

/**
 * A session counts for each of its facilitators from its start to its end, once it has taken place (not
 * cancelled, and started before `today` ends). A session with no end time counts nothing: its length is unknown.
 */
export function sessionMinutes(session: Session): number {
  if (session.deleted || session.status === 'cancelled' || !session.startsAt || !session.endsAt) return 0;
  return sensible(minutesBetween(session.startsAt, session.endsAt));
}

/**
 * A visit counts for its supporter once made: from arrival to leaving when both were tapped, else its booked
 * length. A cancelled visit, or one still to come, counts nothing.
 */
export function visitMinutes(visit: Visit): number {
  if (visit.deleted || visit.status === 'cancelled') return 0;
  if (visit.arrivedAt && visit.leftAt) {
    const minutes = sensible(minutesBetween(visit.arrivedAt, visit.leftAt));
    if (minutes > 0) return minutes;
  }
  const made = visit.status === 'done' || !!visit.leftAt || !!visit.arrivedAt;
  return made ? (visit.expectedMinutes ?? DEFAULT_VISIT_MINUTES) : 0;
}

export interface HoursInput {
  sessions: readonly Session[];
  visits: readonly Visit[];
  hours: readonly Hours[];
}

/** Every stretch of time one member gave, dated. Sessions after `today` have not been run yet. */
export function hoursEntries(memberId: string, input: HoursInput, today: string): HoursEntry[] {
  const entries: HoursEntry[] = [];
  for (const session of input.sessions) {
    if (!session.facilitatorIds?.includes(memberId) || !session.startsAt) continue;
    const on = londonDate(session.startsAt);
    const minutes = sessionMinutes(session);
    if (on <= today && minutes > 0) entries.push({ source: 'sessions', on, minutes });
  }
  for (const visit of input.visits) {
    if (visit.supporterId !== memberId || !visit.at) continue;
    const minutes = visitMinutes(visit);
    if (minutes > 0) entries.push({ source: 'visits', on: londonDate(visit.arrivedAt ?? visit.at), minutes });
  }
  for (const entry of input.hours) {
    if (entry.memberId !== memberId || entry.deleted || !entry.on || !entry.hours) continue;
    entries.push({ source: 'entered', on: entry.on, minutes: Math.round(entry.hours * 60) });
  }
  return entries;
}

export interface HoursTotals {
  sessions: number;
  visits: number;
  entered: number;
  total: number;
}

/** Hours (not minutes) by source, from entries between `from` and `to` inclusive (either may be open). */
export function totalHours(entries: readonly HoursEntry[], from?: string, to?: string): HoursTotals {
  const minutes = { sessions: 0, visits: 0, entered: 0 };
  for (const entry of entries) {
    if ((from && entry.on < from) || (to && entry.on > to)) continue;
    minutes[entry.source] += entry.minutes;
  }
  const hours = (value: number) => Math.round((value / 60) * 100) / 100;
  return {
    sessions: hours(minutes.sessions),
    visits: hours(minutes.visits),
    entered: hours(minutes.entered),
    total: hours(minutes.sessions + minutes.visits + minutes.entered),
  };
}

/** "2.5 hours", "1 hour", "0 hours". */
export function hoursText(hours: number): string {
  const shown = Number.isInteger(hours) ? String(hours) : hours.toFixed(2).replace(/0$/, '');
  return `${shown} ${hours === 1 ? 'hour' : 'hours'}`;
}

export interface VolunteerReportInput extends HoursInput {
  memberIds: readonly string[];
  trainings: readonly Training[];
}

export interface VolunteerReport {
  totals: HoursTotals;
  /** Hours by London month ("2026-11"), oldest first, months with none left out. */
  byMonth: { month: string; hours: number }[];
  /** How many members gave any hours in the period. */
  volunteers: number;
  /** Courses completed in the period: how many members completed each. */
  training: { name: string; people: number }[];
}

/**
 * Volunteer hours and training for funders, between `from` and `to` (London dates, inclusive). Names no
 * volunteer. The counts are of team members, not of the parents served, so they are not suppressed below five:
 * see README, "Volunteers".
 */
export function volunteerReport(input: VolunteerReportInput, from: string, to: string): VolunteerReport {
  const all: HoursEntry[] = [];
  let volunteers = 0;
  for (const memberId of input.memberIds) {
    const entries = hoursEntries(memberId, input, to).filter((entry) => entry.on >= from && entry.on <= to);
    if (entries.length > 0) volunteers++;
    all.push(...entries);
  }
  const months = new Map<string, number>();
  for (const entry of all) months.set(entry.on.slice(0, 7), (months.get(entry.on.slice(0, 7)) ?? 0) + entry.minutes);
  const courses = new Map<string, { name: string; members: Set<string> }>();
  for (const training of input.trainings) {
    const on = training.completedOn;
    if (training.deleted || !training.name || !training.memberId || !on || on < from || on > to) continue;
    const key = training.name.trim().toLocaleLowerCase('en-GB');
    const course = courses.get(key) ?? { name: training.name.trim(), members: new Set<string>() };
    course.members.add(training.memberId);
    courses.set(key, course);
  }
  return {
    totals: totalHours(all),
    byMonth: [...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, minutes]) => ({ month, hours: Math.round((minutes / 60) * 100) / 100 })),
    volunteers,
    training: [...courses.values()]
      .map(({ name, members }) => ({ name, people: members.size }))
      .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name)),
  };
}
