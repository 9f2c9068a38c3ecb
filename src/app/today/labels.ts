// Dates as the Today screen words them: "Tue 24 Nov" for a day, London time.
import { format } from 'date-fns';
import { london } from '../format.ts';

export function weekdayLabel(at: string | Date): string {
  return format(london(at), 'EEE d MMM');
}

/** A YYYY-MM-DD date (a follow-up's due date) as "Tue 24 Nov", without any time zone shifting it. */
export function dateLabel(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return format(new Date(year, month - 1, day), 'EEE d MMM');
}
