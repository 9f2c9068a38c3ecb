// Reports: the figures funders ask for and the patterns coordinators look for, counted on this device from its
// own records (so they work offline), with charts, CSV files and a printable funder summary. For coordinators.
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { londonDate } from '../../domain/london.ts';
import { ONS4_ATTRIBUTION } from '../../domain/ons4.ts';
import { buildReports, type ReportData, type Reports } from '../../domain/reports/index.ts';
import { useReportData } from '../../db/reports.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { FiltersPanel } from './FiltersPanel.tsx';
import { rangeText, readParams, VIEWS, type ReportParams } from './filters.ts';
import { FunderSummary } from './FunderSummary.tsx';
import { ReferralsFigure } from './ReferralsFigure.tsx';
import { ReportFigure } from './ReportFigure.tsx';
import { usePromotedRoutes } from './usePromotedRoutes.ts';
import '../styles/reports.css';

export function ReportsScreen() {
  const user = useCurrentUser();
  if (user === undefined)
    return (
      <Screen title="Reports">
        <Loading />
      </Screen>
    );
  if (user.role !== 'coordinator') {
    return (
      <Screen title="Reports">
        <p>Reports are for coordinators.</p>
        <p>
          They count attendance, reach and wellbeing across the whole team for funders. If you need a figure, ask your
          coordinator.
        </p>
      </Screen>
    );
  }
  return <CoordinatorReports />;
}

function CoordinatorReports() {
  const data = useReportData();
  const [search, setSearch] = useSearchParams();
  // The moment the screen opened: sessions after it have not run, and follow-ups due after today are not late.
  const [now] = useState(() => new Date());
  const today = londonDate(now);
  const key = search.toString();
  const params = useMemo(() => readParams(new URLSearchParams(key), now), [key, now]);
  const promoted = usePromotedRoutes();
  const reports = useMemo(
    () =>
      data && !params.errors.from && !params.errors.to
        ? buildReports(data, params.filters, params.period, now, promoted)
        : undefined,
    [data, params, now, promoted],
  );
  const change = useCallback(
    (changes: Record<string, string>) =>
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            // An emptied date stays in the address as empty, so that the field says what to fix.
            if (value || name === 'from' || name === 'to') next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  return (
    <Screen title="Reports" className="reports-screen">
      <p className="no-print">
        <Link to="/reports/volunteers">Volunteer hours and training</Link>
      </p>
      {data === undefined ? (
        <Loading />
      ) : data.sessions.length === 0 ? (
        <EmptyState>
          <p>Nothing to report yet.</p>
          <p>Once sessions run and people are checked in, the figures for your funders will add up here.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lede no-print">
            Counted on this device from what it holds, so reports work with no signal. Counts of fewer than five people
            show as “&lt;5”, and a figure that would let someone work one out shows as “hidden”.
          </p>
          <FiltersPanel data={data} params={params} today={today} onChange={change} />
          <ViewTabs search={search} current={params.view} />
          <div className="reports-body" data-ready={reports ? 'true' : undefined}>
            {reports ? (
              <>
                <p className="visually-hidden" role="status">
                  Figures for {rangeText(params.filters)}
                </p>
                <ReportView reports={reports} params={params} data={data} />
              </>
            ) : (
              <p className="report-waiting">Put the dates right above and the figures will show.</p>
            )}
          </div>
        </>
      )}
    </Screen>
  );
}

function ViewTabs({ search, current }: { search: URLSearchParams; current: string }) {
  return (
    <nav className="report-views no-print" aria-label="Reports">
      <ul>
        {VIEWS.map(({ value, label }) => {
          const next = new URLSearchParams(search);
          next.set('view', value);
          return (
            <li key={value}>
              <Link to={`?${next.toString()}`} replace aria-current={current === value ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The filters in words, for the summary's heading: venue, locality, kind and facilitator as chosen. */
function scopeText(params: ReportParams, data: ReportData): string {
  const { venueId, locality, kind, facilitator } = params.filters;
  return [
    venueId && (data.venues.find((venue) => venue.id === venueId)?.name ?? 'one venue'),
    locality && `venues in ${locality}`,
    kind && `${kind} sessions`,
    facilitator && `facilitated by ${facilitator}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function ReportView({ reports, params, data }: { reports: Reports; params: ReportParams; data: ReportData }) {
  const { from, to } = params.filters;
  const figure = { from, to };
  switch (params.view) {
    case 'summary':
      return <FunderSummary reports={reports} from={from} to={to} scope={scopeText(params, data)} />;
    case 'barriers':
      return (
        <>
          <ReportFigure
            {...figure}
            table={reports.barriers.support}
            chart={{ keys: ['attendances'], horizontal: true }}
          />
          <ReportFigure
            {...figure}
            table={reports.barriers.planned}
            chart={{ keys: ['met', 'notMet'], horizontal: true }}
            note="From the crèche places and lifts or taxis planned on each session’s page. A crèche place is met when it is within the places offered."
          />
          <ReportFigure
            {...figure}
            table={reports.barriers.outreach}
            chart={{ keys: ['contacted', 'came'], horizontal: true }}
            note="Each person’s last answer before each session, and whether they then came."
          />
          <ReportFigure {...figure} table={reports.barriers.afterContact} />
          <ReportFigure
            {...figure}
            table={reports.barriers.followUps}
            chart={{ keys: ['followUps'], horizontal: true }}
            note="Follow-ups due in these dates, done by the day they were due or not."
          />
          <ReferralsFigure from={from} to={to} />
        </>
      );
    case 'wellbeing':
      return (
        <>
          <ReportFigure
            {...figure}
            table={reports.wellbeing.focusOverTime}
            chart={{ keys: reports.wellbeing.focusOverTime.columns.slice(1).map((column) => column.key), type: 'line' }}
            note="How many notes raised each focus area."
          />
          <ReportFigure {...figure} table={reports.wellbeing.focusAreas} />
          <ReportFigure
            {...figure}
            table={reports.wellbeing.ons4Changes}
            chart={{ keys: ['better', 'same', 'worse'], horizontal: true }}
            note={`Parents who answered at least twice in these dates: their first answer against their latest. ${ONS4_ATTRIBUTION}`}
          />
          <ReportFigure {...figure} table={reports.wellbeing.ons4Distribution} />
          <ReportFigure
            {...figure}
            table={reports.wellbeing.concerns}
            note="Concerns raised in notes, and how soon a coordinator picked them up."
          />
        </>
      );
    default:
      return (
        <>
          <ReportFigure {...figure} table={reports.attendance.byPeriod} chart={{ keys: ['attendances', 'parents'] }} />
          <ReportFigure {...figure} table={reports.attendance.repeat} />
          <ReportFigure
            {...figure}
            table={reports.attendance.byLocality}
            chart={{ keys: ['parents'], horizontal: true }}
            note="Where the parents who came live."
          />
          <ReportFigure
            {...figure}
            table={reports.attendance.byVenue}
            chart={{ keys: ['attendances'], horizontal: true }}
          />
          <ReportFigure
            {...figure}
            table={reports.attendance.heardVia}
            chart={{ keys: ['parents'], horizontal: true }}
          />
          {reports.attendance.heardViaByRoute ? (
            <ReportFigure
              {...figure}
              table={reports.attendance.heardViaByRoute}
              note="Against the places chosen in Settings → Promotion: a route that brought nobody shows as 0."
            />
          ) : (
            <p className="no-print">
              To set how parents heard against where you promote the groups, choose those places in{' '}
              <Link to="/settings/promotion">Settings → Promotion</Link> (it needs signal).
            </p>
          )}
        </>
      );
  }
}
