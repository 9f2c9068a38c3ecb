// For a coordinator: colleagues' visits whose start has passed with no arrival reaching Coorie. Shown, never
// alerted (the visitor may simply have no signal), with the visitor and buddy one tap away.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import type { Visit } from '../../domain/visit.ts';
import { formatTime } from '../format.ts';

const VisitCalls = lazy(() => import('./VisitCalls.tsx'));

export function NotStartedVisits({
  visits,
  attendees,
  ownId,
}: {
  visits: Visit[];
  attendees: ReadonlyMap<string, Attendee>;
  ownId: string;
}) {
  if (visits.length === 0) return null;
  return (
    <section aria-labelledby="today-not-started" className="today-section">
      <h2 id="today-not-started">Visits not started or not synced</h2>
      <p>
        Their start has passed and no “I’ve arrived” has reached Coorie. The visitor may have no signal: ring them if
        you need to know.
      </p>
      <ul className="today-list">
        {visits.map((visit) => {
          const name = attendees.get(visit.attendeeId ?? '')?.displayName;
          const who = name ? `Visit to ${name}` : 'Visit';
          return (
            <li key={visit.id} className="today-card">
              <div className="today-card-text">
                <Link to={`/visits/${encodeURIComponent(visit.id)}`} className="today-card-title">
                  {who}
                </Link>
                <span className="record-meta">
                  Booked for {visit.at ? formatTime(visit.at) : 'today'}: not started or not synced
                </span>
                <Suspense fallback={null}>
                  <VisitCalls visit={visit} ownId={ownId} who={who} />
                </Suspense>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
