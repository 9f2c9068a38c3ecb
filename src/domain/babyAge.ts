// A baby's age (or time until due) in the weeks and months that parents and health visitors use.
import { addDays, addMonths, addWeeks, differenceInCalendarDays, differenceInMonths, format } from 'date-fns';
import type { Baby, BabyAgeBand } from './attendee.ts';
import { CALENDAR, calendarDate, londonDate } from './london.ts';

export interface BabyAge {
  /** 'expected' until the due date has passed; a past due date with no birth date counts as born. */
  status: 'born' | 'expected';
  /** True when the age is worked out from a past due date because nobody has recorded the birth date yet. */
  estimated: boolean;
  /** Whole days, weeks and months since birth; negative before the due date. */
  days: number;
  weeks: number;
  months: number;
  /** "3 weeks", "5 months", "1 year 2 months", "due in 4 weeks", "about 6 weeks". */
  label: string;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

function bornLabel(days: number, months: number): string {
  if (days === 0) return 'born today';
  if (days < 7) return plural(days, 'day');
  // Under three months parents count in weeks; after that, months; after the first birthday, years and months.
  if (months < 3) return plural(Math.floor(days / 7), 'week');
  if (months < 12) return plural(months, 'month');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? plural(years, 'year') : `${plural(years, 'year')} ${plural(rest, 'month')}`;
}

function expectedLabel(daysUntilDue: number): string {
  if (daysUntilDue === 0) return 'due today';
  if (daysUntilDue < 7) return `due in ${plural(daysUntilDue, 'day')}`;
  return `due in ${plural(Math.round(daysUntilDue / 7), 'week')}`;
}

type BabyDates = Pick<Baby, 'dateOfBirth' | 'dueDate' | 'ageBand' | 'ageBandOn'>;

/**
 * The dates an age band stands for, taken from the middle of the band on the day it was given: for working
 * out an age shown as "about …", never stored as the baby's dates.
 */
export function bandDates(band: BabyAgeBand, on: string): Pick<Baby, 'dateOfBirth' | 'dueDate'> {
  const day = calendarDate(on);
  const iso = (date: Date) => format(date, 'yyyy-MM-dd', { in: CALENDAR });
  switch (band) {
    case 'expecting':
      // Most parents who come before the birth are in the last months of pregnancy.
      return { dueDate: iso(addWeeks(day, 10, { in: CALENDAR })) };
    case 'under-3-months':
      return { dateOfBirth: iso(addWeeks(day, -6, { in: CALENDAR })) };
    case '3-6-months':
      return { dateOfBirth: iso(addDays(addMonths(day, -4, { in: CALENDAR }), -15, { in: CALENDAR })) };
    case '6-12-months':
      return { dateOfBirth: iso(addMonths(day, -9, { in: CALENDAR })) };
    case '1-2-years':
      return { dateOfBirth: iso(addMonths(day, -18, { in: CALENDAR })) };
  }
}

/**
 * The age of a baby on `today` (an instant, read as a London date, or a YYYY-MM-DD date). Undefined when
 * neither a birth date, a due date nor an age band is known. A real date wins over a band; an age from a
 * band is `estimated` and reads "about …".
 */
export function babyAge(baby: BabyDates, today: Date | string): BabyAge | undefined {
  if (!baby.dateOfBirth && !baby.dueDate && baby.ageBand && baby.ageBandOn) {
    const age = babyAge(bandDates(baby.ageBand, baby.ageBandOn), today);
    if (!age) return undefined;
    if (age.estimated) return age;
    const label = age.status === 'born' ? `about ${age.label}` : age.label.replace(/^due in /, 'due in about ');
    return { ...age, estimated: true, label };
  }
  const from = baby.dateOfBirth ?? baby.dueDate;
  if (!from) return undefined;
  const day = londonDate(today);
  const estimated = !baby.dateOfBirth;
  const key = `${from} ${day} ${estimated}`;
  let age = ages.get(key);
  if (!age) {
    age = Object.freeze(ageBetween(from, day, estimated));
    // A day's check-in lists ask again for the same few hundred babies: each worked out once, the memory bounded.
    if (ages.size >= REMEMBERED_AGES) ages.clear();
    ages.set(key, age);
  }
  return age;
}

const REMEMBERED_AGES = 5_000;
const ages = new Map<string, BabyAge>();

function ageBetween(from: string, today: string, estimated: boolean): BabyAge {
  const day = calendarDate(today);
  const start = calendarDate(from);
  const days = differenceInCalendarDays(day, start, { in: CALENDAR });
  const months = differenceInMonths(day, start, { in: CALENDAR });
  const weeks = Math.trunc(days / 7);
  if (days < 0 || (estimated && days === 0)) {
    return { status: 'expected', estimated: false, days, weeks, months, label: expectedLabel(-days) };
  }
  const label = bornLabel(days, months);
  return { status: 'born', estimated, days, weeks, months, label: estimated ? `about ${label}` : label };
}

/** Whole months since birth, for matching activities to ages; undefined for a baby not born yet or with no dates. */
export function ageInMonths(baby: BabyDates, today: Date | string): number | undefined {
  const age = babyAge(baby, today);
  return age?.status === 'born' ? age.months : undefined;
}
