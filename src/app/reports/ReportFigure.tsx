// One report table with its chart above it and a CSV download below: the chart is a picture of the table, and
// the table (read by screen readers, printed, exported) holds every figure, with small numbers suppressed.
import { lazy, Suspense, useId } from 'react';
import { KEPT_BACK, shownText, shownValue, type ReportTable } from '../../domain/reports/index.ts';
import { SMALL } from '../../domain/reports/suppress.ts';
import type { ChartSpec } from './Chart.tsx';
import { downloadCsv } from './download.ts';

// The charting library loads with the first chart, after the tables: they never wait for it.
const Chart = lazy(() => import('./Chart.tsx'));

interface Props {
  table: ReportTable;
  chart?: ChartSpec;
  from: string;
  to: string;
  /** Shown under the heading: what the figures count. */
  note?: string;
}

/**
 * True when the chart would draw something: a table whose every figure is kept back as "<5", or is nothing,
 * would draw an empty frame with no word why.
 */
function whyNoChart(table: ReportTable, chart: ChartSpec): 'small' | 'nothing' | undefined {
  const columns = table.columns.filter((column) => chart.keys.includes(column.key));
  const cells = table.rows.flatMap((_, row) => columns.map((column) => ({ row, column })));
  if (cells.some(({ row, column }) => (shownValue(table, row, column) ?? 0) !== 0)) return undefined;
  const hidden = new Set([`<${SMALL}`, KEPT_BACK]);
  return cells.some(({ row, column }) => hidden.has(shownText(table, row, column))) ? 'small' : 'nothing';
}

export function ReportFigure({ table, chart, from, to, note }: Props) {
  const headingId = useId();
  const noChart = chart && whyNoChart(table, chart);
  return (
    <section className="report-figure" aria-labelledby={headingId}>
      <h2 id={headingId}>{table.title}</h2>
      {note && <p className="report-note">{note}</p>}
      {chart && !noChart && (
        <Suspense fallback={<div className="report-chart" />}>
          <Chart table={table} spec={chart} />
        </Suspense>
      )}
      {noChart && (
        <p className="report-no-chart">
          {noChart === 'small'
            ? `No chart: every figure here is under ${SMALL}, or kept back with one that is, so the table shows “<${SMALL}” or “${KEPT_BACK}” and a chart would give them away.`
            : 'No chart: there is nothing to count here for these dates and filters.'}
        </p>
      )}
      {/* A wide table scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
      <div className="report-table-wrap" tabIndex={0} role="group" aria-labelledby={headingId}>
        <table className="report-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.key} scope="col" className={column.kind === 'label' ? undefined : 'number'}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index}>
                {table.columns.map((column, columnIndex) =>
                  columnIndex === 0 ? (
                    <th key={column.key} scope="row">
                      {shownText(table, index, column)}
                    </th>
                  ) : (
                    <td key={column.key} className={column.kind === 'label' ? undefined : 'number'}>
                      {shownText(table, index, column)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="button-secondary report-download" onClick={() => downloadCsv(table, from, to)}>
        Download CSV<span className="visually-hidden"> of {table.title.toLowerCase()}</span>
      </button>
    </section>
  );
}
