// The questionnaire designer: wording, questions in order, skip rules, and a preview as a parent sees it. Saved
// on this device first (it works offline); the server takes it from coordinators and peer researchers.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useDb, useRecord, useRecordsWhere } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import {
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  type Questionnaire,
} from '../../domain/questionnaire.ts';
import {
  canSkip,
  currentVersion,
  hasOptions,
  isAnswerable,
  LINK_CAP_MAX,
  QUESTION_LIMITS,
  skipChoices,
  SKIP_TO_END,
} from '../../domain/questionnaireRules.ts';
import { STARTER_QUESTIONNAIRES } from '../../domain/questionnaireStarters.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import {
  DEFAULT_ABOUT,
  defaultLinkCap,
  draftProblems,
  move,
  newQuestion,
  optionsFromLines,
  valuesToSave,
  wholeNumberFrom,
  withOptional,
  type DesignDraft,
} from './designer.ts';
import { DESIGN_NEEDS_PERMISSION, useMayDesign } from './mayDesign.ts';
import { emptyAnswerState, QuestionnaireForm, type AnswerState } from './QuestionnaireForm.tsx';
import '../styles/controls.css';
import '../styles/research.css';

export function DesignerScreen() {
  const { id } = useParams();
  const record = useRecord('questionnaire', id);
  const mayDesign = useMayDesign();
  if (!mayDesign) {
    return (
      <Screen title={id ? 'Edit questions' : 'New questionnaire'}>
        <p>{DESIGN_NEEDS_PERMISSION}</p>
        <p>
          <Link to={id ? `/research/${encodeURIComponent(id)}` : '/research'}>Back to Research</Link>
        </p>
      </Screen>
    );
  }
  if (id && record === undefined) {
    return (
      <Screen title="Design a questionnaire">
        <Loading />
      </Screen>
    );
  }
  if (id && record === null) return <NotFound thing="questionnaire" back="/research" backLabel="Go to Research" />;
  return <Designer key={id ?? 'new'} existing={record ?? null} />;
}

function startingDraft(existing: Questionnaire | null, starterKey: string | null): DesignDraft {
  if (existing) {
    return {
      title: existing.title ?? '',
      about: existing.about ?? DEFAULT_ABOUT,
      status: existing.status ?? 'draft',
      linkCap: defaultLinkCap(existing),
      questions: currentVersion(existing.versions ?? [])?.questions ?? [],
    };
  }
  const starter = STARTER_QUESTIONNAIRES.find((entry) => entry.key === starterKey);
  return {
    title: starter?.title ?? '',
    about: starter?.about ?? DEFAULT_ABOUT,
    status: 'draft',
    linkCap: defaultLinkCap(null),
    questions: starter ? structuredClone(starter.questions) : [],
  };
}

function Designer({ existing }: { existing: Questionnaire | null }) {
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const starterKey = params.get('starter');
  const [draft, setDraft] = useState<DesignDraft>(() => startingDraft(existing, starterKey));
  const [problems, setProblems] = useState<string[]>([]);
  const [adding, setAdding] = useState<QuestionType>('single');
  const [preview, setPreview] = useState(false);
  const [previewState, setPreviewState] = useState<AnswerState>(emptyAnswerState);
  const [busy, setBusy] = useState(false);
  const newest = existing ? currentVersion(existing.versions ?? [])?.number : undefined;
  const answers = useRecordsWhere('response', 'questionnaireId', existing ? [existing.id] : []);
  const newestHasAnswers = (answers ?? []).some((response) => response.version === newest);

  const setQuestion = (index: number, question: Question) =>
    setDraft({ ...draft, questions: draft.questions.map((q, i) => (i === index ? question : q)) });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = draftProblems(draft);
    setProblems(found);
    if (found.length > 0 || busy) {
      document.getElementById('designer-problems')?.focus();
      return;
    }
    setBusy(true);
    try {
      const id = existing?.id ?? newId();
      const values = valuesToSave(existing, draft, newestHasAnswers, new Date().toISOString());
      await saveRecord(db, 'questionnaire', id, values, { userId: user?.id });
      await navigate(`/research/${encodeURIComponent(id)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={existing ? `Edit: ${existing.title ?? 'questionnaire'}` : 'New questionnaire'}>
      {newestHasAnswers && (
        <p className="lede">
          Version {newest} already has answers. Saving changes to the questions makes version {(newest ?? 0) + 1}; the
          answers given keep the wording they answered.
        </p>
      )}
      <form onSubmit={(event) => void save(event)} noValidate>
        <div id="designer-problems" tabIndex={-1} role="alert" className={problems.length ? 'problem' : undefined}>
          {problems.length > 0 && (
            <>
              <p>Please fix these before saving:</p>
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="field">
          <label htmlFor="q-title">Title</label>
          <input
            id="q-title"
            type="text"
            maxLength={120}
            value={draft.title}
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="q-about">Who runs it and how the answers are used</label>
          <p className="field-hint" id="q-about-hint">
            Parents read this first. Say who you are, that it is anonymous, and what the answers are for.
          </p>
          <textarea
            id="q-about"
            rows={4}
            maxLength={2000}
            aria-describedby="q-about-hint"
            value={draft.about}
            onChange={(event) => setDraft({ ...draft, about: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="q-status">Taking answers?</label>
          <select
            id="q-status"
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value as DesignDraft['status'] })}
          >
            <option value="draft">Not yet (draft)</option>
            <option value="open">Yes, open to answers</option>
            <option value="closed">No, closed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-link-cap">Most answers to take by link</label>
          <p className="field-hint" id="q-link-cap-hint">
            Once this many answers have come by the public link or QR code, the link takes no more (it stops a flood). A
            whole number from 1 to {LINK_CAP_MAX.toLocaleString('en-GB')}. Answers on the kiosk and during visits do not
            count.
          </p>
          <input
            id="q-link-cap"
            type="text"
            inputMode="numeric"
            className="designer-number"
            aria-describedby="q-link-cap-hint"
            value={draft.linkCap}
            onChange={(event) => setDraft({ ...draft, linkCap: event.target.value })}
          />
        </div>

        <h2>Questions</h2>
        {draft.questions.length === 0 && <p>No questions yet. Add the first below.</p>}
        <ol className="designer-questions">
          {draft.questions.map((question, index) => (
            <li key={question.id} className="designer-question">
              <QuestionEditor
                question={question}
                index={index}
                later={draft.questions.slice(index + 1)}
                onChange={(next) => setQuestion(index, next)}
              />
              <div className="designer-actions">
                <button
                  type="button"
                  className="button-secondary"
                  disabled={index === 0}
                  onClick={() => setDraft({ ...draft, questions: move(draft.questions, index, -1) })}
                >
                  Move up<span className="visually-hidden"> question {index + 1}</span>
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={index === draft.questions.length - 1}
                  onClick={() => setDraft({ ...draft, questions: move(draft.questions, index, 1) })}
                >
                  Move down<span className="visually-hidden"> question {index + 1}</span>
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setDraft({ ...draft, questions: draft.questions.filter((_, i) => i !== index) })}
                >
                  Remove<span className="visually-hidden"> question {index + 1}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="field">
          <label htmlFor="q-add-type">Kind of question to add</label>
          <select id="q-add-type" value={adding} onChange={(event) => setAdding(event.target.value as QuestionType)}>
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {QUESTION_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setDraft({ ...draft, questions: [...draft.questions, newQuestion(adding)] })}
          >
            Add question
          </button>
        </p>
        <div className="designer-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Save questionnaire
          </button>
          <button type="button" className="button-secondary" onClick={() => setPreview(!preview)}>
            {preview ? 'Hide preview' : 'Preview as a parent sees it'}
          </button>
          <Link to={existing ? `/research/${encodeURIComponent(existing.id)}` : '/research'}>Cancel</Link>
        </div>
      </form>
      {preview && (
        <section className="designer-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview: {draft.title || 'Untitled'}</h2>
          <p>{draft.about}</p>
          <QuestionnaireForm
            idPrefix="preview"
            questions={draft.questions}
            state={previewState}
            onChange={setPreviewState}
          />
        </section>
      )}
    </Screen>
  );
}

function QuestionEditor({
  question,
  index,
  later,
  onChange,
}: {
  question: Question;
  index: number;
  later: Question[];
  onChange: (question: Question) => void;
}) {
  const id = `qe-${question.id}`;
  const [optionText, setOptionText] = useState((question.options ?? []).map((option) => option.label).join('\n'));
  const [minText, setMinText] = useState(question.min === undefined ? '' : String(question.min));
  const [maxText, setMaxText] = useState(question.max === undefined ? '' : String(question.max));
  const skipTo = (when: string) => question.skip?.find((rule) => rule.when === when)?.to ?? '';
  const setSkip = (when: string, to: string) => {
    const rest = (question.skip ?? []).filter((rule) => rule.when !== when);
    onChange({ ...question, skip: to ? [...rest, { when, to }] : rest });
  };
  return (
    <>
      <h3>
        {index + 1}. {QUESTION_TYPE_LABELS[question.type]}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-text`}>
          {question.type === 'heading' ? 'Heading' : question.type === 'explanation' ? 'Explanation' : 'Question'}
          <span className="visually-hidden"> {index + 1}</span>
        </label>
        <input
          id={`${id}-text`}
          type="text"
          maxLength={QUESTION_LIMITS.text}
          value={question.text}
          onChange={(event) => onChange({ ...question, text: event.target.value })}
        />
      </div>
      {isAnswerable(question) && (
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={question.required === true}
            onChange={(event) => onChange({ ...question, required: event.target.checked || undefined })}
          />{' '}
          Answer required<span className="visually-hidden"> for question {index + 1}</span>
        </label>
      )}
      {isAnswerable(question) && (
        <div className="field">
          <label htmlFor={`${id}-help`}>
            Help text (optional)<span className="visually-hidden"> for question {index + 1}</span>
          </label>
          <p className="field-hint" id={`${id}-help-hint`}>
            Shown under the question, for example what to count or why it is asked.
          </p>
          <input
            id={`${id}-help`}
            type="text"
            maxLength={QUESTION_LIMITS.help}
            aria-describedby={`${id}-help-hint`}
            value={question.help ?? ''}
            onChange={(event) => onChange(withOptional(question, 'help', event.target.value))}
          />
        </div>
      )}
      {hasOptions(question) && (
        <>
          <div className="field">
            <label htmlFor={`${id}-options`}>
              Answers to choose from, one a line<span className="visually-hidden"> for question {index + 1}</span>
            </label>
            <textarea
              id={`${id}-options`}
              rows={4}
              value={optionText}
              onChange={(event) => {
                setOptionText(event.target.value);
                onChange({ ...question, options: optionsFromLines(event.target.value, question.options) });
              }}
            />
          </div>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={question.other === true}
              onChange={(event) => onChange({ ...question, other: event.target.checked || undefined })}
            />{' '}
            Offer “Other (please say)”<span className="visually-hidden"> for question {index + 1}</span>
          </label>
        </>
      )}
      {question.type === 'scale' && (
        <div className="field">
          <label htmlFor={`${id}-scale`}>
            Scale<span className="visually-hidden"> for question {index + 1}</span>
          </label>
          <select
            id={`${id}-scale`}
            value={question.scale ?? '1-5'}
            onChange={(event) => onChange({ ...question, scale: event.target.value as '1-5' | '0-10' })}
          >
            <option value="1-5">1 to 5</option>
            <option value="0-10">0 to 10</option>
          </select>
        </div>
      )}
      {question.type === 'scale' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-low`}>
              Words for the lowest point (optional)<span className="visually-hidden"> of question {index + 1}</span>
            </label>
            <p className="field-hint" id={`${id}-low-hint`}>
              For example “Not at all”. At most {QUESTION_LIMITS.endLabel} characters.
            </p>
            <input
              id={`${id}-low`}
              type="text"
              maxLength={QUESTION_LIMITS.endLabel}
              aria-describedby={`${id}-low-hint`}
              value={question.lowLabel ?? ''}
              onChange={(event) => onChange(withOptional(question, 'lowLabel', event.target.value))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-high`}>
              Words for the highest point (optional)<span className="visually-hidden"> of question {index + 1}</span>
            </label>
            <p className="field-hint" id={`${id}-high-hint`}>
              For example “Very”. At most {QUESTION_LIMITS.endLabel} characters.
            </p>
            <input
              id={`${id}-high`}
              type="text"
              maxLength={QUESTION_LIMITS.endLabel}
              aria-describedby={`${id}-high-hint`}
              value={question.highLabel ?? ''}
              onChange={(event) => onChange(withOptional(question, 'highLabel', event.target.value))}
            />
          </div>
        </>
      )}
      {question.type === 'number' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-min`}>
              Smallest number allowed (optional)<span className="visually-hidden"> for question {index + 1}</span>
            </label>
            <input
              id={`${id}-min`}
              type="text"
              inputMode="numeric"
              className="designer-number"
              value={minText}
              onChange={(event) => {
                setMinText(event.target.value);
                onChange(withOptional(question, 'min', wholeNumberFrom(event.target.value)));
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>
              Largest number allowed (optional)<span className="visually-hidden"> for question {index + 1}</span>
            </label>
            <input
              id={`${id}-max`}
              type="text"
              inputMode="numeric"
              className="designer-number"
              value={maxText}
              onChange={(event) => {
                setMaxText(event.target.value);
                onChange(withOptional(question, 'max', wholeNumberFrom(event.target.value)));
              }}
            />
          </div>
        </>
      )}
      {canSkip(question) &&
        skipChoices(question).map((choice) => (
          <div className="field" key={choice.value}>
            <label htmlFor={`${id}-skip-${choice.value}`}>
              If the answer is “{choice.label}”, go to<span className="visually-hidden"> (question {index + 1})</span>
            </label>
            <select
              id={`${id}-skip-${choice.value}`}
              value={skipTo(choice.value)}
              onChange={(event) => setSkip(choice.value, event.target.value)}
            >
              <option value="">The next question</option>
              {later.slice(1).map((target, offset) => (
                <option key={target.id} value={target.id}>
                  Question {index + offset + 3}: {target.text || 'no wording yet'}
                </option>
              ))}
              <option value={SKIP_TO_END}>The end</option>
            </select>
          </div>
        ))}
    </>
  );
}
