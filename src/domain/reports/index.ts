// Every report for one date range and set of filters, worked out in one pass over the device's records.
import {
  attendanceByPeriod,
  attendanceByVenue,
  heardVia,
  heardViaByRoute,
  overview,
  reachByLocality,
  repeatAttendance,
} from './attendance.ts';
import type { Overview } from './attendance.ts';
import { barriersPlanned, cameAfterContact, followUps, outreachOutcomes, support } from './barriers.ts';
import { buildScope, type Period, type ReportData, type ReportFilters } from './scope.ts';
import { showPeople } from './suppress.ts';
import { shownText, type ReportTable } from './table.ts';
import { concerns, focusAreas, focusAreasOverTime, ons4Changes, ons4Distribution } from './wellbeing.ts';
import { londonDate } from '../london.ts';

export interface Reports {
  overview: Overview;
  /** Localities (of the Moray list or as typed) where at least one parent who came lives. */
  localitiesReached: number;
  attendance: {
    byPeriod: ReportTable;
    byVenue: ReportTable;
    byLocality: ReportTable;
    heardVia: ReportTable;
    /** Only when the routes promoted are known (they live on the server: Settings → Promotion). */
    heardViaByRoute?: ReportTable;
    repeat: ReportTable;
  };
  barriers: {
    support: ReportTable;
    planned: ReportTable;
    outreach: ReportTable;
    afterContact: ReportTable;
    followUps: ReportTable;
  };
  wellbeing: {
    focusAreas: ReportTable;
    focusOverTime: ReportTable;
    ons4Changes: ReportTable;
    ons4Distribution: ReportTable;
    concerns: ReportTable;
  };
}

export function buildReports(
  data: ReportData,
  filters: ReportFilters,
  period: Period,
  now: Date,
  promotedRoutes?: readonly string[],
): Reports {
  const scope = buildScope(data, filters, now);
  const byLocality = reachByLocality(scope);
  return {
    overview: overview(scope),
    localitiesReached: byLocality.rows.filter((row) => row.locality !== 'Not recorded' && Number(row.parents) > 0)
      .length,
    attendance: {
      byPeriod: attendanceByPeriod(scope, period),
      byVenue: attendanceByVenue(scope),
      byLocality,
      heardVia: heardVia(scope),
      ...(promotedRoutes ? { heardViaByRoute: heardViaByRoute(scope, promotedRoutes) } : {}),
      repeat: repeatAttendance(scope),
    },
    barriers: {
      support: support(scope),
      planned: barriersPlanned(data, scope),
      outreach: outreachOutcomes(data, scope),
      afterContact: cameAfterContact(data, scope),
      followUps: followUps(scope, data, londonDate(now)),
    },
    wellbeing: {
      focusAreas: focusAreas(scope),
      focusOverTime: focusAreasOverTime(scope, period),
      ons4Changes: ons4Changes(scope),
      ons4Distribution: ons4Distribution(scope),
      concerns: concerns(scope),
    },
  };
}

export interface Headline {
  label: string;
  value: string;
}

/** The funder summary's headline figures, already suppressed, in the order a funder reads them. */
export function headlines(reports: Reports): Headline[] {
  const { overview: o } = reports;
  // As the "Coming back" table shows it: hidden there when the parents who came once only are a small number.
  const { repeat } = reports.attendance;
  const backColumn = repeat.columns.find((column) => column.key === 'parents');
  const cameBack = backColumn ? shownText(repeat, 1, backColumn) : showPeople(o.cameTwice);
  return [
    { label: 'Sessions run', value: String(o.sessionsRun) },
    { label: 'Attendances', value: String(o.attendances) },
    { label: 'Parents reached', value: showPeople(o.parents) },
    { label: 'Babies reached', value: showPeople(o.babies) },
    { label: 'First-time attenders', value: showPeople(o.firstTime) },
    { label: 'Parents who came back a second time', value: cameBack },
    { label: 'Parents who came five times or more', value: showPeople(o.cameFiveTimes) },
    { label: 'Localities reached', value: String(reports.localitiesReached) },
  ];
}

export type { Period, ReportData, ReportFilters } from './scope.ts';
export type { ReportTable } from './table.ts';
export { KEPT_BACK, shownText, shownValue, toCsv } from './table.ts';
