// A questionnaire's result filters live in the address, as the reports' do, so that the printable summary opens
// with the filters of the results it came from: reading them, checking the dates in plain words, and saying
// them in words for the summary.
import { format } from 'date-fns';
import { useMemo } from 'react';
import { useRecords } from '../../db/hooks.ts';
import { CALENDAR, calendarDate } from '../../domain/london.ts';
import type { QuestionnaireVersion } from '../../domain/questionnaire.ts';
import type { ResultFilters } from '../../domain/questionnaireResults.ts';
import { ANSWER_WAYS, ANSWER_WAY_LABELS, type AnswerWay } from '../../domain/response.ts';
import { rangeText, validDate } from '../reports/filters.ts';

export interface ResultParams {
  /** The filters to count by; the dates only once both are right. */
  filters: ResultFilters;
  /** What is wrong with the dates, for the fields themselves: the figures wait until they are right. */
  errors: { from?: string; to?: string };
  /** The values as they are in the address, for the fields. */
  fields: { from: string; to: string; version: string; how: string; venue: string };
}

export const NAMES = ['from', 'to', 'version', 'how', 'venue'] as const;

export function readResultParams(search: URLSearchParams): ResultParams {
  const fields = {
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    version: search.get('version') ?? '',
    how: search.get('how') ?? '',
    venue: search.get('venue') ?? '',
  };
  const errors: ResultParams['errors'] = {};
  if (fields.from && !validDate(fields.from)) errors.from = 'Enter the first day as a real date, like 01/04/2026.';
  if (fields.to && !validDate(fields.to)) errors.to = 'Enter the last day as a real date, like 30/06/2026.';
  if (!errors.from && !errors.to && fields.from && fields.to && fields.from > fields.to)
    errors.to = 'The last day must be the same as or after the first day.';
  const version = Number(fields.version);
  const filters: ResultFilters = {};
  if (fields.from && !errors.from) filters.from = fields.from;
  if (fields.to && !errors.to) filters.to = fields.to;
  if (Number.isInteger(version) && version > 0) filters.version = version;
  if ((ANSWER_WAYS as readonly string[]).includes(fields.how)) filters.how = fields.how as AnswerWay;
  if (fields.venue) filters.venueId = fields.venue;
  return { filters, errors, fields };
}

/** The venue of each session this device holds, for the venue filter (kiosk answers name their session). */
export function useSessionVenues(): ReadonlyMap<string, string> | undefined {
  const sessions = useRecords('session');
  return useMemo(
    () =>
      sessions &&
      new Map(
        sessions.flatMap((session) => (session.venueId ? [[session.id, session.venueId] as [string, string]] : [])),
      ),
    [sessions],
  );
}

export interface Venue {
  id: string;
  name?: string | undefined;
}

/** The venues to choose from, by name. */
export function venueChoices(venues: readonly Venue[]): { value: string; label: string }[] {
  return venues
    .map((venue) => ({ value: venue.id, label: venue.name ?? 'A venue with no name' }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

const day = (date: string) => format(calendarDate(date), 'd MMM yyyy', { in: CALENDAR });

/** The filters in words, for the printed summary: each one as a label and its value, "every…" when not set. */
export function filtersInWords(
  filters: ResultFilters,
  versions: readonly QuestionnaireVersion[],
  venues: readonly Venue[],
): { label: string; value: string }[] {
  const { from, to } = filters;
  const numbers = versions.map((version) => version.number);
  const dates =
    from && to ? rangeText({ from, to }) : from ? `From ${day(from)}` : to ? `Up to ${day(to)}` : 'Every date';
  const version =
    filters.version !== undefined
      ? `Version ${filters.version}`
      : numbers.length > 1
        ? `Every version (${numbers.join(', ')}), each question in its newest wording`
        : `Version ${numbers[0] ?? 1}`;
  const venue = filters.venueId
    ? (venues.find((place) => place.id === filters.venueId)?.name ?? 'One venue')
    : 'All venues';
  const how = filters.how ? ANSWER_WAY_LABELS[filters.how] : 'Every way';
  return [
    { label: 'Dates', value: dates },
    { label: 'Version', value: version },
    { label: 'Venue', value: venue },
    { label: 'How answered', value: how },
  ];
}
