// Erasure on request (README, "Data protection"): the coordinator reads exactly what goes, types the person's name to
// confirm, the server erases, and a sync carries the purge to this tablet (and every other one as it next syncs).
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import { usePersonRecord } from '../../db/people.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { Loading } from '../components/Screen.tsx';
import { useOnline } from '../layout/useOnline.ts';
import { usePageSync } from '../sync/SyncContext.ts';
import { erasePerson } from './api.ts';
import { CoordinatorScreen } from './serverData.tsx';
import { thisDevice } from '../deviceKind.ts';

export function EraseScreen() {
  const { id = '' } = useParams();
  const person = usePersonRecord(id);
  if (person === undefined) return <Loading />;
  if (!person || person.deleted === true) {
    return (
      <CoordinatorScreen title="Not found">
        <p>
          This person is not on this device. <Link to="/people">Back to People</Link>
        </p>
      </CoordinatorScreen>
    );
  }
  const name = person.displayName ?? '';
  return (
    <CoordinatorScreen title={`Erase ${name}`}>
      <EraseForm person={person} name={name} />
    </CoordinatorScreen>
  );
}

function EraseForm({ person, name }: { person: Attendee; name: string }) {
  const navigate = useNavigate();
  const sync = usePageSync();
  const online = useOnline();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const profile = `/people/${encodeURIComponent(person.id)}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (typed.trim() !== name.trim()) {
      setError(typed.trim() ? `That is not ${name}. Type the name exactly as shown.` : `Type ${name} to confirm.`);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setError('');
    setBusy(true);
    try {
      await erasePerson(person.id);
      // The server has erased; this tablet forgets them when the sync pulls the tombstones.
      sync?.requestNow();
      await navigate('/people', {
        replace: true,
        state: {
          message: `${name} has been erased. This device removes everything about them as it syncs, and every other device when it next syncs.`,
        },
      });
    } catch (caught) {
      setProblem(describeProblem(caught));
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        <Link className="text-link" to={profile}>
          Back to {name}’s profile
        </Link>
      </p>
      <div className="danger-zone">
        <h2>What erasing {name} does</h2>
        <ul>
          <li>
            Deletes {name} and every check-in, text or call, note, visit, crèche or transport booking, referral and
            research answer kept with them, including notes other volunteers wrote privately, and any duplicate records
            merged into this one.
          </li>
          <li>Blanks what was changed about them in the history; who made changes, and when, stays.</li>
          <li>Every device removes them when it next syncs, and a device that was offline cannot bring them back.</li>
          <li>Anonymous feedback from sessions stays: it was never linked to anyone.</li>
          <li>Anonymous answers to questionnaires stay too: they name nobody.</li>
        </ul>
        <p>
          <strong>This cannot be undone.</strong> If {name} asked for a copy of what we hold, make it first:{' '}
          <Link to={`${profile}/export`}>everything we hold about {name}</Link>.
        </p>
      </div>
      {!online && (
        <p className="notice notice-warning" role="status">
          {thisDevice(true)} is offline. Erasing needs the server: connect to the internet, then erase.
        </p>
      )}
      <div role="alert">{problem && <p className="notice notice-problem">{problem.message}</p>}</div>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-name`}>Type {name} to confirm</label>
          {error && (
            <p className="field-error" id={`${id}-error`}>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          )}
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            value={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-danger" disabled={busy || !online}>
            {busy ? 'Erasing…' : `Erase ${name} for good`}
          </button>
          <Link className="button-link button-secondary" to={profile}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
