// Writing one note about one person, from their profile. `?visit=<id>` or `?session=<id>` ties the note to a
// visit (context "home visit") or a session, for the screens that link here after one.
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { usePersonRecord } from '../../db/people.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { ConsentGate } from './ConsentGate.tsx';
import { NoteForm } from './NoteForm.tsx';

export function NewNoteScreen() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const person = usePersonRecord(id);
  const visitId = params.get('visit') ?? undefined;
  const sessionId = params.get('session') ?? undefined;
  if (person === undefined) return <Loading />;
  if (!person || person.deleted === true) {
    return (
      <Screen title="Not found" className="people-notes">
        <p>
          This person is not on this device. <Link to="/people">Back to People</Link>
        </p>
      </Screen>
    );
  }
  const name = person.displayName ?? '';
  return (
    <Screen title={`Note about ${name}`} className="people-notes">
      <p>
        <Link to={`/people/${id}`}>Back to {name}’s page</Link>
        {' · '}
        {/* The note is kept as a draft meanwhile. */}
        <Link to={`/people/${id}/refer`}>Refer or signpost {name}</Link>
      </p>
      <ConsentGate person={person}>
        <NoteForm
          key={`${id}:${visitId ?? sessionId ?? ''}`}
          person={person}
          draftKey={`note:person:${id}:${visitId ?? sessionId ?? ''}`}
          links={{ attendeeId: id, ...(visitId ? { visitId } : {}), ...(sessionId ? { sessionId } : {}) }}
          context={visitId ? 'home visit' : 'group'}
          submitLabel="Save note"
          onSaved={() => navigate(`/people/${id}`, { state: { message: 'Note saved.' } })}
        />
      </ConsentGate>
    </Screen>
  );
}
