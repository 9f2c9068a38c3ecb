// Charts drawn with Recharts as SVG (sharp on screen and on paper), in the Okabe–Ito colours that people with
// any common colour blindness can tell apart. A chart draws its table; the table beside it is what screen
// readers read, so the picture itself is hidden from them.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { shownValue, type ReportTable } from '../../domain/reports/index.ts';

/** Okabe & Ito (2008), with the yellow last: it is the hardest to see on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#F0E442'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '', '6 3', '2 2', '8 3 2 3'];

export interface ChartSpec {
  /** The columns to draw, each a bar or a line. */
  keys: string[];
  type?: 'bar' | 'line';
  /** Bars along the page, for long category names (venues, localities). */
  horizontal?: boolean;
}

export default function Chart({ table, spec }: { table: ReportTable; spec: ChartSpec }) {
  const labelColumn = table.columns[0];
  const series = spec.keys.flatMap((key) => table.columns.filter((column) => column.key === key));
  const data = table.rows.map((row, index) => {
    const point: Record<string, string | number | null> = { label: String(row[labelColumn?.key ?? ''] ?? '') };
    for (const column of series) point[column.key] = shownValue(table, index, column);
    return point;
  });
  const height = spec.horizontal ? Math.max(200, 70 + data.length * 36 * Math.max(1, series.length / 2)) : 280;
  const axisTick = { fill: '#1f1a17', fontSize: 13 };
  return (
    <div className="report-chart" aria-hidden="true" data-chart={table.id}>
      <ResponsiveContainer width="100%" height={height}>
        {spec.type === 'line' ? (
          <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#cdbfb2" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={axisTick} />
            <YAxis allowDecimals={false} tick={axisTick} width={40} />
            <Tooltip />
            <Legend />
            {series.map((column, index) => (
              <Line
                key={column.key}
                dataKey={column.key}
                name={column.label}
                stroke={PALETTE[index % PALETTE.length]}
                strokeDasharray={DASHES[index % DASHES.length]}
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        ) : (
          <BarChart
            data={data}
            layout={spec.horizontal ? 'vertical' : 'horizontal'}
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid stroke="#cdbfb2" strokeDasharray="3 3" />
            {spec.horizontal ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={axisTick} />
                <YAxis type="category" dataKey="label" tick={axisTick} width={150} interval={0} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={axisTick} />
                <YAxis allowDecimals={false} tick={axisTick} width={40} />
              </>
            )}
            <Tooltip />
            <Legend />
            {series.map((column, index) => (
              <Bar
                key={column.key}
                dataKey={column.key}
                name={column.label}
                fill={PALETTE[index % PALETTE.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
