// Today's sessions, then the rest of the week's, each one tap from its check-in around the session's time.
import { Link } from 'react-router';
import { checkInTime } from '../../domain/checkInTime.ts';
import type { Session } from '../../domain/session.ts';
import { formatTime } from '../format.ts';
import { weekdayLabel } from './labels.ts';

function SessionCard({ session, showDay, now }: { session: Session; showDay: boolean; now: Date }) {
  const path = `/sessions/${encodeURIComponent(session.id)}`;
  const cancelled = session.status === 'cancelled';
  const time = session.startsAt ? formatTime(session.startsAt) : '';
  const end = session.endsAt ? `–${formatTime(session.endsAt)}` : '';
  const when = checkInTime(session, now);
  return (
    <li className={cancelled ? 'today-card today-card-cancelled' : 'today-card'}>
      <div className="today-card-text">
        <Link to={path} className="today-card-title">
          {session.title}
        </Link>
        <span className="record-meta">
          {showDay && session.startsAt ? `${weekdayLabel(session.startsAt)}, ` : ''}
          {time}
          {end}
          {session.kind ? ` · ${session.kind}` : ''}
          {cancelled && <span className="record-tag">Cancelled</span>}
          {!cancelled && when === 'finished' && <span className="record-tag">Finished</span>}
        </span>
      </div>
      {/* Check-in is offered around the session's time only; afterwards, attendance can still be put right. */}
      {!cancelled && when === 'open' && (
        <Link to={`${path}/check-in`} className="button-primary today-checkin">
          Check in<span className="visually-hidden"> at {session.title}</span>
        </Link>
      )}
      {!cancelled && when === 'finished' && (
        <Link to={`${path}/check-in`} className="button-secondary today-checkin">
          Record attendance late<span className="visually-hidden"> at {session.title}</span>
        </Link>
      )}
    </li>
  );
}

export function TodaySessions({
  today,
  laterThisWeek,
  now,
}: {
  today: Session[];
  laterThisWeek: Session[];
  now: Date;
}) {
  return (
    <>
      <section aria-labelledby="today-sessions" className="today-section">
        <h2 id="today-sessions">Sessions today</h2>
        {today.length === 0 ? (
          <p className="today-none">
            No sessions today. <Link to="/sessions">Plan one in Sessions</Link>.
          </p>
        ) : (
          <ul className="today-list">
            {today.map((session) => (
              <SessionCard key={session.id} session={session} showDay={false} now={now} />
            ))}
          </ul>
        )}
      </section>
      {laterThisWeek.length > 0 && (
        <section aria-labelledby="today-week" className="today-section">
          <h2 id="today-week">Later this week</h2>
          <ul className="today-list">
            {laterThisWeek.map((session) => (
              <SessionCard key={session.id} session={session} showDay now={now} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
