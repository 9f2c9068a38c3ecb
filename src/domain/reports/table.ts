// A report table: what the screen shows, the chart beside it draws and the CSV holds, from the same cells.
import { chartPeople, showAverage, showPeople, showShare } from './suppress.ts';

/**
 * What a column holds, which decides how it is shown: `people` are counts of people (suppressed below five);
 * `count` are counts of sessions or of things done (attendances, notes), never of people; `share` and
 * `average` are worked from people and hidden with them; `rate` is a share of things done (follow-ups), shown
 * as it is; `duration` is minutes.
 */
export type ColumnKind = 'label' | 'people' | 'count' | 'share' | 'rate' | 'average' | 'duration';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface Share {
  part: number;
  whole: number;
}

export interface Average {
  value: number | undefined;
  people: number;
}

export type Cell = string | number | Share | Average | undefined;
export type Row = Record<string, Cell>;

export interface ReportTable {
  /** Stable and file-name safe: the CSV is called after it. */
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
}

/** How a cell reads on screen, in a CSV and in the funder summary. */
export function cellText(column: Column, cell: Cell): string {
  switch (column.kind) {
    case 'label':
      return typeof cell === 'string' ? cell : '';
    case 'people':
      return typeof cell === 'number' ? showPeople(cell) : '–';
    case 'count':
      return typeof cell === 'number' ? String(cell) : '–';
    case 'share': {
      const share = cell as Share | undefined;
      return share ? showShare(share.part, share.whole) : '–';
    }
    case 'rate': {
      const share = cell as Share | undefined;
      return share && share.whole > 0 ? `${Math.round((share.part / share.whole) * 100)}%` : '–';
    }
    case 'average': {
      const average = cell as Average | undefined;
      return average ? showAverage(average.value, average.people) : '–';
    }
    case 'duration':
      return typeof cell === 'number' ? showMinutes(cell) : '–';
  }
}

/** The value a chart draws for a cell; null where the table shows "<5" or nothing. */
export function chartValue(column: Column, cell: Cell): number | null {
  if (typeof cell !== 'number') return null;
  return column.kind === 'people' ? chartPeople(cell) : cell;
}

/** "45 min", "3 h 20 min", "2 days 4 h": how long something took, to the minute. */
export function showMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  if (whole < 24 * 60) {
    const hours = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(whole / (24 * 60));
  const hours = Math.floor((whole % (24 * 60)) / 60);
  const dayWord = days === 1 ? 'day' : 'days';
  return hours ? `${days} ${dayWord} ${hours} h` : `${days} ${dayWord}`;
}

/** A field for a CSV file: quoted when needed, and never read as a formula by a spreadsheet. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV (RFC 4180, CRLF line ends), with the same suppressed cells as on screen. */
export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((column) => csvField(column.label)).join(',')];
  for (const row of table.rows) {
    lines.push(table.columns.map((column) => csvField(cellText(column, row[column.key]))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
