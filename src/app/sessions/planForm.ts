// The session plan form: its values as typed, the rules that say what to fix, and the record it saves.
import { addHours } from 'date-fns';
import { calendarDate, londonClock, londonDate, londonInstant } from '../../domain/london.ts';
import { MAX_SERIES_WEEKS } from '../../domain/schedule.ts';
import { THEMES, type SESSION_KINDS, type Session } from '../../domain/session.ts';
import type { Values } from '../../sync/merge.ts';

export type SessionKind = (typeof SESSION_KINDS)[number];
export type ThemeChoice = '' | (typeof THEMES)[number] | 'own';

export const NEW_VENUE = 'new';

export interface PlanForm {
  title: string;
  /** London wall-clock date and times, as the date and time inputs give them. */
  date: string;
  start: string;
  end: string;
  /** A venue id, '' for none, or NEW_VENUE while one is being added. */
  venueId: string;
  newVenueName: string;
  newVenueLocality: string;
  kind: SessionKind;
  theme: ThemeChoice;
  ownTheme: string;
  outline: string[];
  facilitators: string[];
  childcare: string;
  materials: { item: string; done: boolean }[];
  /** Crèche places offered, as typed ('' for none). Old drafts lack the three fields below. */
  crechePlaces?: string;
  busTimes?: string;
  cakeSession?: boolean;
  /** For a new course: how many weekly sessions to make. */
  weeks: string;
}

export type PlanField =
  | 'title'
  | 'date'
  | 'start'
  | 'end'
  | 'newVenueName'
  | 'ownTheme'
  | 'childcare'
  | 'crechePlaces'
  | 'busTimes'
  | 'weeks';
export type PlanErrors = Partial<Record<PlanField, string>> & { outline?: (string | undefined)[] };

const DEFAULT_OUTLINE = [
  'Welcome',
  'Check-in round',
  'Activity',
  'Food and drinks',
  'Baby-basket time',
  'Close',
] as const;
export const DEFAULT_MATERIALS = ['Food', 'Hot drinks', 'Baby baskets', 'Stories'] as const;

export const KIND_LABELS: Record<SessionKind, string> = {
  'drop-in': 'Drop-in',
  course: 'Course session',
  '1-2-1': '1-2-1',
};

export const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
  identity: 'Identity',
  'changing sense of self': 'Changing sense of self',
  'attachment and bonding': 'Attachment and bonding',
};

const MAX_CRECHE_PLACES = 100;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The earliest and latest London hours a default session may start and end: a group meets in the day. */
const DEFAULT_EARLIEST_START = 7;
const DEFAULT_LATEST_END = 22;
const DEFAULT_MORNING = '10:00';
const DEFAULT_HOURS = 2;

/**
 * The default date and times of a new session: from the next whole hour, two hours long. A session never runs
 * past midnight, so the defaults stay inside one day: when they would end after 22:00 (or start in the small
 * hours) they move to 10:00–12:00 on the next morning, so that a form opened at 23:30 is valid as it stands.
 */
export function defaultTimes(now: Date): Pick<PlanForm, 'date' | 'start' | 'end'> {
  const start = new Date(now);
  start.setUTCMinutes(0, 0, 0);
  const startsAt = addHours(start, 1);
  const date = londonDate(startsAt);
  const startHour = Number(londonClock(startsAt).slice(0, 2));
  const endsAt = addHours(startsAt, DEFAULT_HOURS);
  const endClock = londonClock(endsAt);
  const sameDay = londonDate(endsAt) === date;
  if (startHour >= DEFAULT_EARLIEST_START && sameDay && endClock <= `${DEFAULT_LATEST_END}:00`) {
    return { date, start: londonClock(startsAt), end: endClock };
  }
  // Late in the evening, the next morning; in the small hours, this morning.
  const morning = startHour < DEFAULT_EARLIEST_START ? date : nextDay(date);
  return { date: morning, start: DEFAULT_MORNING, end: `${10 + DEFAULT_HOURS}:00` };
}

function nextDay(date: string): string {
  const day = calendarDate(date);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** A fresh plan: the next hour today, two hours long (see defaultTimes), with the usual outline and things to bring. */
export function emptyPlan(now: Date): PlanForm {
  return {
    title: '',
    ...defaultTimes(now),
    venueId: '',
    newVenueName: '',
    newVenueLocality: '',
    kind: 'drop-in',
    theme: '',
    ownTheme: '',
    outline: [...DEFAULT_OUTLINE],
    facilitators: [],
    childcare: '',
    materials: DEFAULT_MATERIALS.map((item) => ({ item, done: false })),
    crechePlaces: '',
    busTimes: '',
    cakeSession: false,
    weeks: '6',
  };
}

const isTheme = (theme: string): theme is (typeof THEMES)[number] => (THEMES as readonly string[]).includes(theme);

export function planFromSession(session: Session): PlanForm {
  const theme = session.theme?.trim() ?? '';
  return {
    title: session.title ?? '',
    date: session.startsAt ? londonDate(session.startsAt) : '',
    start: session.startsAt ? londonClock(session.startsAt) : '',
    end: session.endsAt ? londonClock(session.endsAt) : '',
    venueId: session.venueId ?? '',
    newVenueName: '',
    newVenueLocality: '',
    kind: session.kind ?? 'drop-in',
    theme: !theme ? '' : isTheme(theme) ? theme : 'own',
    ownTheme: theme && !isTheme(theme) ? theme : '',
    outline: [...(session.outline ?? [])],
    facilitators: [...(session.facilitators ?? [])],
    childcare: session.childcare ?? '',
    materials: (session.materials ?? []).map((entry) => ({ ...entry })),
    crechePlaces: session.crechePlaces === undefined ? '' : String(session.crechePlaces),
    busTimes: session.busTimes ?? '',
    cakeSession: session.cakeSession === true,
    weeks: '1',
  };
}

function tooLong(value: string, max: number, what: string): string | undefined {
  return value.trim().length > max ? `Shorten ${what} to ${max} characters or fewer.` : undefined;
}

/** What to fix, in words. `isNewCourse` adds the number of weeks. */
export function validatePlan(form: PlanForm, isNewCourse: boolean): PlanErrors {
  const errors: PlanErrors = {};
  if (!form.title.trim()) errors.title = 'Give the session a title, for example "Tuesday drop-in".';
  else errors.title = tooLong(form.title, 120, 'the title');
  if (!form.date) errors.date = 'Choose the date of the session.';
  else if (!londonInstant(form.date, '12:00')) errors.date = 'Enter a real date, like 24/11/2026.';
  if (!form.start) errors.start = 'Enter the time it starts.';
  else if (!TIME.test(form.start)) errors.start = 'Enter a time like 10:00.';
  if (!form.end) errors.end = 'Enter the time it ends.';
  else if (!TIME.test(form.end)) errors.end = 'Enter a time like 12:00.';
  else if (TIME.test(form.start) && form.end <= form.start)
    errors.end = 'The end time must be after the start time, on the same day: a session can’t run past midnight.';
  if (form.venueId === NEW_VENUE) {
    if (!form.newVenueName.trim()) errors.newVenueName = 'Enter the name of the new venue, or choose one above.';
    else errors.newVenueName = tooLong(form.newVenueName, 120, 'the venue name');
  }
  if (form.theme === 'own') {
    if (!form.ownTheme.trim()) errors.ownTheme = 'Write your own theme, or choose one of the others.';
    else errors.ownTheme = tooLong(form.ownTheme, 120, 'the theme');
  }
  const outline = form.outline.map((step, index) =>
    !step.trim() ? `Step ${index + 1} is empty: write it or remove it.` : tooLong(step, 200, `step ${index + 1}`),
  );
  if (outline.some(Boolean)) errors.outline = outline;
  errors.childcare = tooLong(form.childcare, 2000, 'the childcare arrangements');
  const places = (form.crechePlaces ?? '').trim();
  if (places && !/^\d{1,3}$/.test(places)) errors.crechePlaces = 'Enter the crèche places as a whole number, like 6.';
  else if (places && Number(places) > MAX_CRECHE_PLACES) {
    errors.crechePlaces = `Enter ${MAX_CRECHE_PLACES} places or fewer.`;
  }
  errors.busTimes = tooLong(form.busTimes ?? '', 1000, 'the bus times');
  if (isNewCourse) {
    const weeks = Number(form.weeks);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_SERIES_WEEKS) {
      errors.weeks = `Enter a number of weeks from 1 to ${MAX_SERIES_WEEKS}.`;
    }
  }
  for (const key of Object.keys(errors) as (keyof PlanErrors)[]) if (errors[key] === undefined) delete errors[key];
  return errors;
}

export const hasErrors = (errors: PlanErrors) => Object.keys(errors).length > 0;

/** The session fields the form sets (the venue id is filled in once a new venue is saved). */
export function planValues(form: PlanForm, venueId: string | undefined): Values {
  const theme = form.theme === 'own' ? form.ownTheme.trim() : form.theme;
  const values: Values = {
    title: form.title.trim(),
    startsAt: londonInstant(form.date, form.start),
    endsAt: londonInstant(form.date, form.end),
    kind: form.kind,
    theme,
    outline: form.outline.map((step) => step.trim()),
    facilitators: form.facilitators.map((name) => name.trim()).filter(Boolean),
    childcare: form.childcare.trim(),
    busTimes: (form.busTimes ?? '').trim(),
    cakeSession: form.cakeSession === true,
    materials: form.materials
      .map(({ item, done }) => ({ item: item.trim(), done }))
      .filter(({ item }) => item.length > 0),
  };
  const places = (form.crechePlaces ?? '').trim();
  // Left out when blank, so that a plan saved without it keeps "not said" rather than "no places".
  if (places) values.crechePlaces = Number(places);
  if (venueId) values.venueId = venueId;
  return values;
}
