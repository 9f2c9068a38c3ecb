// Notes after a session: the people checked in, one after another. "Next person" saves and moves on.
import { Link, useParams, useSearchParams } from 'react-router';
import { hasConsentForNotes } from '../../domain/consent.ts';
import { useSessionRound } from '../../db/notes.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { formatDateTime } from '../format.ts';
import { ConsentGate } from './ConsentGate.tsx';
import { NoteForm } from './NoteForm.tsx';

export function QuickRoundScreen() {
  const { id: sessionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const round = useSessionRound(sessionId);
  if (round === undefined) return <Loading />;
  const { session, people, noted } = round;
  if (!session) {
    return (
      <Screen title="Session not found" className="people-notes">
        <p>
          This session is not on this device. <Link to="/sessions">Back to Sessions</Link>
        </p>
      </Screen>
    );
  }

  const title = `Notes after ${session.title ?? 'the session'}`;
  const finished = params.get('done') === '1';
  const wanted = params.get('person');
  const index = Math.max(
    0,
    people.findIndex((person) => person.id === wanted),
  );
  const person = finished ? undefined : people[index];
  const next = people[index + 1];
  // Replace rather than push, so that "back" leaves the round instead of stepping through every person.
  const goNext = () => setParams(next ? { person: next.id } : { done: '1' }, { replace: true });

  return (
    <Screen title={title} className="people-notes quick-round">
      {session.startsAt && <p className="lede">{formatDateTime(session.startsAt)}</p>}
      {people.length === 0 ? (
        <EmptyState>
          <p>No one was checked in to this session.</p>
          <p>Notes in a round are for the people who came. Check people in first, or write a note from their page.</p>
        </EmptyState>
      ) : person ? (
        <section aria-labelledby="round-person" className="round-person">
          <p className="round-progress">
            Person {index + 1} of {people.length}
          </p>
          <h2 id="round-person">{person.displayName}</h2>
          {noted.has(person.id) && <p className="notice notice-ok">A note from this session is already saved.</p>}
          <ConsentGate person={person}>
            <NoteForm
              key={person.id}
              person={person}
              draftKey={`note:session:${sessionId}:${person.id}`}
              links={{ attendeeId: person.id, sessionId }}
              context="group"
              submitLabel={next ? 'Next person' : 'Save and finish'}
              onSaved={goNext}
              actions={
                <button type="button" className="button-secondary" onClick={goNext}>
                  Skip
                </button>
              }
            />
          </ConsentGate>
          {!hasConsentForNotes(person) && (
            <div className="form-actions">
              <button type="button" className="button-secondary" onClick={goNext}>
                Skip
              </button>
            </div>
          )}
        </section>
      ) : (
        <section aria-labelledby="round-done" className="round-done">
          <h2 id="round-done">That’s everyone</h2>
          <p>
            {noted.size} of {people.length} people have a note from this session.
          </p>
        </section>
      )}
      {people.length > 0 && (
        <nav aria-labelledby="round-everyone" className="round-everyone">
          <h2 id="round-everyone">Everyone checked in</h2>
          <ul className="record-list">
            {people.map((someone) => (
              <li key={someone.id}>
                <Link
                  className="record record-link"
                  to={`?person=${someone.id}`}
                  replace
                  aria-current={someone.id === person?.id ? 'step' : undefined}
                >
                  <span className="record-title">{someone.displayName}</span>
                  <span className="record-meta">{noted.has(someone.id) ? 'Note written' : 'No note yet'}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </Screen>
  );
}
