// Visits: home visits and 1-2-1s, with overdue ones (nobody marked safe) at the top and standing out.
import { Link } from 'react-router';
import { usePeopleByIds } from '../../db/sessions.ts';
import { useVisitList } from '../../db/visits.ts';
import { useVisitGrace } from '../alerts/alertPeriods.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import '../styles/controls.css';
import '../styles/visits.css';
import { useNow } from './useNow.ts';
import { VisitCard } from './VisitCard.tsx';
import { groupVisits, RECENT_DONE } from './visitLists.ts';

export function VisitsScreen() {
  const user = useCurrentUser();
  // The visits the list can show and the people they are with, read through indexes and by key.
  const visits = useVisitList(user, RECENT_DONE);
  const people = usePeopleByIds(visits?.map((visit) => visit.attendeeId ?? '').filter(Boolean));
  const now = useNow();
  const grace = useVisitGrace();
  const names = new Map((people ?? []).map((person) => [person.id, String(person.displayName ?? '')]));

  return (
    <Screen title="Visits">
      <p>
        <Link to="/visits/new" className="button-primary button-link">
          Schedule a visit
        </Link>
      </p>
      {visits === undefined || people === undefined || grace === undefined || !user ? (
        <Loading />
      ) : visits.length === 0 ? (
        <EmptyState>
          <p>No visits booked.</p>
          <p>Home visits and 1-2-1s you arrange will show here, with a check-in when you arrive and leave.</p>
        </EmptyState>
      ) : (
        groupVisits(visits, user, now, grace).map((group) => {
          const headingId = `visits-${group.title.toLowerCase().replaceAll(' ', '-')}`;
          return (
            <section key={group.title} aria-labelledby={headingId}>
              <h2 id={headingId}>
                {group.title} <span className="visit-count">({group.visits.length})</span>
              </h2>
              <ul className="visit-list" aria-labelledby={headingId}>
                {group.visits.map((visit) => (
                  <VisitCard
                    key={visit.id}
                    visit={visit}
                    personName={names.get(visit.attendeeId ?? '') || 'someone no longer on this device'}
                    now={now}
                    grace={grace}
                    mine={visit.supporterId === user.id}
                    coordinator={user.role === 'coordinator'}
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </Screen>
  );
}
