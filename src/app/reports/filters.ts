// The report's filters live in the address (so a report can be bookmarked, shared and printed as it is):
// reading them, checking the dates in plain words, and the date ranges a coordinator asks for most.
import { addDays, addMonths, addYears, format, startOfQuarter } from 'date-fns';
import { CALENDAR, calendarDate, londonDate } from '../../domain/london.ts';
import type { Period, ReportFilters } from '../../domain/reports/index.ts';

export const VIEWS = [
  { value: 'attendance', label: 'Attendance and reach' },
  { value: 'barriers', label: 'Barriers and support' },
  { value: 'wellbeing', label: 'Wellbeing' },
  { value: 'summary', label: 'Funder summary' },
] as const;
export type View = (typeof VIEWS)[number]['value'];

export const PERIODS: { value: Period; label: string }[] = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const iso = (date: Date) => format(date, 'yyyy-MM-dd', { in: CALENDAR });

export interface DateRange {
  from: string;
  to: string;
}

/** The ranges offered as one tap: calendar quarters as funders count them, and the last twelve months. */
export function presets(today: string): { label: string; range: DateRange }[] {
  const day = calendarDate(today);
  const quarterStart = startOfQuarter(day, { in: CALENDAR });
  return [
    { label: 'This quarter', range: { from: iso(quarterStart), to: today } },
    {
      label: 'Last quarter',
      range: { from: iso(addMonths(quarterStart, -3, { in: CALENDAR })), to: iso(addDays(quarterStart, -1)) },
    },
    { label: 'Last 12 months', range: { from: iso(addDays(addYears(day, -1, { in: CALENDAR }), 1)), to: today } },
  ];
}

export interface ReportParams {
  filters: ReportFilters;
  period: Period;
  view: View;
  /** What is wrong with the dates, for the fields themselves; the figures wait until both are right. */
  errors: { from?: string; to?: string };
}

/** Whether `text` is an ISO date (YYYY-MM-DD) that is a real day. */
export function validDate(text: string): boolean {
  return DATE.test(text) && iso(calendarDate(text)) === text;
}

export function readParams(params: URLSearchParams, now: Date): ReportParams {
  const defaults = presets(londonDate(now))[2]?.range ?? { from: '', to: '' };
  const from = params.get('from') ?? defaults.from;
  const to = params.get('to') ?? defaults.to;
  const errors: ReportParams['errors'] = {};
  if (!from) errors.from = 'Enter the first day of the report.';
  else if (!validDate(from)) errors.from = 'Enter the first day as a real date, like 01/04/2026.';
  if (!to) errors.to = 'Enter the last day of the report.';
  else if (!validDate(to)) errors.to = 'Enter the last day as a real date, like 30/06/2026.';
  if (!errors.from && !errors.to && from > to) errors.to = 'The last day must be the same as or after the first day.';
  const period = params.get('by');
  const view = params.get('view');
  return {
    filters: {
      from,
      to,
      venueId: params.get('venue') || undefined,
      locality: params.get('locality') || undefined,
      kind: params.get('kind') || undefined,
      facilitator: params.get('facilitator') || undefined,
    },
    period: PERIODS.some((option) => option.value === period) ? (period as Period) : 'month',
    view: VIEWS.some((option) => option.value === view) ? (view as View) : 'attendance',
    errors,
  };
}

/** "1 Jan 2026 to 31 Mar 2026": the range as a funder reads it. */
export function rangeText({ from, to }: DateRange): string {
  const show = (date: string) => format(calendarDate(date), 'd MMM yyyy', { in: CALENDAR });
  return `${show(from)} to ${show(to)}`;
}
