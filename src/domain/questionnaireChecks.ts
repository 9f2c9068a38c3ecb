// The checks of a questionnaire's questions that its schema runs (questionnaire.ts), on the questions' shape alone so
// that the schema can use them without a loop back to it; questionnaireRules.ts gives them to the screens.

/** What the checks read of a question; a questionnaire's `Question` has this shape. */
export interface QuestionShape {
  id: string;
  type: string;
  text: string;
  options?: readonly { id: string; label: string }[];
  other?: boolean;
  help?: string;
  scale?: string;
  lowLabel?: string;
  highLabel?: string;
  min?: number;
  max?: number;
  skip?: readonly { when: string; to: string }[];
}

/** How long a question's words may be, and how far its number may go: the schema (questionnaire.ts) holds to them. */
export const QUESTION_LIMITS = {
  text: 500,
  help: 500,
  /** A scale's words at either end, like "Not at all" and "Very". */
  endLabel: 60,
  /** The smallest and largest a number question may ask for, either way from zero. */
  number: 1_000_000,
} as const;

/** Answers by link a questionnaire takes at most: when it sets no cap, and the highest cap it may set. */
export const DEFAULT_LINK_CAP = 1000;
export const LINK_CAP_MAX = 10_000;

const grouped = (value: number) => value.toLocaleString('en-GB');

/** What is wrong with a cap on answers by link, if anything: a whole number from 1 to LINK_CAP_MAX. */
export function linkCapProblem(cap: number | undefined): string | undefined {
  if (cap === undefined || !Number.isInteger(cap) || cap < 1 || cap > LINK_CAP_MAX) {
    return `The most answers by link must be a whole number from 1 to ${grouped(LINK_CAP_MAX)}.`;
  }
  return undefined;
}

const wholeInRange = (value: number) => Number.isInteger(value) && Math.abs(value) <= QUESTION_LIMITS.number;

/** Where a skip rule may send someone, besides a later question. */
export const SKIP_TO_END = 'end';
const OTHER = 'other';
/** The value of a choice question answered "Other (please say)"; what they typed is in the response's `other`. */
export const OTHER_OPTION = OTHER;

/** Questions a parent answers (headings and explanations only show). */
export const isAnswerable = (question: Pick<QuestionShape, 'type'>) =>
  question.type !== 'heading' && question.type !== 'explanation';

export const hasOptions = (question: Pick<QuestionShape, 'type'>) =>
  question.type === 'single' || question.type === 'multiple';

/** Skip rules may hang on a question with one answer out of a few: choose one, or yes or no. */
export const canSkip = (question: Pick<QuestionShape, 'type'>) =>
  question.type === 'single' || question.type === 'yesno';

/** The values a skip rule on `question` may wait for. */
export function skipChoices(question: QuestionShape): { value: string; label: string }[] {
  if (question.type === 'yesno') {
    return [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ];
  }
  if (question.type !== 'single') return [];
  const options = (question.options ?? []).map((option) => ({ value: option.id, label: option.label }));
  return question.other ? [...options, { value: OTHER, label: 'Other' }] : options;
}

/** The scale's points: 1 to 5 or 0 to 10. */
export function scalePoints(question: Pick<QuestionShape, 'scale'>): number[] {
  const [low, high] = question.scale === '0-10' ? [0, 10] : [1, 5];
  return Array.from({ length: high - low + 1 }, (_, index) => low + index);
}

/**
 * What is wrong with a list of questions, in words a peer researcher can act on: ids unique, choice questions
 * with options, and skip rules that only go forward to a question that exists (so no loop can be made).
 */
export function questionProblems(questions: readonly QuestionShape[]): string[] {
  const problems: string[] = [];
  const position = new Map<string, number>();
  questions.forEach((question, index) => {
    if (position.has(question.id)) problems.push(`Question ${index + 1} has the same id as another.`);
    position.set(question.id, index);
  });
  questions.forEach((question, index) => {
    const name = `Question ${index + 1} (“${question.text}”)`;
    if (hasOptions(question)) {
      const options = question.options ?? [];
      if (options.length < 2 && !(options.length === 1 && question.other)) {
        problems.push(`${name} needs at least two options to choose from.`);
      }
      const ids = new Set(options.map((option) => option.id));
      if (ids.size !== options.length || ids.has(OTHER)) problems.push(`${name} has two options with the same id.`);
    }
    if ((question.help?.length ?? 0) > QUESTION_LIMITS.help) {
      problems.push(`${name}: keep the help text to ${QUESTION_LIMITS.help} characters.`);
    }
    for (const [end, label] of [
      ['low', question.lowLabel],
      ['high', question.highLabel],
    ] as const) {
      if ((label?.length ?? 0) > QUESTION_LIMITS.endLabel) {
        problems.push(`${name}: keep the words at the ${end} end to ${QUESTION_LIMITS.endLabel} characters.`);
      }
    }
    for (const [which, value] of [
      ['smallest', question.min],
      ['largest', question.max],
    ] as const) {
      if (value !== undefined && !wholeInRange(value)) {
        const limit = grouped(QUESTION_LIMITS.number);
        problems.push(`${name}: the ${which} number allowed must be a whole number from -${limit} to ${limit}.`);
      }
    }
    if (question.type === 'number' && question.min !== undefined && question.max !== undefined) {
      if (question.min > question.max) problems.push(`${name}: the smallest number allowed is above the largest.`);
    }
    if (!question.skip?.length) return;
    if (!canSkip(question)) {
      problems.push(`${name}: only a "choose one" or "yes or no" question can skip ahead.`);
      return;
    }
    const choices = new Set(skipChoices(question).map((choice) => choice.value));
    const seen = new Set<string>();
    for (const rule of question.skip) {
      if (!choices.has(rule.when))
        problems.push(`${name}: a skip rule waits for an answer the question does not offer.`);
      if (seen.has(rule.when)) problems.push(`${name}: two skip rules wait for the same answer.`);
      seen.add(rule.when);
      if (rule.to === SKIP_TO_END) continue;
      const target = position.get(rule.to);
      if (target === undefined) problems.push(`${name}: a skip rule goes to a question that is not there.`);
      else if (target <= index) problems.push(`${name}: a skip rule can only go to a later question.`);
    }
  });
  return problems;
}
