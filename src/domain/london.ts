// Calendar dates and wall-clock times in Europe/London, whatever time zone the device is set to.
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';

export const LONDON = tz('Europe/London');
/** Plain calendar dates (a baby's birthday, a follow-up due date) are computed in UTC so no clock change shifts them. */
export const CALENDAR = tz('UTC');

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The London calendar date (YYYY-MM-DD) of an instant, or the date itself when given one. */
export function londonDate(when: Date | string): string {
  if (typeof when === 'string' && DATE_ONLY.test(when)) return when;
  return format(new Date(when), 'yyyy-MM-dd', { in: LONDON });
}

/** A YYYY-MM-DD date as midnight UTC, for arithmetic in whole calendar days and months. */
export function calendarDate(date: string): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** "10am", "2:30pm": how people in the UK write a time in a text. */
export function shortTime(when: Date | string): string {
  const instant = new Date(when);
  const minutes = format(instant, 'mm', { in: LONDON });
  return format(instant, minutes === '00' ? 'haaa' : 'h:mmaaa', { in: LONDON });
}

/**
 * The instant (UTC ISO string) of a London wall-clock date and time, as typed into a form ("2026-11-24",
 * "14:30"). Stored instants are UTC so that string order is time order. Undefined for an impossible input.
 */
export function londonInstant(date: string, time: string): string | undefined {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return undefined;
  const [year, month, day, hours, minutes] = [...dateMatch.slice(1), ...timeMatch.slice(1)].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59) return undefined;
  const instant = new TZDate(year, month - 1, day, hours, minutes, 'Europe/London');
  // A day that rolls over (30 February) is a typing mistake, not 2 March.
  if (instant.getDate() !== day) return undefined;
  return new Date(instant.getTime()).toISOString();
}

/** The London wall-clock time ("14:30") of an instant, for a form's time input. */
export function londonClock(when: Date | string): string {
  return format(new Date(when), 'HH:mm', { in: LONDON });
}
