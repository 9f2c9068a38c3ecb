// What the Reports screen reads: every record the figures need, in one live query, straight from the tables
// (getAll), so that a year of records reads as fast as IndexedDB can give them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReportData, ReportNote } from '../domain/reports/scope.ts';
import { parseHlc } from '../sync/hlc.ts';
import type { CoorieDb, KindRow } from './database.ts';
import { useDb } from './hooks.ts';
import { openRows } from './keyring.ts';

const live = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((row) => row.deleted !== true);

/** When a field was last set, from its version (the clock is the device's, corrected by the server's). */
function setAt(row: KindRow, field: string): string | undefined {
  const version = row._v[field];
  const millis = version ? parseHlc(version)?.millis : undefined;
  return millis === undefined ? undefined : new Date(millis).toISOString();
}

async function readReportData(db: CoorieDb): Promise<ReportData> {
  const [sessions, venues, attendees, checkIns, outreach, notes, bookings] = await Promise.all([
    db.records('session').toArray(),
    db.records('venue').toArray(),
    db.records('attendee').toArray(),
    db.records('checkIn').toArray(),
    db.records('outreach').toArray(),
    db.records('note').toArray(),
    db.records('booking').toArray(),
  ]);
  // Every Dexie read is done: open the sealed fields the figures use (Web Crypto).
  const [openSessions, openAttendees, openNotes] = await Promise.all([
    openRows('session', live(sessions)),
    openRows('attendee', live(attendees)),
    openRows('note', live(notes)),
  ]);
  return {
    sessions: openSessions,
    venues: live(venues),
    attendees: openAttendees,
    checkIns: live(checkIns),
    outreach: live(outreach),
    bookings: live(bookings),
    notes: openNotes.map((row): ReportNote => ({
      ...row,
      pickedUpAt: row.concernPickedUpBy ? setAt(row, 'concernPickedUpBy') : undefined,
      followUpDoneAt: row.followUpDone === true ? setAt(row, 'followUpDone') : undefined,
    })),
  };
}

/** The report data, live: `undefined` while the first read is under way. */
export function useReportData(): ReportData | undefined {
  const db = useDb();
  return useLiveQuery(() => readReportData(db), [db]);
}
