// Before handing the tablet to parents: what the kiosk is, and the button that locks Coorie into it. The
// facilitator's app PIN unlocks it again.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { useRecords } from '../../db/hooks.ts';
import { useFeedbackSummary } from '../../db/kiosk.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { formatDateTime } from '../format.ts';
import { KIOSK_PATH, startKiosk } from './kioskLock.ts';
import '../styles/feedback.css';

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
          <p>This session is not on this device.</p>
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
        Hand Coorie over to parents for short anonymous feedback. Nothing else in Coorie can be opened until you unlock
        it with your PIN.
      </p>
      <HandOver sessionId={session.id} />
      <QuestionnaireHandOver sessionId={session.id} />
      <p>
        <Link to={`/sessions/${encodeURIComponent(session.id)}/check-in`}>Back to check-in</Link>
      </p>
    </Screen>
  );
}

/** A peer-research questionnaire open to answers, handed over on the same kiosk, with the same lock. */
function QuestionnaireHandOver({ sessionId }: { sessionId: string }) {
  const open = useRecords('questionnaire')?.filter((questionnaire) => questionnaire.status === 'open');
  if (!open?.length) return null;
  return (
    <section aria-labelledby="kiosk-research">
      <h2 id="kiosk-research">Or a research questionnaire</h2>
      {open.map((questionnaire) => (
        <HandOver key={questionnaire.id} sessionId={sessionId} questionnaireId={questionnaire.id}>
          Hand over “{questionnaire.title}”
        </HandOver>
      ))}
    </section>
  );
}

function HandOver({
  sessionId,
  questionnaireId,
  children = 'Hand to parents',
}: {
  sessionId: string;
  questionnaireId?: string;
  children?: ReactNode;
}) {
  const db = useDb();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  async function start() {
    if (busy) return;
    setBusy(true);
    try {
      await startKiosk(db, sessionId, new Date(), questionnaireId);
      await navigate(KIOSK_PATH);
    } finally {
      setBusy(false);
    }
  }

  return (
    <p>
      <button type="button" className="button-primary" disabled={busy} onClick={() => void start()}>
        {children}
      </button>
    </p>
  );
}
