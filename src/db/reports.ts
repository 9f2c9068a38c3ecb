// What the Reports screen reads: every record the figures need, in one live query, straight from the tables
// (getAll), so that a year of records reads as fast as IndexedDB can give them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attendee } from '../domain/attendee.ts';
import type { CheckIn } from '../domain/checkIn.ts';
import type { Outreach } from '../domain/outreach.ts';
import type { ReportData, ReportNote } from '../domain/reports/scope.ts';
import type { Session } from '../domain/session.ts';
import type { Venue } from '../domain/venue.ts';
import { parseHlc } from '../sync/hlc.ts';
import type { CoorieDb, Row } from './database.ts';
import { useDb } from './hooks.ts';

const live = (rows: Row[]) => rows.filter((row) => row.deleted !== true);

/** When a field was last set, from its version (the clock is the device's, corrected by the server's). */
function setAt(row: Row, field: string): string | undefined {
  const version = row._v[field];
  const millis = version ? parseHlc(version)?.millis : undefined;
  return millis === undefined ? undefined : new Date(millis).toISOString();
}

async function readReportData(db: CoorieDb): Promise<ReportData> {
  const [sessions, venues, attendees, checkIns, outreach, notes] = await Promise.all(
    (['session', 'venue', 'attendee', 'checkIn', 'outreach', 'note'] as const).map((kind) =>
      db.records(kind).toArray(),
    ),
  );
  return {
    sessions: live(sessions ?? []) as Session[],
    venues: live(venues ?? []) as Venue[],
    attendees: live(attendees ?? []) as Attendee[],
    checkIns: live(checkIns ?? []) as CheckIn[],
    outreach: live(outreach ?? []) as Outreach[],
    notes: live(notes ?? []).map((row): ReportNote => ({
      ...(row as ReportNote),
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
