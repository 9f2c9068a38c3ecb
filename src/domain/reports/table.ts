// A report table: what the screen shows, the chart beside it draws and the CSV holds, from the same cells.
import { chartPeople, isSmall, showAverage, showPeople, showShare, SMALL } from './suppress.ts';

/**
 * What a column holds, which decides how it is shown: `people` are counts of people, and `events` counts of
 * what they did or what was written about them (attendances, notes, concerns raised and picked up), both suppressed below five, since three attendances
 * from Keith point at a parent as surely as one parent from Keith does; `count` are counts of sessions or of
 * the team's work (follow-ups); `share` and `average` are worked from people and hidden with them;
 * `rate` is a share of the team's work, shown as it is; `duration` is minutes.
 */
export type ColumnKind = 'label' | 'people' | 'events' | 'count' | 'share' | 'rate' | 'average' | 'duration';

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
  /** Cells kept back so that a "<5" elsewhere cannot be worked out by subtraction (see `keepBack`): "row:key". */
  keptBack?: ReadonlySet<string>;
}

/** What a kept-back figure reads as: not a small number itself, but one that would give a small one away. */
export const KEPT_BACK = 'hidden';

const suppressed = (kind: ColumnKind) => kind === 'people' || kind === 'events';

/** How a cell reads on screen, in a CSV and in the funder summary. */
export function cellText(column: Column, cell: Cell): string {
  switch (column.kind) {
    case 'label':
      return typeof cell === 'string' ? cell : '';
    case 'people':
    case 'events':
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

const cellId = (row: number, key: string) => `${row}:${key}`;

/** How the cell in row `row` of `column` reads: as `cellText`, unless it is kept back. */
export function shownText(table: ReportTable, row: number, column: Column): string {
  if (table.keptBack?.has(cellId(row, column.key))) return KEPT_BACK;
  return cellText(column, table.rows[row]?.[column.key]);
}

/** The value a chart draws for the cell in row `row` of `column`; null where the table shows no figure. */
export function shownValue(table: ReportTable, row: number, column: Column): number | null {
  if (table.keptBack?.has(cellId(row, column.key))) return null;
  return chartValue(column, table.rows[row]?.[column.key]);
}

/** A cell of a table: its row's index and its column's key. */
export type CellRef = readonly [row: number, key: string];

/**
 * Secondary suppression. Each of `sums` is a group of cells that add up to a figure shown somewhere else (the
 * parents from each locality add up to the parents reached): with only one "<5" among them, anyone could work it
 * out by subtraction. So another figure of the group is kept back too (the smallest that is enough, or else the
 * smallest, and round again) until no "<5" can be narrowed down, also by someone who knows these rules: that a
 * "<5" is 1 to 4 and a hidden figure is 5 or more.
 * Shares worked out from a kept-back figure are kept back with it. A group can run out of figures to keep back
 * when its total is small; then it stays as far as it got (the README says so).
 */
export function keepBack(table: ReportTable, sums: readonly (readonly CellRef[])[]): ReportTable {
  const kept = new Set<string>();
  const value = ([row, key]: CellRef) => {
    const cell = table.rows[row]?.[key];
    return typeof cell === 'number' ? cell : 0;
  };
  const small = (ref: CellRef) => isSmall(value(ref));
  const isKept = (ref: CellRef) => kept.has(cellId(...ref));
  let changed = true;
  while (changed) {
    changed = false;
    for (const sum of sums) {
      const smalls = sum.filter(small);
      if (smalls.length === 0) continue;
      const hidden = sum.filter(isKept);
      // Given the total, the "<5"s and hidden figures together hold `held`. A "<5" is safe when it could be as
      // much as 4 (what is left of `held` with every other unknown at its least: 5 for a hidden figure, 1 for a
      // "<5") and as little as 1 (a hidden figure takes up any rest; with none, the other "<5"s at 4 each must).
      const held = [...smalls, ...hidden].reduce((total, ref) => total + value(ref), 0);
      const safe = (amount: number, count: number) =>
        amount - SMALL * count - (smalls.length - 1) >= SMALL - 1 &&
        (count > 0 || amount - (SMALL - 1) * (smalls.length - 1) <= 1);
      if (safe(held, hidden.length)) continue;
      // The smallest figure that is enough on its own, or else the smallest, and go round again.
      const candidates = sum
        .filter((ref) => !small(ref) && !isKept(ref) && value(ref) > 0)
        .sort((a, b) => value(a) - value(b));
      const next = candidates.find((ref) => safe(held + value(ref), hidden.length + 1)) ?? candidates[0];
      if (!next) continue;
      kept.add(cellId(...next));
      for (const column of table.columns) if (column.kind === 'share') kept.add(cellId(next[0], column.key));
      changed = true;
    }
  }
  return kept.size > 0 ? { ...table, keptBack: kept } : table;
}

/** Every column of `keys` is a group: its rows (all, or those given) add up to a total shown elsewhere. */
export function columnSums(table: ReportTable, keys: readonly string[], rows?: readonly number[]): CellRef[][] {
  const indexes = rows ?? table.rows.map((_, index) => index);
  return keys.map((key) => indexes.map((row): CellRef => [row, key]));
}

/** The value a chart draws for a cell; null where the table shows "<5" or nothing. */
export function chartValue(column: Column, cell: Cell): number | null {
  if (typeof cell !== 'number') return null;
  return suppressed(column.kind) ? chartPeople(cell) : cell;
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
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV (RFC 4180, CRLF line ends), with the same suppressed cells as on screen. */
export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((column) => csvField(column.label)).join(',')];
  for (const index of table.rows.keys()) {
    lines.push(table.columns.map((column) => csvField(shownText(table, index, column))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
