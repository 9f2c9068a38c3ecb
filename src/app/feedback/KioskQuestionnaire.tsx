// A research questionnaire on the feedback kiosk: the same lock, the same "no names" promise, one parent at a
// time. Saved on the tablet (offline is fine) as an anonymous `response`: no person, and no time of day.
import { useState, type FormEvent } from 'react';
import { useDb, useRecord } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { londonDate } from '../../domain/london.ts';
import { answerProblems, currentVersion, keptAnswers, type AnswerProblem } from '../../domain/questionnaireRules.ts';
import { emptyAnswerState, QuestionnaireForm, type AnswerState } from '../research/QuestionnaireForm.tsx';

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
    const found = answerProblems(questions, state.answers, state.other);
    setProblems(found);
    const kept = keptAnswers(questions, state.answers, state.other);
    if (found.length > 0 || Object.keys(kept.answers).length === 0) {
      if (found.length === 0) setProblems([{ questionId: '', message: 'Answer at least one question, then Send.' }]);
      document.getElementById('kiosk-problems')?.focus();
      return;
    }
    setBusy(true);
    try {
      const values: Record<string, unknown> = {
        questionnaireId,
        version: version?.number,
        answers: kept.answers,
        how: 'kiosk',
        answeredOn: londonDate(new Date()),
        sessionId,
      };
      if (Object.keys(kept.other).length > 0) values.other = kept.other;
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
      <div id="kiosk-problems" tabIndex={-1} role="alert" className={problems.length ? 'problem' : undefined}>
        {problems.length > 0 && (
          <p>
            {problems.length === 1 && problems[0]?.questionId === ''
              ? problems[0].message
              : 'Some answers need looking at: see the messages beside them.'}
          </p>
        )}
      </div>
      <QuestionnaireForm idPrefix="kiosk" questions={questions} state={state} onChange={setState} problems={problems} />
      <button type="submit" className="button-primary kiosk-big" disabled={busy}>
        Send
      </button>
    </form>
  );
}
