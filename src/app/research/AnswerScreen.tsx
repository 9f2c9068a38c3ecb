// The page a parent opens from a link or QR code: no account, no cookie. It says who runs the questionnaire and how
// answers are used, keeps the answers on the phone as they are typed, and sends them when there is signal.
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { PublicQuestionnaire } from '../../api/research.ts';
import type { AnswerProblem } from '../../domain/questionnaireRules.ts';
import {
  flushAnswers,
  hasWaitingAnswers,
  keepAnswers,
  keptAnswers,
  loadQuestionnaire,
  sendAnswers,
  type LoadResult,
} from './publicLink.ts';
import { checkAnswers, emptyAnswerState, QuestionnaireForm, type AnswerState } from './QuestionnaireForm.tsx';
import '../styles/controls.css';
import '../styles/research.css';

type Stage = 'answering' | 'waiting' | 'sent';

export function AnswerScreen() {
  const { linkId = '' } = useParams();
  const [loaded, setLoaded] = useState<LoadResult | undefined>();
  useEffect(() => {
    document.title = 'Questionnaire — Coorie';
    let live = true;
    void loadQuestionnaire(linkId).then((result) => live && setLoaded(result));
    return () => {
      live = false;
    };
  }, [linkId]);
  return (
    <main id="main" className="screen answer-page">
      {loaded === undefined ? (
        <p className="loading">Loading…</p>
      ) : loaded.kind === 'problem' ? (
        <>
          <h1>Questionnaire</h1>
          <p role="alert">{loaded.message}</p>
        </>
      ) : (
        <Answering linkId={linkId} questionnaire={loaded.questionnaire} />
      )}
    </main>
  );
}

function Answering({ linkId, questionnaire }: { linkId: string; questionnaire: PublicQuestionnaire }) {
  const [state, setState] = useState<AnswerState>(() => keptAnswers(linkId) ?? emptyAnswerState);
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [stage, setStage] = useState<Stage>(() => (hasWaitingAnswers(linkId) ? 'waiting' : 'answering'));
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (stage !== 'waiting') return;
    const retry = () =>
      void flushAnswers(linkId).then((result) => {
        if (result === 'sent') setStage('sent');
        else if (result !== 'waiting') {
          setMessage(result.problem);
          setStage('answering');
        }
      });
    retry();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [linkId, stage]);

  function change(next: AnswerState) {
    setState(next);
    keepAnswers(linkId, next);
  }

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkAnswers(questionnaire.questions, state);
    setProblems(checked.ready ? [] : checked.problems);
    setMessage(checked.ready ? null : checked.message);
    if (!checked.ready) return;
    const result = await sendAnswers(linkId, questionnaire.version, state);
    if (result === 'sent') setStage('sent');
    else if (result === 'waiting') setStage('waiting');
    else setMessage(result.problem);
  }

  if (stage === 'sent') {
    return (
      <>
        <h1>Thank you</h1>
        <p role="status">Your answers have been sent.</p>
      </>
    );
  }
  if (stage === 'waiting') {
    return (
      <>
        <h1>Thank you</h1>
        <p role="status">
          Your answers are saved on this phone and will be sent when you have signal. Keep this page open, or open the
          link again later.
        </p>
      </>
    );
  }
  return (
    <form onSubmit={(event) => void send(event)} noValidate>
      <h1>{questionnaire.title}</h1>
      <section aria-labelledby="answer-about">
        <h2 id="answer-about">Who runs this, and how your answers are used</h2>
        <p>{questionnaire.about}</p>
        <p>No account, no cookies. Your answers are kept on this phone only until they are sent.</p>
      </section>
      <div role="alert" className={message ? 'problem' : undefined}>
        {message && <p>{message}</p>}
      </div>
      <QuestionnaireForm
        idPrefix="answer"
        questions={questionnaire.questions}
        state={state}
        onChange={change}
        problems={problems}
      />
      <button type="submit" className="button-primary">
        Send answers
      </button>
    </form>
  );
}
