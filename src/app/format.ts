// Dates and times as people in Scotland read them: Europe/London, 24-hour clock.
import { TZDate } from '@date-fns/tz';
import { format, isSameDay } from 'date-fns';

export const TIME_ZONE = 'Europe/London';

export function london(at: number | string | Date): TZDate {
  return new TZDate(new Date(at).getTime(), TIME_ZONE);
}

export function formatTime(at: number | string | Date): string {
  return format(london(at), 'HH:mm');
}

/** "Tue 3 Mar, 10:30", with the year only when it is not this year. */
export function formatDateTime(at: number | string | Date, now: number = Date.now()): string {
  const when = london(at);
  const sameYear = when.getFullYear() === london(now).getFullYear();
  return format(when, sameYear ? 'EEE d MMM, HH:mm' : 'EEE d MMM yyyy, HH:mm');
}

export function formatLongDate(at: number | string | Date): string {
  return format(london(at), 'EEEE d MMMM');
}

export function isSameLondonDay(a: number | string | Date, b: number | string | Date): boolean {
  return isSameDay(london(a), london(b));
}
