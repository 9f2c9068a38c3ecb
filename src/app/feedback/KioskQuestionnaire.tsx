// A research questionnaire on the feedback kiosk: the same lock, the same "no names" promise, one parent at a
// time. Saved on the tablet (offline is fine) as an anonymous `response`: no person, and no time of day.
import { useState, type FormEvent } from 'react';
import { useDb, useRecord } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { londonDate } from '../../domain/london.ts';
import { currentVersion, type AnswerProblem } from '../../domain/questionnaireRules.ts';
import { checkAnswers, emptyAnswerState, QuestionnaireForm, type AnswerState } from '../research/QuestionnaireForm.tsx';

export function KioskQuestionnaire({
  questionnaireId,
  sessionId,
  userId,
  onSent,
}: {
  questionnaireId: string;
  sessionId: string;
  userId: string;
  onSent: () => void;
}) {
  const db = useDb();
  const questionnaire = useRecord('questionnaire', questionnaireId);
  const [state, setState] = useState<AnswerState>(emptyAnswerState);
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (questionnaire === undefined) return null;
  const version = questionnaire && currentVersion(questionnaire.versions ?? []);
  if (!questionnaire || !version) {
    return <h1 tabIndex={-1}>This questionnaire is not on this tablet. Please hand it back.</h1>;
  }
  const questions = version.questions;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkAnswers(questions, state);
    setProblems(checked.ready ? [] : checked.problems);
    setMessage(checked.ready ? null : checked.message);
    if (!checked.ready) {
      document.getElementById('kiosk-problems')?.focus();
      return;
    }
    setBusy(true);
    try {
      const values: Record<string, unknown> = {
        questionnaireId,
        version: version?.number,
        answers: checked.answers,
        how: 'kiosk',
        answeredOn: londonDate(new Date()),
        sessionId,
      };
      if (Object.keys(checked.other).length > 0) values.other = checked.other;
      await saveRecord(db, 'response', newId(), values, { userId });
      onSent();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void send(event)} noValidate>
      <h1 tabIndex={-1}>{questionnaire.title}</h1>
      {questionnaire.about && <p className="kiosk-lede">{questionnaire.about}</p>}
      <div id="kiosk-problems" tabIndex={-1} role="alert" className={message ? 'problem' : undefined}>
        {message && <p>{message}</p>}
      </div>
      <QuestionnaireForm idPrefix="kiosk" questions={questions} state={state} onChange={setState} problems={problems} />
      <button type="submit" className="button-primary kiosk-big" disabled={busy}>
        Send
      </button>
    </form>
  );
}
