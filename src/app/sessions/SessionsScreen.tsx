// Sessions: a list (upcoming first, past below) or a Monday-to-Sunday week, and the way in to plan one.
import { addWeeks } from 'date-fns';
import { Link, useSearchParams } from 'react-router';
import { useRecords } from '../../db/hooks.ts';
import { londonDate } from '../../domain/london.ts';
import { sessionsOn, weekDays } from '../../domain/schedule.ts';
import type { Session } from '../../domain/session.ts';
import type { Venue } from '../../domain/venue.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { formatDateTime, formatTime } from '../format.ts';
import { KIND_LABELS } from './planForm.ts';
import '../styles/sessions.css';

const startOf = (session: Session) => new Date(session.startsAt ?? 0).getTime();

function SessionLink({
  session,
  venues,
  withDate,
}: {
  session: Session;
  venues: Map<string, Venue>;
  withDate: boolean;
}) {
  const venue = session.venueId ? venues.get(session.venueId) : undefined;
  const cancelled = session.status === 'cancelled';
  return (
    <Link to={`/sessions/${session.id}`} className={cancelled ? 'session-card session-cancelled' : 'session-card'}>
      <span className="record-title">
        {session.title || 'Untitled session'}
        {cancelled && <span className="record-tag">Cancelled</span>}
      </span>
      <span className="record-meta">
        {session.startsAt && (
          <time dateTime={session.startsAt}>
            {withDate ? formatDateTime(session.startsAt) : formatTime(session.startsAt)}
            {session.endsAt && `–${formatTime(session.endsAt)}`}
          </time>
        )}
        {venue?.name && <span> · {venue.name}</span>}
        {session.kind && <span> · {KIND_LABELS[session.kind]}</span>}
      </span>
    </Link>
  );
}

function ListView({ sessions, venues, now }: { sessions: Session[]; venues: Map<string, Venue>; now: Date }) {
  const today = londonDate(now);
  // A session today stays under "Coming up" all day, so it is easy to find during and just after it.
  const upcoming = sessions
    .filter((s) => londonDate(s.startsAt ?? '') >= today)
    .sort((a, b) => startOf(a) - startOf(b));
  const past = sessions.filter((s) => londonDate(s.startsAt ?? '') < today).sort((a, b) => startOf(b) - startOf(a));
  return (
    <>
      <h2 id="upcoming-heading">Coming up</h2>
      {upcoming.length === 0 ? (
        <p className="empty-line">Nothing planned from today on.</p>
      ) : (
        <ul className="record-list" aria-labelledby="upcoming-heading">
          {upcoming.map((session) => (
            <li key={session.id}>
              <SessionLink session={session} venues={venues} withDate />
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <>
          <h2 id="past-heading">Past sessions</h2>
          <ul className="record-list" aria-labelledby="past-heading">
            {past.map((session) => (
              <li key={session.id}>
                <SessionLink session={session} venues={venues} withDate />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function WeekView({ sessions, venues, week }: { sessions: Session[]; venues: Map<string, Venue>; week: number }) {
  const [, setParams] = useSearchParams();
  const days = weekDays(addWeeks(new Date(), week));
  const first = days[0];
  const last = days[days.length - 1];
  const go = (offset: number) =>
    setParams(offset === 0 ? { view: 'week' } : { view: 'week', week: String(offset) }, { replace: true });
  return (
    <>
      <div className="week-nav">
        <button type="button" className="button-secondary" onClick={() => go(week - 1)}>
          <span aria-hidden="true">← </span>Previous week
        </button>
        <h2 className="week-title" aria-live="polite">
          {first && last ? `${first.label} – ${last.label}` : ''}
        </h2>
        <button type="button" className="button-secondary" onClick={() => go(week + 1)}>
          Next week<span aria-hidden="true"> →</span>
        </button>
      </div>
      {week !== 0 && (
        <button type="button" className="quiet-button" onClick={() => go(0)}>
          Back to this week
        </button>
      )}
      <ol className="week" aria-label="Days of the week">
        {days.map((day) => {
          const onDay = sessionsOn(sessions, day.date);
          return (
            <li key={day.date} className={day.isToday ? 'week-day week-today' : 'week-day'}>
              <h3>
                {day.longLabel}
                {day.isToday && <span className="record-tag">Today</span>}
              </h3>
              {onDay.length === 0 ? (
                <p className="empty-line">Nothing planned</p>
              ) : (
                <ul className="record-list">
                  {onDay.map((session) => (
                    <li key={session.id}>
                      <SessionLink session={session} venues={venues} withDate={false} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function SessionsScreen() {
  const rows = useRecords('session', { orderBy: 'startsAt' });
  const venueRows = useRecords('venue');
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'week' ? 'week' : 'list';
  const week = Number.parseInt(params.get('week') ?? '0', 10) || 0;
  const sessions = (rows ?? []).filter((session) => session.startsAt);
  const venues = new Map((venueRows ?? []).map((row) => [row.id, row]));

  return (
    <Screen title="Sessions" className="sessions-screen">
      <div className="screen-actions">
        <Link to="/sessions/new" className="button-link button-primary">
          Plan a session
        </Link>
        <div className="toggle" role="group" aria-label="Show sessions as">
          <button type="button" aria-pressed={view === 'list'} onClick={() => setParams({}, { replace: true })}>
            List
          </button>
          <button
            type="button"
            aria-pressed={view === 'week'}
            onClick={() => setParams({ view: 'week' }, { replace: true })}
          >
            Week
          </button>
        </div>
      </div>
      {rows === undefined || venueRows === undefined ? (
        <Loading />
      ) : view === 'week' ? (
        <WeekView sessions={sessions} venues={venues} week={week} />
      ) : sessions.length === 0 ? (
        <EmptyState>
          <p>No sessions planned yet.</p>
          <p>Sessions you plan will show here, and they're kept on this device even with no signal.</p>
        </EmptyState>
      ) : (
        <ListView sessions={sessions} venues={venues} now={new Date()} />
      )}
    </Screen>
  );
}
