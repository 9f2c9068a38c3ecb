// The funder summary: the headline figures and the tables funders ask for, for one date range, laid out to print.
import { headlines, type Reports } from '../../domain/reports/index.ts';
import { ONS4_ATTRIBUTION } from '../../domain/ons4.ts';
import { rangeText } from './filters.ts';
import { ReportFigure } from './ReportFigure.tsx';
import { SmallNumbersNote } from './SmallNumbersNote.tsx';

interface Props {
  reports: Reports;
  from: string;
  to: string;
  /** The filters in words ("Buckie Centre, courses"), or nothing for the whole organisation. */
  scope: string;
}

export function FunderSummary({ reports, from, to, scope }: Props) {
  return (
    <div className="funder-summary">
      <h2>
        Funder summary: {rangeText({ from, to })}
        {scope && <span className="funder-scope">{scope}</span>}
      </h2>
      <dl className="totals report-headlines">
        {headlines(reports).map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <SmallNumbersNote source="the records" of="people" orOf="their attendances or notes" />
      <div className="form-actions no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <ReportFigure table={reports.attendance.byPeriod} from={from} to={to} />
      <ReportFigure table={reports.attendance.byLocality} from={from} to={to} />
      <ReportFigure table={reports.attendance.repeat} from={from} to={to} />
      <ReportFigure table={reports.barriers.support} from={from} to={to} />
      <ReportFigure table={reports.barriers.afterContact} from={from} to={to} />
      <ReportFigure table={reports.wellbeing.ons4Changes} from={from} to={to} note={ONS4_ATTRIBUTION} />
      <ReportFigure table={reports.wellbeing.focusAreas} from={from} to={to} />
      <ReportFigure table={reports.wellbeing.concerns} from={from} to={to} />
    </div>
  );
}
