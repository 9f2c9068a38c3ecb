// Saving a report table as a CSV file, made on the device so that it works offline.
import { toCsv, type ReportTable } from '../../domain/reports/index.ts';

function csvFileName(table: ReportTable, from: string, to: string): string {
  return `coorie-${table.id}-${from}-to-${to}.csv`;
}

export function downloadCsv(table: ReportTable, from: string, to: string): void {
  // A byte-order mark so that spreadsheets open the file as UTF-8 (en dashes, accents in names of places).
  const blob = new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(table, from, to);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
