// The rules of a questionnaire, with no zod so the answering screens stay light: which questions a parent sees
// (skip logic), what a complete answer is, and when an edit makes a new version.
import type { Question, QuestionnaireVersion } from './questionnaire.ts';
import type { Answers, AnswerValue } from './response.ts';

export {
  canSkip,
  DEFAULT_LINK_CAP,
  hasOptions,
  isAnswerable,
  LINK_CAP_MAX,
  linkCapProblem,
  OTHER_OPTION,
  QUESTION_LIMITS,
  questionProblems,
  scalePoints,
  skipChoices,
  SKIP_TO_END,
} from './questionnaireChecks.ts';
import { hasOptions, isAnswerable, OTHER_OPTION as OTHER, scalePoints, SKIP_TO_END } from './questionnaireChecks.ts';

/** Where the answer to `question` sends the parent next: a question's index, the end, or simply on. */
function nextIndex(questions: readonly Question[], index: number, answer: AnswerValue | undefined): number {
  const question = questions[index];
  if (!question || answer === undefined) return index + 1;
  const value = typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;
  const rule = question.skip?.find((candidate) => candidate.when === value);
  if (!rule) return index + 1;
  if (rule.to === SKIP_TO_END) return questions.length;
  const target = questions.findIndex((candidate) => candidate.id === rule.to);
  // A rule that does not go forward is refused by questionProblems; should one arrive anyway, it is ignored.
  return target > index ? target : index + 1;
}

/** The questions a parent sees, in order, given what they have answered so far. */
export function visibleQuestions(questions: readonly Question[], answers: Answers): Question[] {
  const shown: Question[] = [];
  let index = 0;
  while (index < questions.length) {
    const question = questions[index];
    if (!question) break;
    shown.push(question);
    index = nextIndex(questions, index, answers[question.id]);
  }
  return shown;
}

const isBlank = (answer: AnswerValue | undefined) =>
  answer === undefined ||
  (typeof answer === 'string' && answer.trim() === '') ||
  (Array.isArray(answer) && !answer.length);

/** The answers to keep: those to questions still shown (a changed answer may skip past some given before). */
export function keptAnswers(
  questions: readonly Question[],
  answers: Answers,
  other: Record<string, string> = {},
): { answers: Answers; other: Record<string, string> } {
  const kept: Answers = {};
  const keptOther: Record<string, string> = {};
  for (const question of visibleQuestions(questions, answers)) {
    const answer = answers[question.id];
    if (!isAnswerable(question) || isBlank(answer) || answer === undefined) continue;
    kept[question.id] = typeof answer === 'string' ? answer.trim() : answer;
    const chose = answer === OTHER || (Array.isArray(answer) && answer.includes(OTHER));
    const typed = other[question.id]?.trim();
    if (chose && typed) keptOther[question.id] = typed;
  }
  return { answers: kept, other: keptOther };
}

export interface AnswerProblem {
  questionId: string;
  message: string;
}

/** What a parent must fix before sending, per question, in plain words. */
export function answerProblems(
  questions: readonly Question[],
  answers: Answers,
  other: Record<string, string> = {},
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(questions.filter(isAnswerable).map((question) => question.id));
  for (const questionId of Object.keys(answers)) {
    if (!known.has(questionId)) problems.push({ questionId, message: 'This question is not in the questionnaire.' });
  }
  for (const question of visibleQuestions(questions, answers)) {
    if (!isAnswerable(question)) continue;
    const answer = answers[question.id];
    const problem = isBlank(answer)
      ? question.required
        ? requiredMessage(question)
        : undefined
      : valueProblem(question, answer as AnswerValue, other[question.id]);
    if (problem) problems.push({ questionId: question.id, message: problem });
  }
  return problems;
}

function requiredMessage(question: Question): string {
  if (question.type === 'multiple') return 'Choose at least one answer.';
  if (hasOptions(question) || question.type === 'yesno' || question.type === 'scale') return 'Choose an answer.';
  if (question.type === 'number') return 'Type a number.';
  return 'Please answer this question.';
}

function valueProblem(question: Question, answer: AnswerValue, typedOther: string | undefined): string | undefined {
  const optionIds = new Set((question.options ?? []).map((option) => option.id));
  if (question.other) optionIds.add(OTHER);
  const needsOther = (chose: boolean) =>
    chose && !typedOther?.trim() ? 'You chose “Other”: say what, in a few words.' : undefined;
  switch (question.type) {
    case 'single':
      if (typeof answer !== 'string' || !optionIds.has(answer)) return 'Choose one of the answers given.';
      return needsOther(answer === OTHER);
    case 'multiple':
      if (!Array.isArray(answer) || answer.some((value) => !optionIds.has(value))) {
        return 'Choose from the answers given.';
      }
      if (new Set(answer).size !== answer.length) return 'Choose each answer once.';
      return needsOther(answer.includes(OTHER));
    case 'scale':
      return typeof answer === 'number' && scalePoints(question).includes(answer)
        ? undefined
        : `Choose a number from ${scalePoints(question)[0]} to ${scalePoints(question).at(-1)}.`;
    case 'yesno':
      return typeof answer === 'boolean' ? undefined : 'Choose yes or no.';
    case 'number':
      if (typeof answer !== 'number' || !Number.isInteger(answer)) return 'Type a whole number, like 3.';
      if (question.min !== undefined && answer < question.min) return `Type a number of at least ${question.min}.`;
      if (question.max !== undefined && answer > question.max) return `Type a number no more than ${question.max}.`;
      return undefined;
    case 'shortText':
      if (typeof answer !== 'string') return 'Type your answer.';
      return answer.length > 200 || /[\n\r]/.test(answer)
        ? 'Keep this answer to one line of 200 characters.'
        : undefined;
    case 'longText':
      return typeof answer === 'string' && answer.length <= 2000 ? undefined : 'Keep this answer to 2,000 characters.';
    default:
      return 'This is not a question.';
  }
}

/** The version answers are collected on: the newest. */
export function currentVersion(versions: readonly QuestionnaireVersion[]): QuestionnaireVersion | undefined {
  return versions.at(-1);
}

export function findVersion(
  versions: readonly QuestionnaireVersion[],
  number: number,
): QuestionnaireVersion | undefined {
  return versions.find((version) => version.number === number);
}

/**
 * The versions after an edit of the questions. Until the newest version has answers it is changed in place;
 * once it has, the edit becomes a new version, and the answers given keep the wording they answered.
 */
export function reviseVersions(
  versions: readonly QuestionnaireVersion[],
  questions: Question[],
  newestHasAnswers: boolean,
  now: string,
): QuestionnaireVersion[] {
  const newest = currentVersion(versions);
  if (!newest) return [{ number: 1, createdAt: now, questions }];
  if (JSON.stringify(newest.questions) === JSON.stringify(questions)) return [...versions];
  if (!newestHasAnswers) return [...versions.slice(0, -1), { ...newest, questions }];
  return [...versions, { number: newest.number + 1, createdAt: now, questions }];
}
