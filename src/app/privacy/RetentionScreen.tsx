// Settings → Data retention: the organisation's period, who it would erase now, and a coordinator's explicit
// confirmation before anyone is erased. The server checks the daily; nothing is erased without this screen.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from '../../api/limits.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { InputField, RadioGroup } from '../components/form/index.ts';
import { usePageSync } from '../sync/SyncContext.ts';
import { fetchRetentionPreview, runRetention, saveRetentionMonths, type RetentionPreview } from './api.ts';
import { printDateTime } from './printable.tsx';
import { CoordinatorScreen, NotReady, useServerData } from './serverData.tsx';

const KEEP_OPTIONS = [
  { value: 'keep', label: 'Keep them until a coordinator erases them' },
  { value: 'period', label: 'List them for erasure after a number of months' },
] as const;

export function RetentionScreen() {
  const answer = useServerData(fetchRetentionPreview);
  const [message, setMessage] = useState('');

  return (
    <CoordinatorScreen title="Data retention">
      <p>
        <Link className="text-link" to="/settings">
          Back to Settings
        </Link>
      </p>
      <p>
        Parents are told that what we hold is deleted when they have not been in touch for a while. Choose how long:
        people with no check-in, text or call, note, visit or change to their record for that long are listed here, for
        a coordinator to erase.
      </p>
      <div role="status">{message && <p className="notice notice-ok">{message}</p>}</div>
      {answer.state === 'ready' ? (
        <>
          <PeriodForm
            months={answer.data.months}
            onSaved={(months) => {
              setMessage(months === null ? 'Saved: no retention period.' : `Saved: ${months} months.`);
              answer.reload();
            }}
          />
          <Due
            preview={answer.data}
            onErased={(count) => {
              setMessage(
                `${count === 1 ? '1 person has' : `${count} people have`} been erased. Every device removes them when it next syncs.`,
              );
              answer.reload();
            }}
          />
        </>
      ) : (
        <NotReady answer={answer} needs="Data retention" />
      )}
    </CoordinatorScreen>
  );
}

function PeriodForm({ months, onSaved }: { months: number | null; onSaved: (months: number | null) => void }) {
  const id = useId();
  const [keep, setKeep] = useState(months === null);
  const [typed, setTyped] = useState(months === null ? '' : String(months));
  const [error, setError] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    let chosen: number | null = null;
    if (!keep) {
      const value = Number(typed.trim());
      if (!typed.trim() || !Number.isInteger(value) || value < MIN_RETENTION_MONTHS || value > MAX_RETENTION_MONTHS) {
        setError(`Enter a whole number of months from ${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS}.`);
        document.getElementById(`${id}-months`)?.focus();
        return;
      }
      chosen = value;
    }
    setError('');
    setBusy(true);
    try {
      onSaved(await saveRetentionMonths(chosen));
    } catch (caught) {
      setProblem(describeProblem(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Retention period</h2>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <RadioGroup
          id={`${id}-choice`}
          legend="How long to keep people with no activity"
          options={KEEP_OPTIONS}
          value={keep ? 'keep' : 'period'}
          onChange={(choice) => {
            setKeep(choice === 'keep');
            if (choice === 'keep') setError('');
          }}
        />
        {!keep && (
          <InputField
            id={`${id}-months`}
            label="Months with no activity"
            hint={`From ${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS}. Many groups choose 24.`}
            type="number"
            inputMode="numeric"
            min={String(MIN_RETENTION_MONTHS)}
            max={String(MAX_RETENTION_MONTHS)}
            value={typed}
            error={error}
            onChange={setTyped}
          />
        )}
        <div role="alert">{problem && <p className="notice notice-problem">{problem.message}</p>}</div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save the retention period'}
          </button>
        </div>
      </form>
    </section>
  );
}

function Due({ preview, onErased }: { preview: RetentionPreview; onErased: (count: number) => void }) {
  const sync = usePageSync();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const { months, people } = preview;
  const count = people.length === 1 ? '1 person' : `${people.length} people`;

  async function erase() {
    setProblem(null);
    setBusy(true);
    try {
      const erased = await runRetention(people.map((person) => person.id));
      sync?.requestNow();
      setConfirming(false);
      onErased(erased);
    } catch (caught) {
      setProblem(describeProblem(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="retention-due">
      <h2 id="retention-due">Due for erasure</h2>
      {months === null ? (
        <p>No retention period is set, so nobody is due.</p>
      ) : people.length === 0 ? (
        <p>Nobody has gone {months} months without activity.</p>
      ) : (
        <>
          <p>
            {count} {people.length === 1 ? 'has' : 'have'} had no activity for {months} months or more:
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption>Oldest activity first. Times are UK time.</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Last activity</th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.displayName || 'No name'}</Link>
                    </td>
                    <td>{printDateTime(person.lastActivity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div role="alert">{problem && <p className="notice notice-problem">{problem.message}</p>}</div>
          {!confirming ? (
            <div className="form-actions">
              <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
                Erase these {count}…
              </button>
            </div>
          ) : (
            <div className="danger-zone" role="group" aria-labelledby="retention-confirm">
              <p id="retention-confirm">
                Erase {count} and every check-in, text or call, note, visit, booking, referral and research answer kept
                with them? Anonymous feedback and answers stay. <strong>This cannot be undone.</strong>
              </p>
              <div className="form-actions">
                <button type="button" className="button-danger" disabled={busy} onClick={() => void erase()}>
                  {busy ? 'Erasing…' : `Yes, erase ${count}`}
                </button>
                <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                  Keep them
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
