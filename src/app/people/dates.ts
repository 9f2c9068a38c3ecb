// Calendar dates (a follow-up's due date, a session's day) the way people in Scotland write them.
import { format } from 'date-fns';
import { LONDON } from '../../domain/london.ts';

/** "Tue 24 Nov" for a YYYY-MM-DD date, with the year when it is not this year's (one helper for every screen). */
export { formatDay } from '../format.ts';

/** "24 Nov 2026": an instant's London date, for records people may look back on years later. */
export function formatLongDay(at: string): string {
  return format(new Date(at), 'd MMM yyyy', { in: LONDON });
}
