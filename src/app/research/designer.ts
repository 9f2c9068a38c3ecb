// The designer's working copy of a questionnaire, and the edits it makes: kept apart from the screen so the rules
// (stable ids, options from lines, a new version once answers exist) are plain functions.
import type { Question, QuestionType } from '../../domain/questionnaire.ts';
import { hasOptions, questionProblems, reviseVersions } from '../../domain/questionnaireRules.ts';
import type { Questionnaire, QuestionnaireVersion } from '../../domain/questionnaire.ts';

export interface DesignDraft {
  title: string;
  about: string;
  status: 'draft' | 'open' | 'closed';
  questions: Question[];
}

export const DEFAULT_ABOUT =
  'Run by our peer support team. You do not give your name, and nobody can tell which answers are yours. We ' +
  'use the answers, added together, to plan our groups and to tell funders what parents need.';

export function randomId(prefix: string, length = 8): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  const letters = 'abcdefghijkmnpqrstuvwxyz23456789';
  return prefix + Array.from(bytes, (byte) => letters[byte % letters.length]).join('');
}

export function newQuestion(type: QuestionType): Question {
  const question: Question = { id: randomId('q'), type, text: '' };
  if (hasOptions({ type })) question.options = [];
  if (type === 'scale') question.scale = '1-5';
  return question;
}

/** Options from one label a line, keeping the id of an option whose label is unchanged (answers point to ids). */
export function optionsFromLines(text: string, before: Question['options'] = []): Question['options'] {
  const labels = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return labels.map((label) => before.find((option) => option.label === label) ?? { id: randomId('o', 6), label });
}

export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** What to fix before saving, in the designer's words. */
export function draftProblems(draft: DesignDraft): string[] {
  const problems: string[] = [];
  if (!draft.title.trim()) problems.push('Give the questionnaire a title.');
  draft.questions.forEach((question, index) => {
    if (!question.text.trim()) problems.push(`Question ${index + 1} needs its wording.`);
  });
  if (draft.status === 'open' && !draft.questions.some((question) => question.type !== 'heading')) {
    problems.push('Add at least one question before opening it to answers.');
  }
  return [...problems, ...questionProblems(draft.questions)];
}

/** The fields to save: a new version when answers to the newest exist, a link id the first time it opens. */
export function valuesToSave(
  existing: Questionnaire | null,
  draft: DesignDraft,
  newestHasAnswers: boolean,
  now: string,
): Record<string, unknown> {
  const versions: QuestionnaireVersion[] = reviseVersions(
    existing?.versions ?? [],
    draft.questions,
    newestHasAnswers,
    now,
  );
  const values: Record<string, unknown> = {
    title: draft.title.trim(),
    about: draft.about.trim(),
    status: draft.status,
    versions,
  };
  if (!existing?.linkId && draft.status === 'open') values.linkId = randomId('', 22);
  return values;
}
