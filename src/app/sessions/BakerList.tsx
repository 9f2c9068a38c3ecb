// The baker's list: the cakes to bring to the cake session, as counts ("3 × Victoria sponge") and never with
// names, so that it can be printed and handed to whoever bakes or buys them.
import { Link, useParams } from 'react-router';
import { useRecord, useRecordsWhere } from '../../db/hooks.ts';
import { usePeopleByIds, useSessionRun } from '../../db/sessions.ts';
import type { Attendee } from '../../domain/attendee.ts';
import type { CheckIn } from '../../domain/checkIn.ts';
import { expectedAttendees, previousSession } from '../../domain/expected.ts';
import { bakerList } from '../../domain/food.ts';
import type { Session } from '../../domain/session.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { formatLongDate } from '../format.ts';
import { SessionNotFound } from './PlanScreens.tsx';
import '../styles/sessions.css';

/** Whose cakes come: everyone expected at the session, and everyone who came to any session of its course. */
export function cakePeople(
  session: Session,
  series: readonly Session[],
  expected: readonly Attendee[],
  checkIns: readonly CheckIn[],
  attendees: readonly Attendee[],
): Attendee[] {
  const courseIds = new Set(series.map((other) => other.id));
  courseIds.add(session.id);
  const came = new Set(
    checkIns
      .filter((entry) => entry.deleted !== true && entry.present === true && courseIds.has(entry.sessionId ?? ''))
      .map((entry) => entry.attendeeId),
  );
  const people = new Map(expected.map((person) => [person.id, person]));
  for (const person of attendees) if (came.has(person.id) && !person.mergedInto) people.set(person.id, person);
  return [...people.values()];
}

export function BakerScreen() {
  const { id = '' } = useParams();
  const row = useRecord('session', id);
  const sessionRows = useSessionRun(row);
  const outreachRows = useRecordsWhere('outreach', 'sessionId', [id]);
  const session = row ?? undefined;
  const sessions = sessionRows ?? [];
  const previous = session ? previousSession(session, sessions) : undefined;
  const series = session?.seriesId ? sessions.filter((other) => other.seriesId === session.seriesId) : [];
  const sessionIds = [...new Set([id, ...series.map((s) => s.id), ...(previous ? [previous.id] : [])])].sort();
  const checkInRows = useRecordsWhere('checkIn', 'sessionId', sessionIds);
  const attendeeRows = usePeopleByIds(
    outreachRows && checkInRows
      ? [...outreachRows, ...checkInRows].map((entry) => entry.attendeeId ?? '').filter(Boolean)
      : undefined,
  );
  if (row === undefined || sessionRows === undefined || outreachRows === undefined || attendeeRows === undefined) {
    return <Loading />;
  }
  if (row === null || !session) return <SessionNotFound />;
  const checkIns = checkInRows ?? [];
  const expected = expectedAttendees(session, sessions, outreachRows, checkIns, attendeeRows);
  const people = cakePeople(session, series, expected, checkIns, attendeeRows);
  const cakes = bakerList(people);
  const unanswered = people.filter((person) => !person.cake?.trim()).length;
  return (
    <Screen title="Cakes for the baker" className="baker">
      <p className="lede">
        {session.title || 'Untitled session'}
        {session.startsAt && <>, {formatLongDate(session.startsAt)}</>}
      </p>
      {cakes.length === 0 ? (
        <p className="empty-line">Nobody coming has said what cake they would be yet.</p>
      ) : (
        <ul className="baker-list" aria-label="Cakes to bring">
          {cakes.map((entry) => (
            <li key={entry.cake}>
              {entry.count} × {entry.cake}
            </li>
          ))}
        </ul>
      )}
      {unanswered > 0 && (
        <p>
          {unanswered} {unanswered === 1 ? 'person has' : 'people have'} not said yet: a plain sponge for{' '}
          {unanswered === 1 ? 'them' : 'each'} is a safe choice.
        </p>
      )}
      <p className="field-hint">No names: the list says only which cakes and how many.</p>
      <div className="session-actions no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print the list
        </button>
        <Link className="button-link button-secondary" to={`/sessions/${encodeURIComponent(session.id)}`}>
          Back to the session
        </Link>
      </div>
    </Screen>
  );
}
