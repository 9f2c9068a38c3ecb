// The designer's working copy of a questionnaire, and the edits it makes: kept apart from the screen so the rules
// (stable ids, options from lines, a new version once answers exist) are plain functions.
import type { Question, QuestionType } from '../../domain/questionnaire.ts';
import {
  DEFAULT_LINK_CAP,
  hasOptions,
  linkCapProblem,
  questionProblems,
  reviseVersions,
} from '../../domain/questionnaireRules.ts';
import type { Questionnaire, QuestionnaireVersion } from '../../domain/questionnaire.ts';

export interface DesignDraft {
  title: string;
  about: string;
  status: 'draft' | 'open' | 'closed';
  /** The most answers to take by link, as typed. */
  linkCap: string;
  questions: Question[];
}

/**
 * A whole number as typed into the designer: `undefined` when nothing is typed, NaN when it is not a whole number
 * (the checks then say what to fix).
 */
export function wholeNumberFrom(typed: string): number | undefined {
  const trimmed = typed.trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  return /^[-−]?\d+$/.test(trimmed) ? Number(trimmed.replace('−', '-')) : Number.NaN;
}

export const defaultLinkCap = (existing: Questionnaire | null) => String(existing?.linkCap ?? DEFAULT_LINK_CAP);

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

/** A question's optional words, as the designer takes them: saved without spaces at either end. */
const OPTIONAL_WORDS = ['help', 'lowLabel', 'highLabel'] as const;

/** The optional fields the designer sets: its words, and the bounds of a number question. */
type OptionalField = (typeof OPTIONAL_WORDS)[number] | 'min' | 'max';

/** The question with an optional field set, or left out when it is blank (so that no empty words are saved). */
export function withOptional<K extends OptionalField>(
  question: Question,
  key: K,
  value: Question[K] | undefined,
): Question {
  const next = { ...question };
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) delete next[key];
  else next[key] = value;
  return next;
}

/** Words as they are saved: without spaces at either end. */
function tidied(question: Question): Question {
  return OPTIONAL_WORDS.reduce((next, key) => withOptional(next, key, next[key]?.trim()), question);
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
  const capProblem = linkCapProblem(wholeNumberFrom(draft.linkCap));
  if (capProblem) problems.push(capProblem);
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
    draft.questions.map(tidied),
    newestHasAnswers,
    now,
  );
  const values: Record<string, unknown> = {
    title: draft.title.trim(),
    about: draft.about.trim(),
    status: draft.status,
    versions,
    linkCap: wholeNumberFrom(draft.linkCap),
  };
  if (!existing?.linkId && draft.status === 'open') values.linkId = randomId('', 22);
  return values;
}
