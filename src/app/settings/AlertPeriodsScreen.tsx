// Settings → Alert periods: when the server alerts about this organisation's urgent concerns and visits not
// closed. Coordinators change them; the server's own defaults are named beside each. Online only, like the
// other screens that ask the server (privacy/serverData.tsx).
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { alertPeriodsAnswer, type AlertPeriods } from '../../api/push.ts';
import { MAX_ALERT_MINUTES, MIN_ALERT_MINUTES } from '../../api/limits.ts';
import { useDb } from '../../db/hooks.ts';
import { setMeta } from '../../db/meta.ts';
import { InputField } from '../components/form/index.ts';
import { checked } from '../http/checked.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { CoordinatorScreen, NotReady, useServerData } from '../privacy/serverData.tsx';

type Answer = { periods: AlertPeriods; defaults: AlertPeriods };

const PATH = '/api/organisation/alert-periods';
const load = () => checked('GET', PATH, alertPeriodsAnswer);

const FIELDS: ReadonlyArray<{ key: keyof AlertPeriods; label: string; hint: string }> = [
  {
    key: 'urgentRepeatMinutes',
    label: 'Remind coordinators of an urgent concern after (minutes)',
    hint: 'Coordinators are alerted at once, and once more after this long if nobody has picked it up.',
  },
  {
    key: 'visitGraceMinutes',
    label: 'Alert the visitor after a visit’s expected end (minutes)',
    hint: 'When a visit has not been closed this long after its expected end, the visitor’s own devices are alerted.',
  },
  {
    key: 'teamAlertMinutes',
    label: 'Then alert the buddy and coordinators after (minutes)',
    hint: 'If the visit is still not closed this long after the visitor was alerted.',
  },
];

export function AlertPeriodsScreen() {
  const answer = useServerData(load);
  const [message, setMessage] = useState('');
  return (
    <CoordinatorScreen title="Alert periods">
      <p>
        <Link className="text-link" to="/settings">
          Back to Settings
        </Link>
      </p>
      <p>
        These periods are your organisation’s: they decide when Coorie alerts people’s devices about urgent concerns and
        home visits that have not been closed.
      </p>
      <div role="status">{message && <p className="notice notice-ok">{message}</p>}</div>
      {answer.state === 'ready' ? (
        <PeriodsForm
          answer={answer.data}
          onSaved={() => {
            setMessage('Saved: the new alert periods apply from now.');
            answer.reload();
          }}
        />
      ) : (
        <NotReady answer={answer} needs="Alert periods" />
      )}
    </CoordinatorScreen>
  );
}

const minutesWord = (minutes: number) => (minutes === 1 ? '1 minute' : `${minutes} minutes`);

function PeriodsForm({ answer, onSaved }: { answer: Answer; onSaved: () => void }) {
  const id = useId();
  const db = useDb();
  const [typed, setTyped] = useState<Record<keyof AlertPeriods, string>>({
    urgentRepeatMinutes: String(answer.periods.urgentRepeatMinutes),
    visitGraceMinutes: String(answer.periods.visitGraceMinutes),
    teamAlertMinutes: String(answer.periods.teamAlertMinutes),
  });
  const [errors, setErrors] = useState<Partial<Record<keyof AlertPeriods, string>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const found: Partial<Record<keyof AlertPeriods, string>> = {};
    const chosen: Partial<AlertPeriods> = {};
    for (const { key } of FIELDS) {
      const text = typed[key].trim();
      const value = Number(text);
      if (!text || !Number.isInteger(value) || value < MIN_ALERT_MINUTES || value > MAX_ALERT_MINUTES) {
        found[key] = `Enter a whole number of minutes from ${MIN_ALERT_MINUTES} to ${MAX_ALERT_MINUTES}.`;
      } else {
        chosen[key] = value;
      }
    }
    setErrors(found);
    const first = FIELDS.find(({ key }) => found[key]);
    if (first) {
      document.getElementById(`${id}-${first.key}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await checked('PUT', PATH, alertPeriodsAnswer, chosen);
      // This device calls visits overdue by the new grace period at once, before its next refresh.
      await setMeta(db, 'alertPeriods', saved.periods);
      onSaved();
    } catch (caught) {
      setProblem(describeProblem(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      {FIELDS.map(({ key, label, hint }) => (
        <InputField
          key={key}
          id={`${id}-${key}`}
          label={label}
          hint={`${hint} This server’s default: ${minutesWord(answer.defaults[key])}.`}
          type="number"
          inputMode="numeric"
          min={String(MIN_ALERT_MINUTES)}
          max={String(MAX_ALERT_MINUTES)}
          value={typed[key]}
          error={errors[key]}
          onChange={(value) => setTyped((current) => ({ ...current, [key]: value }))}
        />
      ))}
      <div role="alert">{problem && <p className="notice notice-problem">{problem.message}</p>}</div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save the alert periods'}
        </button>
      </div>
    </form>
  );
}
