// A questionnaire's results, per question, under the reports' small-number rules (reports/suppress.ts): counts
// and shares of choices and scale points as report tables (with secondary suppression), averages with their
// spread, and free text kept apart for the team. Also the anonymous answers as CSV.
import { londonDate } from './london.ts';
import type { Question, QuestionnaireVersion } from './questionnaire.ts';
import { findVersion, isAnswerable, OTHER_OPTION, scalePoints } from './questionnaireRules.ts';
import { SMALL } from './reports/suppress.ts';
import { columnSums, csvField, keepBack, type CellRef, type ReportTable } from './reports/table.ts';
import { ANSWER_WAY_LABELS, type AnswerValue, type AnswerWay, type QuestionnaireResponse } from './response.ts';

export interface ResultFilters {
  /** London dates, inclusive; empty: no bound. */
  from?: string;
  to?: string;
  /** A version's number; undefined: every version, each question counted by its id. */
  version?: number;
  how?: AnswerWay;
  venueId?: string;
  /**
   * The venue of each session, by session id: an answer given at a session (the kiosk's) names its session, not
   * a venue, so the venue filter finds it through its session. Answers by link or during a visit have no venue.
   */
  sessionVenues?: ReadonlyMap<string, string>;
}

/** Where an answer was given: its own venue, or its session's; undefined for answers with neither. */
export function responseVenue(
  response: QuestionnaireResponse,
  sessionVenues?: ReadonlyMap<string, string>,
): string | undefined {
  if (response.venueId) return response.venueId;
  return response.sessionId ? sessionVenues?.get(response.sessionId) : undefined;
}

export interface QuestionResult {
  question: Question;
  /** People who answered it. */
  answered: number;
  /** Choices, yes/no and scale points: people and share per answer. */
  table?: ReportTable;
  /** Every figure of the table held back: with so few answers, any of them could be worked out. */
  withheld?: boolean;
  /** Scales and numbers: the average and its spread (standard deviation). */
  summary?: ReportTable;
  /** What people typed (free text and "Other"): for the team only, never in a published summary. */
  texts?: string[];
}

export interface Results {
  responses: number;
  questions: QuestionResult[];
}

/** The responses the filters let through, those that still exist. */
export function filterResponses(
  responses: readonly QuestionnaireResponse[],
  filters: ResultFilters,
): QuestionnaireResponse[] {
  return responses.filter((response) => {
    if (response.deleted || !response.answers || response.version === undefined) return false;
    const on = response.answeredOn ?? (response.createdAt ? londonDate(response.createdAt) : undefined);
    if (filters.from && (!on || on < filters.from)) return false;
    if (filters.to && (!on || on > filters.to)) return false;
    if (filters.version !== undefined && response.version !== filters.version) return false;
    if (filters.how && response.how !== filters.how) return false;
    if (filters.venueId && responseVenue(response, filters.sessionVenues) !== filters.venueId) return false;
    return true;
  });
}

/**
 * The questions results are shown for: those of the version chosen, or for every version the newest wording of
 * each question id (the designer keeps ids when wording changes, so that answers across versions add up).
 */
export function resultQuestions(versions: readonly QuestionnaireVersion[], version?: number): Question[] {
  if (version !== undefined) return findVersion(versions, version)?.questions ?? [];
  const byId = new Map<string, Question>();
  const order: string[] = [];
  for (const { questions } of versions) {
    for (const question of questions) {
      if (!byId.has(question.id)) order.push(question.id);
      byId.set(question.id, question);
    }
  }
  return order.map((id) => byId.get(id)).filter((question): question is Question => question !== undefined);
}

export function questionnaireResults(
  versions: readonly QuestionnaireVersion[],
  responses: readonly QuestionnaireResponse[],
  filters: ResultFilters = {},
): Results {
  const chosen = filterResponses(responses, filters);
  const questions = resultQuestions(versions, filters.version).filter(isAnswerable);
  return { responses: chosen.length, questions: questions.map((question) => questionResult(question, chosen)) };
}

function questionResult(question: Question, responses: readonly QuestionnaireResponse[]): QuestionResult {
  const given = responses
    .map((response) => ({ answer: response.answers?.[question.id], other: response.other?.[question.id] }))
    .filter((entry): entry is { answer: AnswerValue; other: string | undefined } => entry.answer !== undefined);
  const answered = given.length;
  const result: QuestionResult = { question, answered };
  const texts = given
    .map(({ answer, other }) => (question.type === 'shortText' || question.type === 'longText' ? answer : other))
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '');
  if (texts.length > 0) result.texts = texts;

  const rows = answerRows(question);
  if (rows.length > 0) {
    const counts = rows.map((row) => given.filter(({ answer }) => row.matches(answer)).length);
    const table: ReportTable = {
      id: `question-${question.id}`,
      title: question.text,
      columns: [
        { key: 'answer', label: 'Answer', kind: 'label' },
        { key: 'people', label: 'People', kind: 'people' },
        { key: 'share', label: 'Share', kind: 'share' },
      ],
      rows: rows.map((row, index) => ({
        answer: row.label,
        people: counts[index] ?? 0,
        share: { part: counts[index] ?? 0, whole: answered },
      })),
    };
    // One answer each: the rows add up to the people who answered, which is shown. Choosing several: no sum.
    const sums = question.type === 'multiple' ? [] : columnSums(table, ['people']);
    const kept = keepBack(table, sums);
    if (sums.some((sum) => !safeSum(kept, sum))) result.withheld = true;
    else result.table = kept;
  }

  if (question.type === 'scale' || question.type === 'number') {
    const values = given.map(({ answer }) => answer).filter((value): value is number => typeof value === 'number');
    const { mean, sd } = meanAndSpread(values);
    result.summary = {
      id: `question-${question.id}-average`,
      title: `${question.text}: average`,
      columns: [
        { key: 'people', label: 'People answered', kind: 'people' },
        { key: 'mean', label: 'Average', kind: 'average' },
        { key: 'sd', label: 'Spread (standard deviation)', kind: 'average' },
      ],
      rows: [
        {
          people: values.length,
          mean: { value: mean, people: values.length },
          sd: { value: sd, people: values.length },
        },
      ],
    };
  }
  return result;
}

interface AnswerRow {
  label: string;
  matches: (answer: AnswerValue) => boolean;
}

function answerRows(question: Question): AnswerRow[] {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chose = (id: string) => (answer: AnswerValue) =>
        Array.isArray(answer) ? answer.includes(id) : answer === id;
      const rows = (question.options ?? []).map((option) => ({ label: option.label, matches: chose(option.id) }));
      return question.other ? [...rows, { label: 'Other', matches: chose(OTHER_OPTION) }] : rows;
    }
    case 'yesno':
      return [
        { label: 'Yes', matches: (answer) => answer === true },
        { label: 'No', matches: (answer) => answer === false },
      ];
    case 'scale':
      return scalePoints(question).map((point) => ({ label: String(point), matches: (answer) => answer === point }));
    default:
      return [];
  }
}

/** Mean and sample standard deviation; undefined where there is nothing (or, for spread, one value) to work from. */
export function meanAndSpread(values: readonly number[]): { mean?: number; sd?: number } {
  if (values.length === 0) return {};
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  if (values.length < 2) return { mean };
  const squares = values.reduce((total, value) => total + (value - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(squares / (values.length - 1)) };
}

/**
 * Whether the "<5"s of a group whose total is shown can each still be anything from 1 to 4, for someone who
 * knows the rules (a "<5" is 1 to 4, a hidden figure 5 or more): the test keepBack works to. When keepBack runs
 * out of figures to hide (a small total), the question's figures are withheld altogether.
 */
function safeSum(table: ReportTable, sum: readonly CellRef[]): boolean {
  const value = ([row, key]: CellRef) => {
    const cell = table.rows[row]?.[key];
    return typeof cell === 'number' ? cell : 0;
  };
  const hidden = sum.filter(([row, key]) => table.keptBack?.has(`${row}:${key}`));
  const smalls = sum.filter((ref) => value(ref) > 0 && value(ref) < SMALL);
  if (smalls.length === 0) return true;
  const held = [...smalls, ...hidden].reduce((total, ref) => total + value(ref), 0);
  const most = held - SMALL * hidden.length - (smalls.length - 1);
  const least = hidden.length > 0 ? 1 : held - (SMALL - 1) * (smalls.length - 1);
  return most >= SMALL - 1 && least <= 1;
}

/** How an answer reads in the CSV: option labels, "Yes"/"No", the number or the text. */
function answerText(question: Question, answer: AnswerValue | undefined, other: string | undefined): string {
  if (answer === undefined) return '';
  const label = (id: string) =>
    id === OTHER_OPTION
      ? `Other: ${other ?? ''}`.trim()
      : (question.options?.find((option) => option.id === id)?.label ?? id);
  if (typeof answer === 'boolean') return answer ? 'Yes' : 'No';
  if (Array.isArray(answer)) return answer.map(label).join('; ');
  if (typeof answer === 'string' && (question.type === 'single' || question.type === 'multiple')) return label(answer);
  return String(answer);
}

/**
 * The anonymous answers as CSV, one row each, for the team's own analysis: answers recorded with a person are
 * left out (they are not anonymous), and so is anything that could point to one: no time of day, no venue.
 */
export function answersCsv(
  versions: readonly QuestionnaireVersion[],
  responses: readonly QuestionnaireResponse[],
  filters: ResultFilters = {},
): string {
  const questions = resultQuestions(versions, filters.version).filter(isAnswerable);
  const anonymous = filterResponses(responses, filters).filter((response) => !response.attendeeId);
  const header = ['Answered on', 'How', 'Version', ...questions.map((question) => question.text)];
  const lines = [header.map(csvField).join(',')];
  const sorted = [...anonymous].sort((a, b) => (a.answeredOn ?? '').localeCompare(b.answeredOn ?? ''));
  for (const response of sorted) {
    const cells = [
      response.answeredOn ?? '',
      response.how ? ANSWER_WAY_LABELS[response.how] : '',
      String(response.version ?? ''),
      ...questions.map((question) =>
        answerText(question, response.answers?.[question.id], response.other?.[question.id]),
      ),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
