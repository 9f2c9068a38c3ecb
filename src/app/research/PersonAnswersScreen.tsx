// A peer supporter asks a parent a research questionnaire during a visit or a session and, with the parent's
// consent, keeps the answers with their record (export and erasure follow them). Without consent, the answers
// are saved anonymously instead.
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDb, useRecord, useRecords } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { londonDate } from '../../domain/london.ts';
import { currentVersion, type AnswerProblem } from '../../domain/questionnaireRules.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { checkAnswers, emptyAnswerState, QuestionnaireForm, type AnswerState } from './QuestionnaireForm.tsx';
import '../styles/controls.css';
import '../styles/research.css';

export function PersonAnswersScreen() {
  const { id = '' } = useParams();
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const person = useRecord('attendee', id);
  const open = useRecords('questionnaire')?.filter((questionnaire) => questionnaire.status === 'open');
  const [chosen, setChosen] = useState('');
  const [consent, setConsent] = useState(false);
  const [state, setState] = useState<AnswerState>(emptyAnswerState);
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  if (person === undefined || open === undefined) {
    return (
      <Screen title="Research questions">
        <Loading />
      </Screen>
    );
  }
  if (person === null) return <NotFound thing="person" back="/people" backLabel="Go to People" />;
  const questionnaire = open.find((entry) => entry.id === chosen);
  const version = questionnaire && currentVersion(questionnaire.versions ?? []);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!questionnaire || !version) {
      setMessage('Choose a questionnaire first.');
      return;
    }
    const checked = checkAnswers(version.questions, state);
    setProblems(checked.ready ? [] : checked.problems);
    if (!checked.ready) {
      setMessage(checked.message);
      return;
    }
    const values: Record<string, unknown> = {
      questionnaireId: questionnaire.id,
      version: version.number,
      answers: checked.answers,
      how: 'visit',
      answeredOn: londonDate(new Date()),
      ...(consent ? { attendeeId: id, consent: true } : {}),
      ...(Object.keys(checked.other).length ? { other: checked.other } : {}),
    };
    await saveRecord(db, 'response', newId(), values, { userId: user?.id });
    await navigate(`/people/${encodeURIComponent(id)}`);
  }

  return (
    <Screen title={`Research questions with ${person.displayName ?? 'this parent'}`}>
      {open.length === 0 ? (
        <p>No questionnaire is open to answers.</p>
      ) : (
        <form onSubmit={(event) => void save(event)} noValidate>
          <div role="alert" className={message ? 'problem' : undefined}>
            {message && <p>{message}</p>}
          </div>
          <div className="field">
            <label htmlFor="pa-questionnaire">Questionnaire</label>
            <select id="pa-questionnaire" value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">Choose one</option>
              {open.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
            </select>
          </div>
          <label className="checkbox-field">
            <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />{' '}
            {person.displayName ?? 'They'} agreed to their answers being kept with their record (otherwise they are
            saved anonymously)
          </label>
          {version && (
            <QuestionnaireForm
              idPrefix="pa"
              questions={version.questions}
              state={state}
              onChange={setState}
              problems={problems}
            />
          )}
          <button type="submit" className="button-primary">
            Save answers
          </button>
        </form>
      )}
    </Screen>
  );
}
