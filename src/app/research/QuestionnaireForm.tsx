// A questionnaire as a parent answers it: one question after another, those skipped by an earlier answer left
// out, each with what to fix beside it. The designer's preview, the kiosk and visits all show it through here.
import type { Question } from '../../domain/questionnaire.ts';
import {
  answerProblems,
  isAnswerable,
  keptAnswers,
  OTHER_OPTION,
  scalePoints,
  visibleQuestions,
  type AnswerProblem,
} from '../../domain/questionnaireRules.ts';
import type { Answers, AnswerValue } from '../../domain/response.ts';
import '../styles/research.css';

export interface AnswerState {
  answers: Answers;
  other: Record<string, string>;
}

export const emptyAnswerState: AnswerState = { answers: {}, other: {} };

/** The answers ready to save (those to questions still shown), or what to fix first and the line that says so. */
export type CheckedAnswers =
  | { ready: true; answers: Answers; other: Record<string, string> }
  | { ready: false; problems: AnswerProblem[]; message: string };

/** Checks a form's answers before they are saved or sent, the same way on the kiosk, the link and in a visit. */
export function checkAnswers(questions: readonly Question[], state: AnswerState): CheckedAnswers {
  const problems = answerProblems(questions, state.answers, state.other);
  if (problems.length > 0) {
    return { ready: false, problems, message: 'Some answers need looking at: see the messages beside them.' };
  }
  const kept = keptAnswers(questions, state.answers, state.other);
  if (Object.keys(kept.answers).length === 0) {
    return { ready: false, problems: [], message: 'Answer at least one question first.' };
  }
  return { ready: true, ...kept };
}

interface Props {
  questions: readonly Question[];
  state: AnswerState;
  onChange: (state: AnswerState) => void;
  problems?: readonly AnswerProblem[];
  /** Prefixes every control's id, so that two forms on one page (a preview) do not clash. */
  idPrefix?: string;
}

export function QuestionnaireForm({ questions, state, onChange, problems = [], idPrefix = 'qa' }: Props) {
  const shown = visibleQuestions(questions, state.answers);
  const set = (id: string, value: AnswerValue | undefined) => {
    const answers = { ...state.answers };
    if (value === undefined) delete answers[id];
    else answers[id] = value;
    onChange({ ...state, answers });
  };
  return (
    <div className="questionnaire-form">
      {shown.map((question) => {
        const problem = problems.find((entry) => entry.questionId === question.id)?.message;
        return (
          <QuestionField
            key={question.id}
            question={question}
            id={`${idPrefix}-${question.id}`}
            answer={state.answers[question.id]}
            other={state.other[question.id] ?? ''}
            problem={problem}
            onAnswer={(value) => set(question.id, value)}
            onOther={(text) => onChange({ ...state, other: { ...state.other, [question.id]: text } })}
          />
        );
      })}
    </div>
  );
}

interface FieldProps {
  question: Question;
  id: string;
  answer: AnswerValue | undefined;
  other: string;
  problem: string | undefined;
  onAnswer: (value: AnswerValue | undefined) => void;
  onOther: (text: string) => void;
}

function QuestionField({ question, id, answer, other, problem, onAnswer, onOther }: FieldProps) {
  if (question.type === 'heading') return <h2 className="questionnaire-heading">{question.text}</h2>;
  if (question.type === 'explanation') return <p className="questionnaire-explanation">{question.text}</p>;
  if (!isAnswerable(question)) return null;
  const label = `${question.text}${question.required ? '' : ' (optional)'}`;
  const hintId = question.help ? `${id}-hint` : undefined;
  const range = rangeHint(question);
  const rangeId = range ? `${id}-range` : undefined;
  const errorId = problem ? `${id}-error` : undefined;
  const describedBy = [hintId, rangeId, errorId].filter(Boolean).join(' ') || undefined;
  const hint = (question.help || range) && (
    <>
      {question.help && (
        <p className="field-hint" id={hintId}>
          {question.help}
        </p>
      )}
      {range && (
        <p className="field-hint" id={rangeId}>
          {range}
        </p>
      )}
    </>
  );
  const error = problem && (
    <p className="field-error" id={errorId}>
      <span className="visually-hidden">Error: </span>
      {problem}
    </p>
  );
  const className = problem ? 'field field-invalid questionnaire-question' : 'field questionnaire-question';

  if (question.type === 'shortText' || question.type === 'longText' || question.type === 'number') {
    const common = {
      id,
      'aria-describedby': describedBy,
      'aria-invalid': problem ? true : undefined,
    };
    return (
      <div className={className}>
        <label htmlFor={id}>{label}</label>
        {hint}
        {error}
        {question.type === 'longText' ? (
          <textarea
            {...common}
            rows={4}
            maxLength={2000}
            value={typeof answer === 'string' ? answer : ''}
            onChange={(event) => onAnswer(event.target.value || undefined)}
          />
        ) : question.type === 'number' ? (
          <input
            {...common}
            type="text"
            inputMode="numeric"
            value={typeof answer === 'number' ? String(answer) : typeof answer === 'string' ? answer : ''}
            onChange={(event) => {
              const text = event.target.value.trim();
              // Kept as typed until it is a whole number, so the check can say what is wrong with it.
              onAnswer(text === '' ? undefined : /^-?\d+$/.test(text) ? Number(text) : text);
            }}
          />
        ) : (
          <input
            {...common}
            type="text"
            maxLength={200}
            value={typeof answer === 'string' ? answer : ''}
            onChange={(event) => onAnswer(event.target.value || undefined)}
          />
        )}
      </div>
    );
  }

  const choices = choicesOf(question);
  const multiple = question.type === 'multiple';
  const chosen = (value: string | number | boolean) =>
    Array.isArray(answer) ? answer.includes(String(value)) : answer === value;
  const pick = (value: string | number | boolean) => {
    if (!multiple) return onAnswer(value);
    const current = Array.isArray(answer) ? answer : [];
    const key = String(value);
    const next = current.includes(key) ? current.filter((item) => item !== key) : [...current, key];
    onAnswer(next.length ? next : undefined);
  };
  const otherChosen = chosen(OTHER_OPTION);
  return (
    <fieldset className={className} aria-describedby={describedBy} aria-invalid={problem ? true : undefined}>
      <legend>{label}</legend>
      {hint}
      {error}
      <div
        className={question.type === 'scale' ? 'questionnaire-choices questionnaire-scale' : 'questionnaire-choices'}
      >
        {choices.map((choice) => (
          <label key={String(choice.value)} className={chosen(choice.value) ? 'choice choice-chosen' : 'choice'}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              checked={chosen(choice.value)}
              onChange={() => pick(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {question.other && otherChosen && (
        <div className="field">
          <label htmlFor={`${id}-other`}>Other: please say</label>
          <input
            id={`${id}-other`}
            type="text"
            maxLength={500}
            value={other}
            onChange={(event) => onOther(event.target.value)}
          />
        </div>
      )}
    </fieldset>
  );
}

/** What a parent may give: the scale's ends in the designer's words, or the numbers a number question takes. */
function rangeHint(question: Question): string | undefined {
  if (question.type === 'scale' && (question.lowLabel || question.highLabel)) {
    const points = scalePoints(question);
    return `${points[0]} is ${question.lowLabel ?? 'lowest'}, ${points.at(-1)} is ${question.highLabel ?? 'highest'}.`;
  }
  if (question.type !== 'number') return undefined;
  const { min, max } = question;
  if (min !== undefined && max !== undefined) return `A whole number from ${min} to ${max}.`;
  if (min !== undefined) return `A whole number, ${min} or more.`;
  if (max !== undefined) return `A whole number, ${max} or less.`;
  return undefined;
}

function choicesOf(question: Question): { value: string | number | boolean; label: string }[] {
  if (question.type === 'yesno') {
    return [
      { value: true, label: 'Yes' },
      { value: false, label: 'No' },
    ];
  }
  if (question.type === 'scale') return scalePoints(question).map((point) => ({ value: point, label: String(point) }));
  const options = (question.options ?? []).map((option) => ({ value: option.id, label: option.label }));
  return question.other ? [...options, { value: OTHER_OPTION, label: 'Other' }] : options;
}
