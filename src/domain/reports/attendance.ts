// Attendance and reach: sessions run, attendances, parents and babies reached, first-timers, who came back,
// where people live and how they heard about the group.
import type { Attendee, Baby } from '../attendee.ts';
import { bandDates } from '../babyAge.ts';
import { LOCALITIES } from '../venue.ts';
import { periodKey, periodLabel, periodsBetween, type Attendance, type Period, type Scope } from './scope.ts';
import { columnSums, keepBack, type ReportTable, type Row } from './table.ts';

const NOT_RECORDED = 'Not recorded';

/**
 * Babies reached by the parents who brought one: a parent's babies born by the last session they brought a baby
 * to (a baby with no dates recorded counts as born), and at least one, since a baby came.
 */
/** A baby's dates, or for an age given at a walk-in, the dates it stands for (an estimate, for counting only). */
const datesOf = (baby: Baby): Pick<Baby, 'dateOfBirth' | 'dueDate'> =>
  !baby.dateOfBirth && !baby.dueDate && baby.ageBand && baby.ageBandOn ? bandDates(baby.ageBand, baby.ageBandOn) : baby;

function babiesReached(attendances: readonly Attendance[], people: Map<string, Attendee>): number {
  const lastWithBaby = new Map<string, string>();
  for (const { checkIn, personId, date } of attendances) {
    if (checkIn.withBaby !== true) continue;
    if ((lastWithBaby.get(personId) ?? '') < date) lastWithBaby.set(personId, date);
  }
  let babies = 0;
  for (const [personId, date] of lastWithBaby) {
    const born = (people.get(personId)?.babies ?? [])
      .map(datesOf)
      .filter(
        (baby) => (baby.dateOfBirth ?? '') <= date && !(baby.dueDate && !baby.dateOfBirth && baby.dueDate > date),
      ).length;
    babies += Math.max(1, born);
  }
  return babies;
}

/** How many times each person came within the attendances given. */
export function visitsPerPerson(attendances: readonly Attendance[]): Map<string, number> {
  const visits = new Map<string, number>();
  for (const { personId } of attendances) visits.set(personId, (visits.get(personId) ?? 0) + 1);
  return visits;
}

function firstTimers(attendances: readonly Attendance[], scope: Scope): number {
  const first = new Set<string>();
  for (const { personId, date } of attendances) if (scope.firstDate.get(personId) === date) first.add(personId);
  return first.size;
}

export interface Overview {
  sessionsRun: number;
  attendances: number;
  parents: number;
  babies: number;
  firstTime: number;
  cameTwice: number;
  cameFiveTimes: number;
}

export function overview(scope: Scope): Overview {
  const visits = [...visitsPerPerson(scope.attendances).values()];
  return {
    sessionsRun: scope.sessions.length,
    attendances: scope.attendances.length,
    parents: visits.length,
    babies: babiesReached(scope.attendances, scope.people),
    firstTime: firstTimers(scope.attendances, scope),
    cameTwice: visits.filter((count) => count >= 2).length,
    cameFiveTimes: visits.filter((count) => count >= 5).length,
  };
}

export function attendanceByPeriod(scope: Scope, period: Period): ReportTable {
  const sessions = new Map<string, number>();
  for (const session of scope.sessions) {
    const key = periodKey(scope.dates.get(session.id) ?? '', period);
    sessions.set(key, (sessions.get(key) ?? 0) + 1);
  }
  const groups = new Map<string, Attendance[]>();
  for (const attendance of scope.attendances) {
    const key = periodKey(attendance.date, period);
    const group = groups.get(key);
    if (group) group.push(attendance);
    else groups.set(key, [attendance]);
  }
  const rows: Row[] = periodsBetween(scope.filters.from, scope.filters.to, period).map((key) => {
    const group = groups.get(key) ?? [];
    return {
      period: periodLabel(key, period),
      sessions: sessions.get(key) ?? 0,
      attendances: group.length,
      parents: visitsPerPerson(group).size,
      babies: babiesReached(group, scope.people),
      firstTime: firstTimers(group, scope),
    };
  });
  const table: ReportTable = {
    id: `attendance-by-${period}`,
    title: `Attendance by ${period}`,
    columns: [
      { key: 'period', label: period === 'week' ? 'Week' : period === 'month' ? 'Month' : 'Quarter', kind: 'label' },
      { key: 'sessions', label: 'Sessions run', kind: 'count' },
      { key: 'attendances', label: 'Attendances', kind: 'events' },
      { key: 'parents', label: 'Parents', kind: 'people' },
      { key: 'babies', label: 'Babies', kind: 'people' },
      { key: 'firstTime', label: 'First-time attenders', kind: 'people' },
    ],
    rows,
  };
  // Each attendance falls in one period, and each parent's first time too: they add up to the headline figures.
  return keepBack(table, columnSums(table, ['attendances', 'firstTime']));
}

export function attendanceByVenue(scope: Scope): ReportTable {
  const byVenue = new Map<string, { sessions: number; attendances: Attendance[] }>();
  const entry = (venueId: string) => {
    let found = byVenue.get(venueId);
    if (!found) byVenue.set(venueId, (found = { sessions: 0, attendances: [] }));
    return found;
  };
  for (const session of scope.sessions) entry(session.venueId ?? '').sessions++;
  for (const attendance of scope.attendances) entry(attendance.session.venueId ?? '').attendances.push(attendance);
  const rows = [...byVenue.entries()].map(([venueId, { sessions, attendances }]) => {
    const venue = scope.venues.get(venueId);
    return {
      venue: venue?.name ?? 'No venue recorded',
      locality: venue?.locality || NOT_RECORDED,
      sessions,
      attendances: attendances.length,
      parents: visitsPerPerson(attendances).size,
    };
  });
  rows.sort((a, b) => a.venue.localeCompare(b.venue, 'en-GB'));
  const table: ReportTable = {
    id: 'attendance-by-venue',
    title: 'Attendance by venue',
    columns: [
      { key: 'venue', label: 'Venue', kind: 'label' },
      { key: 'locality', label: 'Locality', kind: 'label' },
      { key: 'sessions', label: 'Sessions run', kind: 'count' },
      { key: 'attendances', label: 'Attendances', kind: 'events' },
      { key: 'parents', label: 'Parents', kind: 'people' },
    ],
    rows,
  };
  // Each attendance was at one venue (a parent may have been to several, so parents add up to more).
  return keepBack(table, columnSums(table, ['attendances']));
}

/** Groups free-text answers case-insensitively under their first spelling, blanks under "Not recorded". */
function groupBy(
  attendances: readonly Attendance[],
  scope: Scope,
  answer: (person: Attendee | undefined) => string | undefined,
  always: readonly string[] = [],
) {
  const labels = new Map<string, string>(always.map((label) => [label.toLowerCase(), label]));
  const groups = new Map<string, Attendance[]>(always.map((label) => [label.toLowerCase(), []]));
  for (const attendance of attendances) {
    const text = answer(scope.people.get(attendance.personId))?.trim() || NOT_RECORDED;
    const key = text.toLowerCase();
    if (!labels.has(key)) labels.set(key, text.charAt(0).toUpperCase() + text.slice(1));
    const group = groups.get(key);
    if (group) group.push(attendance);
    else groups.set(key, [attendance]);
  }
  return [...groups.entries()].map(([key, group]) => ({ label: labels.get(key) ?? key, attendances: group }));
}

const notRecordedLast = (a: { label: string }, b: { label: string }) =>
  Number(a.label === NOT_RECORDED) - Number(b.label === NOT_RECORDED);

/** Where the parents who came live: every locality of Moray listed, so that the ones not reached show as 0. */
export function reachByLocality(scope: Scope): ReportTable {
  const order = (label: string) => {
    const index = LOCALITIES.findIndex((locality) => locality.toLowerCase() === label.toLowerCase());
    return index === -1 ? LOCALITIES.length : index;
  };
  const groups = groupBy(scope.attendances, scope, (person) => person?.locality, LOCALITIES).sort(
    (a, b) => notRecordedLast(a, b) || order(a.label) - order(b.label) || a.label.localeCompare(b.label, 'en-GB'),
  );
  const table: ReportTable = {
    id: 'reach-by-locality',
    title: 'Where parents live',
    columns: [
      { key: 'locality', label: 'Locality', kind: 'label' },
      { key: 'parents', label: 'Parents', kind: 'people' },
      { key: 'attendances', label: 'Attendances', kind: 'events' },
      { key: 'firstTime', label: 'First-time attenders', kind: 'people' },
    ],
    rows: groups.map(({ label, attendances }) => ({
      locality: label,
      parents: visitsPerPerson(attendances).size,
      attendances: attendances.length,
      firstTime: firstTimers(attendances, scope),
    })),
  };
  // Each parent lives in one place: every column adds up to a headline figure.
  return keepBack(table, columnSums(table, ['parents', 'attendances', 'firstTime']));
}

export function heardVia(scope: Scope): ReportTable {
  const groups = groupBy(scope.attendances, scope, (person) => person?.heardVia).sort(
    (a, b) => notRecordedLast(a, b) || a.label.localeCompare(b.label, 'en-GB'),
  );
  const table: ReportTable = {
    id: 'heard-via',
    title: 'How parents heard about the group',
    columns: [
      { key: 'heardVia', label: 'How they heard', kind: 'label' },
      { key: 'parents', label: 'Parents', kind: 'people' },
    ],
    rows: groups.map(({ label, attendances }) => ({ heardVia: label, parents: visitsPerPerson(attendances).size })),
  };
  return keepBack(table, columnSums(table, ['parents']));
}

/**
 * How parents heard about the group, set against the routes the organisation promotes itself through (Settings
 * → Promotion): every promoted route is listed, so that one that brought nobody shows as 0, and routes promoted
 * come first. Suppressed like every count of people.
 */
export function heardViaByRoute(scope: Scope, promoted: readonly string[]): ReportTable {
  const labelOf = (route: string) => route.charAt(0).toUpperCase() + route.slice(1);
  const promotedLabels = promoted.map(labelOf);
  const rank = (label: string) => {
    const index = promotedLabels.findIndex((route) => route.toLowerCase() === label.toLowerCase());
    return index === -1 ? promotedLabels.length : index;
  };
  const groups = groupBy(scope.attendances, scope, (person) => person?.heardVia, promotedLabels).sort(
    (a, b) => notRecordedLast(a, b) || rank(a.label) - rank(b.label) || a.label.localeCompare(b.label, 'en-GB'),
  );
  const table: ReportTable = {
    id: 'heard-via-promoted',
    title: 'How parents heard, against where we promote',
    columns: [
      { key: 'heardVia', label: 'How they heard', kind: 'label' },
      { key: 'promoted', label: 'We promote there', kind: 'label' },
      { key: 'parents', label: 'Parents', kind: 'people' },
    ],
    rows: groups.map(({ label, attendances }) => ({
      heardVia: label,
      promoted: label === NOT_RECORDED ? '–' : rank(label) < promotedLabels.length ? 'Yes' : 'No',
      parents: visitsPerPerson(attendances).size,
    })),
  };
  return keepBack(table, columnSums(table, ['parents']));
}

export function repeatAttendance(scope: Scope): ReportTable {
  const visits = [...visitsPerPerson(scope.attendances).values()];
  const parents = visits.length;
  const atLeast = (times: number) => visits.filter((count) => count >= times).length;
  const row = (label: string, people: number) => ({ label, parents: people, share: { part: people, whole: parents } });
  const table: ReportTable = {
    id: 'repeat-attendance',
    title: 'Coming back',
    columns: [
      { key: 'label', label: 'Parents who', kind: 'label' },
      { key: 'parents', label: 'Parents', kind: 'people' },
      { key: 'share', label: 'Share of parents', kind: 'share' },
    ],
    rows: [
      row('Came once only', visits.filter((count) => count === 1).length),
      row('Came back a second time', atLeast(2)),
      row('Came five times or more', atLeast(5)),
    ],
  };
  // Once only and back a second time add up to the parents reached.
  return keepBack(table, columnSums(table, ['parents'], [0, 1]));
}
