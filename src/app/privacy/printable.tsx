// Any stored value as plain words for the subject access page: every field shown, always as text (React
// escapes it), dates and times in Europe/London with the year, since the page may be read years later.
import { format } from 'date-fns';
import { CALENDAR, calendarDate, LONDON } from '../../domain/london.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "Tue 24 Nov 2026, 10:30" in London. */
export function printDateTime(at: string): string {
  return format(new Date(at), 'EEE d MMM yyyy, HH:mm', { in: LONDON });
}

/** "24 Nov 2026": a calendar date (YYYY-MM-DD), as it was given. */
export function printDay(day: string): string {
  return format(calendarDate(day), 'd MMM yyyy', { in: CALENDAR });
}

function printValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (DATE_ONLY.test(value)) return printDay(value);
    if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return printDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'None';
    return value.every((item) => typeof item === 'string') ? value.join(', ') : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

/** Field labels by field name; a field without one is still shown, under its stored name. */
export type Labels = Readonly<Record<string, string>>;

const COMMON_LABELS: Labels = {
  createdAt: 'Recorded',
  createdBy: 'Recorded by',
  deleted: 'Deleted',
};

/**
 * Every field of a record as a description list: the labelled ones in the order given, then any others,
 * so that nothing held is left off the page. `skip` names fields shown elsewhere on the page.
 */
export function Fields({
  record,
  labels,
  skip = [],
}: {
  record: Readonly<Record<string, unknown>>;
  labels: Labels;
  skip?: readonly string[];
}) {
  const all = { ...labels, ...COMMON_LABELS };
  const hidden = new Set(['id', ...skip]);
  const names = [
    ...Object.keys(all).filter((name) => Object.hasOwn(record, name) && !hidden.has(name)),
    ...Object.keys(record).filter((name) => !Object.hasOwn(all, name) && !hidden.has(name)),
  ];
  if (names.length === 0) return <p>Nothing else recorded.</p>;
  return (
    <dl className="facts">
      {names.map((name) => (
        <div key={name}>
          <dt>{all[name] ?? name}</dt>
          <dd>{printValue(record[name])}</dd>
        </div>
      ))}
    </dl>
  );
}
