// The rules of the "Schedule a visit" form, with the words that say what to fix, and its values as a record.
import type { Errors } from '../account/validation.ts';
import { londonClock, londonDate, londonInstant } from '../../domain/london.ts';
import type { Visit } from '../../domain/visit.ts';
import { DEFAULT_VISIT_MINUTES, MAX_VISIT_MINUTES, MIN_VISIT_MINUTES } from '../../domain/visitTiming.ts';

export type VisitField = 'attendeeId' | 'kind' | 'date' | 'time' | 'where' | 'expectedMinutes' | 'buddyId';
export type VisitFormValues = Record<VisitField, string>;

export const VISIT_KIND_LABELS = {
  'home visit': 'Home visit',
  phone: '1-2-1 over the phone',
  venue: '1-2-1 in a venue',
} as const;

const MAX_WHERE = 500;

export function blankVisit(today: string, attendeeId = ''): VisitFormValues {
  return {
    attendeeId,
    kind: 'home visit',
    date: today,
    time: '',
    where: '',
    expectedMinutes: String(DEFAULT_VISIT_MINUTES),
    buddyId: '',
  };
}

export function visitToForm(visit: Visit): VisitFormValues {
  return {
    attendeeId: visit.attendeeId ?? '',
    kind: visit.kind ?? 'home visit',
    date: visit.at ? londonDate(visit.at) : '',
    time: visit.at ? londonClock(visit.at) : '',
    where: visit.where ?? '',
    expectedMinutes: String(visit.expectedMinutes ?? DEFAULT_VISIT_MINUTES),
    buddyId: visit.buddyId ?? '',
  };
}

export function validateVisit(values: VisitFormValues): Errors<VisitField> {
  const errors: Errors<VisitField> = {};
  if (!values.attendeeId) errors.attendeeId = 'Choose who the visit is with.';
  if (!Object.hasOwn(VISIT_KIND_LABELS, values.kind)) errors.kind = 'Choose the kind of visit.';
  if (!values.date) errors.date = 'Enter the date of the visit.';
  else if (!londonInstant(values.date, '12:00')) errors.date = 'Enter a real date, like 24/11/2026.';
  if (!values.time) errors.time = 'Enter the time the visit starts, like 14:30.';
  // Only a time of day: 24:00 or 09:75 would leave the visit with no time at all, and so no overdue alert.
  else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time))
    errors.time = 'Enter a time from 00:00 to 23:59, like 14:30.';
  const where = values.where.trim();
  if (values.kind === 'home visit' && !where) {
    errors.where = "Say where you'll be, so that someone can find you if you don't check out.";
  } else if (where.length > MAX_WHERE) {
    errors.where = `Shorten this to ${MAX_WHERE} characters or fewer (it has ${where.length}).`;
  }
  const minutes = values.expectedMinutes.trim();
  if (!minutes) errors.expectedMinutes = 'Enter how long you expect to stay, in minutes.';
  else if (!/^\d+$/.test(minutes) || Number(minutes) < MIN_VISIT_MINUTES || Number(minutes) > MAX_VISIT_MINUTES) {
    errors.expectedMinutes = `Enter a whole number of minutes from ${MIN_VISIT_MINUTES} to ${MAX_VISIT_MINUTES}.`;
  }
  return errors;
}

/**
 * The record's values from a valid form. Call only when validateVisit found nothing to fix. With no buddy
 * chosen, `defaultBuddy` (a coordinator) is the buddy.
 */
export function formToVisit(values: VisitFormValues, defaultBuddy?: string): Record<string, unknown> {
  const buddyId = values.buddyId || defaultBuddy;
  return {
    ...(buddyId ? { buddyId } : {}),
    attendeeId: values.attendeeId,
    kind: values.kind,
    at: londonInstant(values.date, values.time),
    where: values.where.trim(),
    expectedMinutes: Number(values.expectedMinutes.trim()),
  };
}
