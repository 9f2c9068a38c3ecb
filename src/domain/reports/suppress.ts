// Small-number suppression, in one place: every table, chart, CSV and the funder summary show numbers through
// here, so that nobody in a small community can be picked out of a report.

/** Counts of people below this are shown as "<5". */
export const SMALL = 5;
const SUPPRESSED = '<5';

/**
 * A count of people as it may be shown. Zero stays "0": it points at nobody, and "no one from Keith came" is
 * what a coordinator needs to see to reach Keith.
 */
export function showPeople(count: number): string {
  return isSmall(count) ? SUPPRESSED : String(count);
}

export function isSmall(count: number): boolean {
  return count > 0 && count < SMALL;
}

/**
 * A share of people ("40%"). Hidden when either count is small: 2 of 20 shown as 10% would give the 2 away.
 * A share of nobody is "–".
 */
export function showShare(part: number, whole: number): string {
  if (whole === 0) return '–';
  if (isSmall(part) || isSmall(whole)) return SUPPRESSED;
  return `${Math.round((part / whole) * 100)}%`;
}

/** An average of people's answers, hidden when fewer than five people gave them (it would show their answers). */
export function showAverage(value: number | undefined, people: number): string {
  if (people === 0 || value === undefined) return '–';
  if (isSmall(people)) return SUPPRESSED;
  return value.toFixed(1);
}

/** The number a chart may draw for a count of people: none for a small one (the table beside it says "<5"). */
export function chartPeople(count: number): number | null {
  return isSmall(count) ? null : count;
}
