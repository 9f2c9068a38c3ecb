// The report's filters: dates (with one-tap quarters), venue, locality, kind of session, facilitator and the
// period to count by. Every change goes straight into the address, and the figures follow it.
import { LOCALITIES } from '../../domain/venue.ts';
import { SESSION_KINDS } from '../../domain/session.ts';
import type { ReportData } from '../../domain/reports/index.ts';
import { sameText } from '../../domain/reports/scope.ts';
import { InputField, SelectField, type Option } from '../components/form/index.ts';
import { PERIODS, presets, type ReportParams } from './filters.ts';

interface Props {
  data: ReportData;
  params: ReportParams;
  today: string;
  onChange: (changes: Record<string, string>) => void;
}

const bind = (name: string, value: string, onChange: Props['onChange'], error?: string) => ({
  id: `field-${name}`,
  name,
  value,
  error,
  onChange: (next: string) => onChange({ [name]: next }),
});

function choicesFrom(values: Iterable<string>): Option[] {
  const unique: string[] = [];
  for (const value of values)
    if (value.trim() && !unique.some((seen) => sameText(seen, value))) unique.push(value.trim());
  return unique.sort((a, b) => a.localeCompare(b, 'en-GB')).map((value) => ({ value, label: value }));
}

export function FiltersPanel({ data, params, today, onChange }: Props) {
  const { filters, errors, period } = params;
  const venues = data.venues
    .map((venue) => ({ value: venue.id, label: venue.name ?? 'A venue with no name' }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const localities = [
    ...LOCALITIES.map((value) => ({ value, label: value })),
    ...choicesFrom(data.venues.map((venue) => venue.locality ?? '')).filter(
      (choice) => !LOCALITIES.some((locality) => sameText(locality, choice.value)),
    ),
  ];
  const facilitators = choicesFrom(data.sessions.flatMap((session) => session.facilitators ?? []));
  const kinds = SESSION_KINDS.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) }));

  return (
    <form className="report-filters" aria-label="Report filters" onSubmit={(event) => event.preventDefault()}>
      <div className="report-presets" role="group" aria-label="Date range">
        {presets(today).map(({ label, range }) => (
          <button
            key={label}
            type="button"
            className="button-secondary"
            aria-pressed={filters.from === range.from && filters.to === range.to}
            onClick={() => onChange({ from: range.from, to: range.to })}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="field-row">
        <InputField label="From" type="date" {...bind('from', filters.from, onChange, errors.from)} />
        <InputField label="To" type="date" {...bind('to', filters.to, onChange, errors.to)} />
      </div>
      <div className="field-row">
        <SelectField
          label="Venue"
          placeholder="All venues"
          choices={venues}
          {...bind('venue', filters.venueId ?? '', onChange)}
        />
        <SelectField
          label="Locality of venue"
          placeholder="All localities"
          choices={localities}
          {...bind('locality', filters.locality ?? '', onChange)}
        />
        <SelectField
          label="Kind of session"
          placeholder="All kinds"
          choices={kinds}
          {...bind('kind', filters.kind ?? '', onChange)}
        />
        <SelectField
          label="Facilitator"
          placeholder="All facilitators"
          choices={facilitators}
          {...bind('facilitator', filters.facilitator ?? '', onChange)}
        />
        <SelectField
          label="Count by"
          placeholder="Month"
          choices={PERIODS.filter((p) => p.value !== 'month')}
          {...bind('by', period === 'month' ? '' : period, onChange)}
        />
      </div>
    </form>
  );
}
