// The rules of volunteering records: hours given (from sessions run, visits made and hours entered), and what is
// due (training to renew, PVG membership to renew or lapsed). Pure: dates are London calendar dates.
import { addDays } from 'date-fns';
import type { Hours } from './hours.ts';
import { CALENDAR, calendarDate, londonDate } from './london.ts';
import type { Pvg } from './pvg.ts';
import type { Session } from './session.ts';
import type { Training } from './training.ts';
import type { Visit } from './visit.ts';

/** One PVG record per member, so that two coordinators recording it offline make one record. */
export function pvgId(memberId: string): string {
  return `pvg:${memberId}`;
}

/** How far ahead a renewal shows as due. */
export const DUE_WITHIN_DAYS = 30;
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

export type DueState = 'expired' | 'due';

/** The last London date counted as due when today is `today`. */
export function dueHorizon(today: string): string {
  return addDays(calendarDate(today), DUE_WITHIN_DAYS, { in: CALENDAR }).toISOString().slice(0, 10);
}

/** A renewal date's state: past (expired), within the next 30 days (due), or neither. */
export function renewalState(renewBy: string | undefined, today: string): DueState | undefined {
  if (!renewBy) return undefined;
  if (renewBy < today) return 'expired';
  return renewBy <= dueHorizon(today) ? 'due' : undefined;
}

/**
 * A member's PVG state: expired when the organisation recorded the membership lapsed or its renewal date has
 * passed; due when renewal falls within 30 days. "Applied" and "not a member" are not warnings in themselves:
 * whether a role needs membership is the coordinator's call, and the screen shows the status.
 */
export function pvgState(pvg: Pvg | undefined, today: string): DueState | undefined {
  if (!pvg || pvg.deleted) return undefined;
  if (pvg.status === 'lapsed') return 'expired';
  if (pvg.status !== 'member') return undefined;
  return renewalState(pvg.renewBy, today);
}

/** A training's state: only courses with a renewal date fall due. */
export function trainingState(training: Training, today: string): DueState | undefined {
  return training.deleted ? undefined : renewalState(training.renewBy, today);
}

export interface DueItem {
  memberId: string;
  what: 'training' | 'pvg';
  /** The course, for training. */
  name?: string;
  state: DueState;
  renewBy?: string;
}

/**
 * What is due for the team, expired first, then by date: what Today shows a coordinator. `trainings` must hold
 * every training record of the members concerned, so that a course renewed since is not shown as due.
 */
export function dueItems(trainings: readonly Training[], pvgs: readonly Pvg[], today: string): DueItem[] {
  const items: DueItem[] = [];
  const byMember = new Map<string, Training[]>();
  for (const training of trainings) {
    const member = training.memberId ?? '';
    byMember.set(member, [...(byMember.get(member) ?? []), training]);
  }
  for (const training of [...byMember.values()].flatMap(currentTraining)) {
    const state = trainingState(training, today);
    if (state && training.memberId) {
      items.push({
        memberId: training.memberId,
        what: 'training',
        name: training.name ?? 'Training',
        state,
        renewBy: training.renewBy,
      });
    }
  }
  for (const pvg of pvgs) {
    const state = pvgState(pvg, today);
    if (state && pvg.memberId) {
      items.push({ memberId: pvg.memberId, what: 'pvg', state, ...(pvg.renewBy ? { renewBy: pvg.renewBy } : {}) });
    }
  }
  const rank = (item: DueItem) => (item.state === 'expired' ? 0 : 1);
  return items.sort((a, b) => rank(a) - rank(b) || (a.renewBy ?? '').localeCompare(b.renewBy ?? ''));
}

/** Of a member's training, the latest record of each course (a renewal supersedes the one it renews). */
export function currentTraining(trainings: readonly Training[]): Training[] {
  const latest = new Map<string, Training>();
  for (const training of trainings) {
    if (training.deleted || !training.name) continue;
    const key = training.name.trim().toLocaleLowerCase('en-GB');
    const held = latest.get(key);
    if (!held || (training.completedOn ?? '') > (held.completedOn ?? '')) latest.set(key, training);
  }
  return [...latest.values()];
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
