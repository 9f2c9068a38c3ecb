// Before handing the tablet to parents: the facilitator chooses the code that will unlock the kiosk again.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { useFeedbackSummary } from '../../db/kiosk.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { formatDateTime } from '../format.ts';
import { KIOSK_PATH, kioskCodeProblem, startKiosk } from './kioskLock.ts';
import '../styles/feedback.css';

type Field = 'code' | 'again';

function problemsOf(code: string, again: string): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const codeProblem = kioskCodeProblem(code);
  if (codeProblem) problems.code = codeProblem;
  else if (again !== code) problems.again = again === '' ? 'Type the code again' : 'The two codes are different';
  return problems;
}

export function KioskSetupScreen() {
  const { id = '' } = useParams();
  const summary = useFeedbackSummary(id);
  if (summary === undefined) {
    return (
      <Screen title="Feedback kiosk">
        <Loading />
      </Screen>
    );
  }
  if (!summary.session) {
    return (
      <Screen title="Feedback kiosk">
        <EmptyState>
          <p>This session is not on this tablet.</p>
          <p>
            <Link to="/sessions">Go to Sessions</Link>
          </p>
        </EmptyState>
      </Screen>
    );
  }
  const { session, count } = summary;
  return (
    <Screen title="Feedback kiosk" className="kiosk-setup">
      <p className="lede">
        {session.title} · {session.startsAt ? formatDateTime(session.startsAt) : 'no time set'}
      </p>
      <p className="kiosk-count" aria-live="polite">
        {count === 0 ? 'No feedback yet from this session.' : `${count} ${count === 1 ? 'answer' : 'answers'} so far.`}
      </p>
      <p>
        Hand the tablet to parents for short anonymous feedback. Nothing else in Coorie can be opened until you unlock
        it with a code you choose now.
      </p>
      {/* The code is a secret, so unlike other forms it is never kept as a draft on the device. */}
      <CodeForm sessionId={session.id} />
      <p>
        <Link to={`/sessions/${encodeURIComponent(session.id)}/check-in`}>Back to check-in</Link>
      </p>
    </Screen>
  );
}

function CodeForm({ sessionId }: { sessionId: string }) {
  const db = useDb();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [again, setAgain] = useState('');
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = problemsOf(code, again);
  const shown = (field: Field) => (submitted || touched[field] ? problems[field] : undefined);

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const first = (['code', 'again'] as const).find((field) => problems[field]);
    if (first) {
      event.currentTarget.querySelector<HTMLInputElement>(`#kiosk-${first}`)?.focus();
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      await startKiosk(db, sessionId, code);
      await navigate(KIOSK_PATH);
    } finally {
      setBusy(false);
    }
  }

  const input = (field: Field, label: string, value: string, set: (value: string) => void, hint?: string) => {
    const error = shown(field);
    const describedBy = [hint && `kiosk-${field}-hint`, error && `kiosk-${field}-error`].filter(Boolean).join(' ');
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={`kiosk-${field}`}>{label}</label>
        {hint && (
          <p className="field-hint" id={`kiosk-${field}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field-error" id={`kiosk-${field}-error`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        )}
        <input
          id={`kiosk-${field}`}
          name={field}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => set(event.target.value)}
          onBlur={() => setTouched((current) => ({ ...current, [field]: true }))}
        />
      </div>
    );
  };

  return (
    <form className="kiosk-code-form" onSubmit={(event) => void start(event)} noValidate>
      {input('code', 'Kiosk code', code, setCode, '4 to 6 digits. You will need it to leave the kiosk.')}
      {input('again', 'Type the code again', again, setAgain)}
      <button type="submit" className="button-primary" disabled={busy}>
        Hand to parents
      </button>
    </form>
  );
}
