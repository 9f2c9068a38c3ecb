// Dates and times as typed in the UK, whatever the device's language: day first (24/11/2026) and the 24-hour
// clock (14:30). Forms keep ISO dates (2026-11-24) and "HH:mm" times; these turn one into the other.

export const DATE_HINT = 'Day, month, year, like 24/11/2026';
export const TIME_HINT = '24-hour clock, like 14:30';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The ISO date of what was typed ("3/12/2026", "03.12.2026", or an ISO date itself); '' for nothing typed;
 * undefined for anything else, so that the form can say what to fix (31/02/2026 is not a date).
 */
export function parseDateText(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return '';
  const iso = ISO_DATE.exec(typed);
  const dayFirst = DAY_FIRST.exec(typed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [0, 0, 0];
  if (!iso && !dayFirst) return undefined;
  return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** "24/11/2026" for 2026-11-24; anything that is not an ISO date as it is. */
export function dateText(value: string): string {
  const iso = ISO_DATE.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/** "HH:mm" of what was typed ("9:30", "0930", "14.30", "14:30"); '' for nothing; undefined for anything else. */
export function parseTimeText(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return '';
  const match = /^(\d{1,2})\s*[:.h]?\s*(\d{2})$/.exec(typed);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours <= 23 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : undefined;
}
