// Dates as the Today screen words them: "Tue 24 Nov" for a day, London time, with the year when not this one.
import { formatDay, formatWeekday } from '../format.ts';

export const weekdayLabel = (at: string | Date): string => formatWeekday(at);

/** A YYYY-MM-DD date (a follow-up's due date) as "Tue 24 Nov", without any time zone shifting it. */
export const dateLabel = (date: string): string => formatDay(date);
