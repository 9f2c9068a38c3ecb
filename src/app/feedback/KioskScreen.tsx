// The feedback kiosk: the tablet handed to parents at the end of a session, outside the shell so nothing else
// in the app can be reached, until the facilitator unlocks it with their app PIN.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useOutletContext } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { useKiosk } from '../../db/kiosk.ts';
import type { SignedInUser } from '../../db/meta.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { useDraft } from '../components/form/index.ts';
import { useAutoSync } from '../sync/SyncContext.ts';
import { FeedbackQuestions, emptyAnswers, feedbackValues, hasAnswer, type KioskAnswers } from './FeedbackQuestions.tsx';
import { wrongPinMessage } from '../lock/LockScreen.tsx';
import { MAX_WRONG_PINS, PIN_MAX } from '../lock/pin.ts';
import { KioskQuestionnaire } from './KioskQuestionnaire.tsx';
import { unlockKiosk } from './kioskLock.ts';
import '../styles/feedback.css';

/** Long enough to read "Thank you" and hand the tablet on; the button moves on at once. */
const THANKS_MS = 8000;

export function KioskScreen() {
  const user = useOutletContext<SignedInUser | null>();
  const kiosk = useKiosk();
  // Changes made here still sync while the kiosk is on, as they do in the shell.
  useAutoSync();

  useEffect(() => {
    document.title = 'Your feedback — Coorie';
  }, []);

  // Remembered so that, once unlocked, the facilitator lands back on that session's kiosk screen.
  const [lastSessionId, setLastSessionId] = useState<string | null>(null);
  if (kiosk && kiosk.sessionId !== lastSessionId) setLastSessionId(kiosk.sessionId);

  if (!user) return <Navigate to="/sign-in" replace />;
  if (kiosk === undefined) return null;
  if (kiosk === null) {
    return <Navigate to={lastSessionId ? `/sessions/${encodeURIComponent(lastSessionId)}/feedback` : '/'} replace />;
  }
  return <Kiosk sessionId={kiosk.sessionId} userId={user.id} questionnaireId={kiosk.questionnaireId} />;
}

function Kiosk({
  sessionId,
  userId,
  questionnaireId,
}: {
  sessionId: string;
  userId: string;
  questionnaireId: string | undefined;
}) {
  const [thanks, setThanks] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!thanks) return;
    heading.current?.focus();
    const timer = setTimeout(() => setThanks(false), THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanks]);

  return (
    <div className="kiosk">
      <main className="kiosk-main">
        {thanks ? (
          <div className="kiosk-thanks">
            <h1 ref={heading} tabIndex={-1}>
              Thank you
            </h1>
            <p>Your answers help us make the next session better.</p>
            <p>Please hand it back, or to the next person.</p>
            <button type="button" className="button-primary kiosk-big" onClick={() => setThanks(false)}>
              Next person
            </button>
          </div>
        ) : questionnaireId ? (
          <KioskQuestionnaire
            questionnaireId={questionnaireId}
            sessionId={sessionId}
            userId={userId}
            onSent={() => setThanks(true)}
          />
        ) : (
          <KioskForm sessionId={sessionId} userId={userId} onSent={() => setThanks(true)} />
        )}
      </main>
      <footer className="kiosk-footer">
        {finishing ? (
          <UnlockForm onCancel={() => setFinishing(false)} />
        ) : (
          <button type="button" className="kiosk-finish" onClick={() => setFinishing(true)}>
            Finish
          </button>
        )}
      </footer>
    </div>
  );
}

/** One parent's answers; mounted afresh for each, so nobody sees what the person before them chose. */
function KioskForm({ sessionId, userId, onSent }: { sessionId: string; userId: string; onSent: () => void }) {
  const db = useDb();
  const draft = useDraft<KioskAnswers>(`kiosk-feedback:${sessionId}`, emptyAnswers);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answers = draft.value;
    if (!hasAnswer(answers)) {
      setProblem('Tap a face or an answer first, then Send.');
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      await saveRecord(db, 'feedback', newId(), feedbackValues(sessionId, answers), { userId });
      await draft.discard();
      onSent();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void send(event)} noValidate>
      <h1 tabIndex={-1}>How was today?</h1>
      <p className="kiosk-lede">A few taps, no names. Nobody will know which answers are yours.</p>
      <FeedbackQuestions
        answers={draft.value}
        onChange={(next) => {
          setProblem(null);
          draft.setValue(next);
        }}
      />
      <div role="alert" className={problem ? 'problem' : undefined}>
        {problem && <p>{problem}</p>}
      </div>
      <button type="submit" className="button-primary kiosk-big" disabled={busy}>
        Send
      </button>
    </form>
  );
}

function UnlockForm({ onCancel }: { onCancel: () => void }) {
  const db = useDb();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  async function unlock(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (pin === '') {
      setMessage('Type your PIN, then Unlock.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      // Once unlocked, the kiosk screen itself leads back to the session, as the kiosk state turns off; after
      // too many wrong PINs the device is wiped and the sign-in screen takes over.
      const result = await unlockKiosk(db, pin);
      if (result.unlocked || result.check === 'off' || result.check.outcome !== 'wrong') return;
      setPin('');
      input.current?.focus();
      const wrong = wrongPinMessage(result.check, MAX_WRONG_PINS - result.check.triesLeft);
      setMessage(`${wrong} The kiosk stays on.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="kiosk-unlock" onSubmit={(event) => void unlock(event)} noValidate>
      <div className={message ? 'field field-invalid' : 'field'}>
        <label htmlFor="kiosk-pin">Facilitator: your PIN</label>
        {message && (
          <p className="field-error" id="kiosk-pin-error" role="alert">
            <span className="visually-hidden">Error: </span>
            {message}
          </p>
        )}
        <input
          ref={input}
          id="kiosk-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={PIN_MAX}
          value={pin}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'kiosk-pin-error' : undefined}
          onChange={(event) => setPin(event.target.value)}
        />
      </div>
      <div className="kiosk-unlock-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Checking…' : 'Unlock'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
