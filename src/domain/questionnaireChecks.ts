// The checks of a questionnaire's questions that its schema runs (questionnaire.ts), on the questions' shape alone so
// that the schema can use them without a loop back to it; questionnaireRules.ts gives them to the screens.

/** What the checks read of a question; a questionnaire's `Question` has this shape. */
export interface QuestionShape {
  id: string;
  type: string;
  text: string;
  options?: readonly { id: string; label: string }[];
  other?: boolean;
  scale?: string;
  min?: number;
  max?: number;
  skip?: readonly { when: string; to: string }[];
}

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
