// Check-in rules: who is expected at a session, the live count, the first visit, and a walk-in's baby age.
import { addMonths, format } from 'date-fns';
import type { Attendee, Baby } from './attendee.ts';
import { babyAge } from './babyAge.ts';
import type { CheckIn } from './checkIn.ts';
import { normaliseName } from './duplicates.ts';
import { CALENDAR, calendarDate, londonDate } from './london.ts';
import type { Outreach } from './outreach.ts';
import type { Session } from './session.ts';

export interface CheckInList {
  /** Said "coming" when texted or rang, or came to an earlier session of the same course. */
  expected: Attendee[];
  /** Came to an earlier session at this venue. */
  regulars: Attendee[];
  /** Checked in (or once checked in) though neither expected nor a regular: found by name, or a walk-in. */
  alsoHere: Attendee[];
  /** Anyone else the organisation knows, only when a name is being looked for (SEARCH_MIN letters or more). */
  found: Attendee[];
}

/**
 * The room sees the tablet: it shows only the people this session concerns, and finds anyone else only when
 * at least this many letters of their name are typed, so the organisation's whole list is never on show.
 */
export const SEARCH_MIN = 2;

export interface CheckInContext {
  /** People who came to an earlier session of the same course: expected. */
  seriesAttendeeIds: Iterable<string>;
  /** People who came to an earlier session at the same venue. */
  regularIds?: Iterable<string>;
  /** People with a check-in at this session, undone or not. */
  checkedInIds?: Iterable<string>;
  /** What was typed in "Find a name". */
  query?: string;
}

const isLive = (attendee: Attendee) => attendee.deleted !== true && !attendee.mergedInto;
// One collator for every comparison: the same order as localeCompare with these options, at a fraction of the cost.
const NAMES = new Intl.Collator('en-GB', { sensitivity: 'base' });
const byName = (a: Attendee, b: Attendee) =>
  NAMES.compare(a.displayName ?? '', b.displayName ?? '') || a.id.localeCompare(b.id);

/** Whether enough of a name is typed to look through everyone the organisation knows. */
export const isSearching = (query: string) => normaliseName(query).length >= SEARCH_MIN;

/**
 * The people to show at check-in, expected first, then the venue's regulars, then anyone else checked in,
 * each filtered by the name typed; everyone else only once a name is typed. Duplicates merged into another
 * record are left out, so the same parent never appears twice.
 */
export function checkInList(
  attendees: readonly Attendee[],
  outreach: readonly Outreach[],
  { seriesAttendeeIds, regularIds = [], checkedInIds = [], query = '' }: CheckInContext,
): CheckInList {
  const expectedIds = new Set(seriesAttendeeIds);
  // The latest word from each person counts: "not coming" after "coming" means not expected.
  const latest = new Map<string, Outreach>();
  for (const contact of outreach) {
    if (contact.deleted === true || !contact.attendeeId || !contact.outcome) continue;
    const seen = latest.get(contact.attendeeId);
    if (!seen || (contact.at ?? contact.createdAt ?? '') >= (seen.at ?? seen.createdAt ?? '')) {
      latest.set(contact.attendeeId, contact);
    }
  }
  for (const [attendeeId, contact] of latest) {
    if (contact.outcome === 'coming') expectedIds.add(attendeeId);
  }
  const regular = new Set(regularIds);
  const checkedIn = new Set(checkedInIds);
  const live = attendees
    .filter(isLive)
    .filter((attendee) => matchesName(attendee.displayName, query))
    .sort(byName);
  const list: CheckInList = { expected: [], regulars: [], alsoHere: [], found: [] };
  const searching = isSearching(query);
  for (const attendee of live) {
    if (expectedIds.has(attendee.id)) list.expected.push(attendee);
    else if (regular.has(attendee.id)) list.regulars.push(attendee);
    else if (checkedIn.has(attendee.id)) list.alsoHere.push(attendee);
    else if (searching) list.found.push(attendee);
  }
  return list;
}

/** Whether a display name matches what was typed in the search box: case, accents and spaces ignored. */
export function matchesName(displayName: string | undefined, query: string): boolean {
  const wanted = normaliseName(query);
  return wanted === '' || normaliseName(displayName).includes(wanted);
}

export interface HereCount {
  people: number;
  babies: number;
}

/** The live count of a session: the people checked in (not undone) and the babies with them. */
export function hereCount(checkIns: readonly CheckIn[]): HereCount {
  const here = checkIns.filter((checkIn) => checkIn.deleted !== true && checkIn.present === true);
  return { people: here.length, babies: here.filter((checkIn) => checkIn.withBaby === true).length };
}

/** "12 here · 3 babies" */
export function hereCountText({ people, babies }: HereCount): string {
  return `${people} here · ${babies} ${babies === 1 ? 'baby' : 'babies'}`;
}

/** A first visit: the person has no check-in at any session that started before this one. */
export function isFirstVisit(
  session: Pick<Session, 'id' | 'startsAt'>,
  attendeeCheckIns: readonly CheckIn[],
  sessionStarts: ReadonlyMap<string, string | undefined>,
): boolean {
  const start = new Date(session.startsAt ?? 0).getTime();
  return !attendeeCheckIns.some((checkIn) => {
    if (checkIn.deleted === true || checkIn.present !== true || checkIn.sessionId === session.id) return false;
    const other = sessionStarts.get(checkIn.sessionId ?? '');
    return other !== undefined && new Date(other).getTime() < start;
  });
}

/** Whether a baby is recorded as born, so that "baby present" starts ticked when they check in. */
export function hasBabyBorn(attendee: Attendee, today: Date | string): boolean {
  return (attendee.babies ?? []).some((baby) => babyAge(baby, today)?.status === 'born');
}

/** The quick answers to "How old is your baby?" at a walk-in. */
export const AGE_CHOICES = [
  { value: 'expecting', label: 'Expecting' },
  { value: 'under-3-months', label: 'Under 3 months' },
  { value: '3-6-months', label: '3–6 months' },
  { value: '6-12-months', label: '6–12 months' },
  { value: '1-2-years', label: '1–2 years' },
  { value: 'date', label: 'I know the date' },
] as const;
export type AgeChoice = (typeof AGE_CHOICES)[number]['value'];

const isoDate = (date: Date) => format(date, 'yyyy-MM-dd', { in: CALENDAR });

/**
 * A walk-in's baby from a quick answer: the band as the parent gave it, on the day they gave it, so that the
 * age is shown as an estimate ("about 5 months") until someone records the real date on the profile, and no
 * date is ever invented. A typed date is a due date when it is in the future and a date of birth otherwise.
 * Undefined when nothing was said.
 */
export function walkInBaby(choice: AgeChoice | '', typedDate: string, today: Date | string): Baby | undefined {
  if (choice === '') return undefined;
  if (choice !== 'date') return { alias: '', ageBand: choice, ageBandOn: londonDate(today) };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typedDate)) return undefined;
  return typedDate > londonDate(today) ? { alias: '', dueDate: typedDate } : { alias: '', dateOfBirth: typedDate };
}

export interface WalkInInput {
  name: string;
  age: AgeChoice | '';
  date: string;
  consent: 'yes' | 'no' | '';
}

export type WalkInProblems = Partial<Record<keyof WalkInInput, string>>;

const NAME_MAX = 80;

/** What to fix before a walk-in can be saved, in words for the person holding the tablet. */
export function walkInProblems(input: WalkInInput, today: Date | string): WalkInProblems {
  const problems: WalkInProblems = {};
  const name = input.name.trim();
  if (!name) problems.name = 'Enter a first name or an alias';
  else if (name.length > NAME_MAX) problems.name = `Use ${NAME_MAX} characters or fewer`;
  if (input.age === 'date') {
    const date = input.date;
    const todayDate = londonDate(today);
    const day = calendarDate(todayDate);
    // A date must be a real one: 31 February has the right shape but would roll over into March.
    if (!date.trim()) {
      problems.date = 'Enter the date of birth or due date';
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || isoDate(calendarDate(date)) !== date) {
      problems.date = 'Enter the date like 24/11/2026';
    } else if (date > isoDate(addMonths(day, 10, { in: CALENDAR }))) {
      problems.date = 'A due date is at most 10 months away';
    } else if (date < isoDate(addMonths(day, -60, { in: CALENDAR }))) {
      problems.date = 'Check the year: that is more than 5 years ago';
    }
  }
  if (!input.consent) problems.consent = 'Ask the question, then choose yes or no';
  return problems;
}
