// Dates and times as people in Scotland read them: Europe/London, 24-hour clock, and the year whenever it is
// not this one ("Mon 23 Nov 2025"), whatever the device's language. Every screen words its dates through here.
import { TZDate } from '@date-fns/tz';
import { format, isSameDay } from 'date-fns';
import { CALENDAR, calendarDate } from '../domain/london.ts';

const TIME_ZONE = 'Europe/London';

export function london(at: number | string | Date): TZDate {
  return new TZDate(new Date(at).getTime(), TIME_ZONE);
}

export function formatTime(at: number | string | Date): string {
  return format(london(at), 'HH:mm');
}

const thisYear = (year: number, now: number | Date) => year === london(now).getFullYear();

/** "Tue 3 Mar, 10:30", with the year only when it is not this year. */
export function formatDateTime(at: number | string | Date, now: number | Date = Date.now()): string {
  const when = london(at);
  return format(when, thisYear(when.getFullYear(), now) ? 'EEE d MMM, HH:mm' : 'EEE d MMM yyyy, HH:mm');
}

/** "Tuesday 3 March", with the year only when it is not this year. */
export function formatLongDate(at: number | string | Date, now: number | Date = Date.now()): string {
  const when = london(at);
  return format(when, thisYear(when.getFullYear(), now) ? 'EEEE d MMMM' : 'EEEE d MMMM yyyy');
}

/** "Tue 3 Mar" for an instant's London day, with the year only when it is not this year. */
export function formatWeekday(at: number | string | Date, now: number | Date = Date.now()): string {
  const when = london(at);
  return format(when, thisYear(when.getFullYear(), now) ? 'EEE d MMM' : 'EEE d MMM yyyy');
}

/**
 * "Tue 24 Nov" for a YYYY-MM-DD calendar date (a due date, a birthday), with the year when not this year's, or
 * always with `now` null (a "last checked" date, read as how long ago it was).
 */
export function formatDay(date: string, now: number | Date | null = Date.now()): string {
  const sameYear = now !== null && thisYear(Number(date.slice(0, 4)), now);
  return format(calendarDate(date), sameYear ? 'EEE d MMM' : 'EEE d MMM yyyy', { in: CALENDAR });
}

export function isSameLondonDay(a: number | string | Date, b: number | string | Date): boolean {
  return isSameDay(london(a), london(b));
}
