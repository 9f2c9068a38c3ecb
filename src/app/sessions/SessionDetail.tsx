// One session: its plan, the ways into check-in, outreach and notes, what to play, and afterwards a reflection.
import { Link, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { usePeopleByIds, useSessionRun } from '../../db/sessions.ts';
import { useRecord, useRecordsWhere } from '../../db/hooks.ts';
import { expectedAttendees, previousSession } from '../../domain/expected.ts';
import { isCakeSession } from '../../domain/cakeSession.ts';
import type { Session } from '../../domain/session.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { formatLongDate, formatTime } from '../format.ts';
import { SessionNotFound } from './PlanScreens.tsx';
import { KIND_LABELS, THEME_LABELS } from './planForm.ts';
import { Barriers } from './Barriers.tsx';
import { FoodList } from './FoodList.tsx';
import { CakeList, MakeCourse, Reflection, Suggestions } from './SessionExtras.tsx';
import '../styles/sessions.css';
import { venueLabel } from '../../domain/venueWords.ts';
import { checkInTime } from '../../domain/checkInTime.ts';
import { useNow } from '../visits/useNow.ts';

const themeLabel = (theme: string) =>
  theme in THEME_LABELS ? THEME_LABELS[theme as keyof typeof THEME_LABELS] : theme;

function Materials({ session }: { session: Session }) {
  const db = useDb();
  const user = useCurrentUser();
  const materials = session.materials ?? [];
  if (materials.length === 0) return null;
  const tick = (index: number, done: boolean) =>
    void saveRecord(
      db,
      'session',
      session.id,
      { materials: materials.map((entry, i) => (i === index ? { ...entry, done } : entry)) },
      { userId: user?.id ?? '' },
    );
  return (
    <section aria-labelledby="materials-heading">
      <h2 id="materials-heading">Things to bring</h2>
      <ul className="checklist">
        {materials.map((entry, index) => (
          <li key={`${entry.item}-${index}`}>
            <label className="check">
              <input type="checkbox" checked={entry.done} onChange={(event) => tick(index, event.target.checked)} />
              <span>{entry.item}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SessionDetail() {
  const { id = '' } = useParams();
  const now = useNow();
  const row = useRecord('session', id);
  // The sessions of its course or venue, and only the people its outreach and check-ins name: not everyone's.
  const sessionRows = useSessionRun(row);
  const venueRow = useRecord('venue', row?.venueId);
  const outreachRows = useRecordsWhere('outreach', 'sessionId', [id]);
  const sessions = sessionRows ?? [];
  const session = row ?? undefined;
  const previous = session ? previousSession(session, sessions) : undefined;
  const series = session?.seriesId ? sessions.filter((other) => other.seriesId === session.seriesId) : [];
  const checkInSessionIds = [...new Set([id, ...series.map((s) => s.id), ...(previous ? [previous.id] : [])])].sort();
  const checkInRows = useRecordsWhere('checkIn', 'sessionId', checkInSessionIds);
  const bookingRows = useRecordsWhere('booking', 'sessionId', [id]);
  const attendeeRows = usePeopleByIds(
    outreachRows && checkInRows && bookingRows
      ? [...outreachRows, ...checkInRows, ...bookingRows].map((entry) => entry.attendeeId ?? '').filter(Boolean)
      : undefined,
  );

  // Everything the screen counts comes in one go, so it never shows "Nobody confirmed yet" on its way to a list.
  const loading =
    row === undefined ||
    sessionRows === undefined ||
    attendeeRows === undefined ||
    outreachRows === undefined ||
    checkInRows === undefined ||
    bookingRows === undefined ||
    (!!row?.venueId && venueRow === undefined);
  if (loading) return <Loading />;
  if (row === null || !session) return <SessionNotFound />;
  const venue = venueRow ?? undefined;
  const attendees = attendeeRows ?? [];
  const checkIns = checkInRows ?? [];
  const expected = expectedAttendees(session, sessions, outreachRows ?? [], checkIns, attendees);
  const started = !!session.startsAt && new Date(session.startsAt).getTime() <= Date.now();
  const cakeSession = isCakeSession(session, sessions);
  const bookings = (bookingRows ?? []).filter((booking) => booking.deleted !== true);
  const booked = new Set(bookings.map((booking) => booking.attendeeId));
  // Whom places and lifts can be planned for: those expected, anyone checked in (a lift home), and anyone already
  // booked who is neither any more.
  const here = new Set(
    checkIns
      .filter((entry) => entry.sessionId === session.id && entry.present === true && entry.deleted !== true)
      .map((entry) => entry.attendeeId),
  );
  const expectedIds = new Set(expected.map((person) => person.id));
  const planFor = [
    ...expected,
    ...attendees
      .filter((person) => !expectedIds.has(person.id) && (here.has(person.id) || booked.has(person.id)))
      .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'en-GB')),
  ];

  return (
    <Screen title={session.title || 'Untitled session'} className="session-detail">
      <p className="lede">
        {session.startsAt && (
          <time dateTime={session.startsAt}>
            {formatLongDate(session.startsAt)}, {formatTime(session.startsAt)}
            {session.endsAt && `–${formatTime(session.endsAt)}`}
          </time>
        )}
        {venue?.name && (
          <>
            {' · '}
            {venueLabel(venue)}
          </>
        )}
        {session.status === 'cancelled' && <span className="record-tag">Cancelled</span>}
      </p>
      <nav aria-label="This session" className="session-actions">
        {checkInTime(session, now) === 'finished' ? (
          <Link className="button-link button-secondary" to={`/sessions/${session.id}/check-in`}>
            Record attendance late
          </Link>
        ) : (
          <Link className="button-link button-primary" to={`/sessions/${session.id}/check-in`}>
            Check in
          </Link>
        )}
        <Link className="button-link button-secondary" to={`/sessions/${session.id}/reach-out`}>
          Reach out
        </Link>
        <Link className="button-link button-secondary" to={`/sessions/${session.id}/notes`}>
          Write notes
        </Link>
        <Link className="button-link button-secondary" to={`/sessions/${session.id}/edit`}>
          Edit the plan
        </Link>
        <Link className="button-link button-secondary" to={`/sessions/new?from=${encodeURIComponent(session.id)}`}>
          New from this session
        </Link>
      </nav>

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">The plan</h2>
        <dl className="facts">
          {session.kind && (
            <div>
              <dt>Kind</dt>
              <dd>{KIND_LABELS[session.kind]}</dd>
            </div>
          )}
          <div>
            <dt>Theme</dt>
            <dd>{session.theme ? themeLabel(session.theme) : 'No theme'}</dd>
          </div>
          <div>
            <dt>Facilitators</dt>
            <dd>{session.facilitators?.length ? session.facilitators.join(', ') : 'Nobody yet'}</dd>
          </div>
          <div>
            <dt>Childcare</dt>
            <dd>{session.childcare || 'None arranged'}</dd>
          </div>
          <div>
            <dt>Expected</dt>
            <dd>
              {expected.length === 0
                ? 'Nobody confirmed yet'
                : `${expected.length} ${expected.length === 1 ? 'person' : 'people'}: ${expected
                    .map((attendee) => attendee.displayName)
                    .join(', ')}`}
            </dd>
          </div>
        </dl>
        {(session.outline?.length ?? 0) > 0 && (
          <>
            <h3>Outline</h3>
            <ol className="outline-view">
              {session.outline?.map((step, index) => (
                <li key={`${step}-${index}`}>{step}</li>
              ))}
            </ol>
          </>
        )}
      </section>
      <Materials session={session} />
      <Barriers session={session} people={planFor} bookings={bookings} />
      <FoodList session={session} expected={expected} cakeSession={cakeSession} />
      <Suggestions session={session} expected={expected} />
      {started && <Reflection session={session} />}
      {cakeSession && (
        <CakeList
          sessionIds={series.length > 0 ? series.map((s) => s.id) : [session.id]}
          checkIns={checkIns}
          attendees={attendees}
        />
      )}
      {!session.seriesId && <MakeCourse session={session} />}
    </Screen>
  );
}
