// Home visits on Today: overdue ones first and loud (the lone-worker check), then those under way and planned.
import { addMinutes } from 'date-fns';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import type { Visit } from '../../domain/visit.ts';
import { formatTime } from '../format.ts';

const DEFAULT_MINUTES = 60;

function who(visit: Visit, attendees: ReadonlyMap<string, Attendee>): string {
  const name = attendees.get(visit.attendeeId ?? '')?.displayName;
  return name ? `Visit to ${name}` : 'Visit';
}

function expectedBack(visit: Visit): string {
  if (!visit.arrivedAt) return '';
  return formatTime(addMinutes(new Date(visit.arrivedAt), visit.expectedMinutes ?? DEFAULT_MINUTES));
}

// Only when a colleague's visit is overdue: the team's contacts stay out of Today's first load.
const VisitCalls = lazy(() => import('./VisitCalls.tsx'));

const visitPath = (visit: Visit) => `/visits/${encodeURIComponent(visit.id)}`;

export function OverdueVisits({
  visits,
  attendees,
  ownId,
}: {
  visits: Visit[];
  attendees: ReadonlyMap<string, Attendee>;
  ownId: string;
}) {
  // role="alert" so that a visit turning overdue while the screen is open is announced, not only shown.
  return (
    <section className="today-alert" role="alert" aria-labelledby={visits.length > 0 ? 'today-overdue' : undefined}>
      {visits.length > 0 && (
        <>
          <h2 id="today-overdue">Not heard back: visits overdue</h2>
          <p>
            Nobody has said “I’ve left safely”. Ring the supporter now; if you cannot reach them, follow your
            lone-worker procedure.
          </p>
          <ul className="today-list">
            {visits.map((visit) => (
              <li key={visit.id} className="today-card today-card-alert">
                <div className="today-card-text">
                  <Link to={visitPath(visit)} className="today-card-title">
                    {who(visit, attendees)}
                  </Link>
                  <span>
                    {(visit.supporterId || visit.createdBy) === ownId ? 'Your visit. ' : ''}Arrived{' '}
                    {visit.arrivedAt ? formatTime(visit.arrivedAt) : ''}, expected to leave by {expectedBack(visit)}
                  </span>
                  {(visit.supporterId || visit.createdBy) !== ownId && (
                    <Suspense fallback={null}>
                      <VisitCalls visit={visit} ownId={ownId} who={who(visit, attendees)} />
                    </Suspense>
                  )}
                </div>
                <Link to={visitPath(visit)} className="button-primary today-checkin">
                  Open visit<span className="visually-hidden"> {who(visit, attendees).replace(/^Visit /, '')}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function TodayVisits({
  inProgress,
  planned,
  attendees,
}: {
  inProgress: Visit[];
  planned: Visit[];
  attendees: ReadonlyMap<string, Attendee>;
}) {
  if (inProgress.length + planned.length === 0) return null;
  return (
    <section aria-labelledby="today-visits" className="today-section">
      <h2 id="today-visits">Visits</h2>
      <ul className="today-list">
        {inProgress.map((visit) => (
          <li key={visit.id} className="today-card">
            <div className="today-card-text">
              <Link to={visitPath(visit)} className="today-card-title">
                {who(visit, attendees)}
              </Link>
              <span className="record-meta">
                In progress: arrived {visit.arrivedAt ? formatTime(visit.arrivedAt) : ''}, back by {expectedBack(visit)}
              </span>
            </div>
          </li>
        ))}
        {planned.map((visit) => (
          <li key={visit.id} className="today-card">
            <div className="today-card-text">
              <Link to={visitPath(visit)} className="today-card-title">
                {who(visit, attendees)}
              </Link>
              <span className="record-meta">Planned for {visit.at ? formatTime(visit.at) : 'today'}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
