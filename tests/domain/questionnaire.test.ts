// Questionnaires: skip logic, answer checks, versioning, and results under the small-number rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateValues } from '../../src/domain/kinds.ts';
import type { Question, QuestionnaireVersion } from '../../src/domain/questionnaire.ts';
import {
  answersCsv,
  filterResponses,
  meanAndSpread,
  questionnaireResults,
} from '../../src/domain/questionnaireResults.ts';
import {
  answerProblems,
  keptAnswers,
  LINK_CAP_MAX,
  linkCapProblem,
  QUESTION_LIMITS,
  questionProblems,
  reviseVersions,
  visibleQuestions,
} from '../../src/domain/questionnaireRules.ts';
import { STARTER_QUESTIONNAIRES } from '../../src/domain/questionnaireStarters.ts';
import type { QuestionnaireResponse } from '../../src/domain/response.ts';
import { KEPT_BACK, shownText, type ReportTable } from '../../src/domain/reports/table.ts';

const AT = '2026-11-24T10:00:00Z';

const QUESTIONS: Question[] = [
  { id: 'intro', type: 'heading', text: 'About you' },
  {
    id: 'heard',
    type: 'single',
    text: 'How did you hear of us?',
    required: true,
    options: [
      { id: 'hv', label: 'Health visitor' },
      { id: 'web', label: 'Social media' },
    ],
    other: true,
  },
  {
    id: 'came',
    type: 'yesno',
    text: 'Have you been to a group?',
    required: true,
    skip: [{ when: 'no', to: 'why' }],
  },
  { id: 'liked', type: 'longText', text: 'What did you like?', required: true },
  { id: 'score', type: 'scale', scale: '1-5', text: 'How welcome did you feel?', skip: [] },
  {
    id: 'why',
    type: 'multiple',
    text: 'What gets in the way?',
    options: [
      { id: 'car', label: 'Transport' },
      { id: 'kids', label: 'Childcare' },
    ],
  },
  { id: 'kids', type: 'number', text: 'How many children?', min: 0, max: 12 },
];

describe('skip logic', () => {
  it('skips forward when the answer matches, and shows every question otherwise', () => {
    const ids = (answers: Record<string, unknown>) =>
      visibleQuestions(QUESTIONS, answers as never).map((question) => question.id);
    expect(ids({ came: false })).toEqual(['intro', 'heard', 'came', 'why', 'kids']);
    expect(ids({ came: true })).toEqual(['intro', 'heard', 'came', 'liked', 'score', 'why', 'kids']);
    expect(ids({})).toEqual(QUESTIONS.map((question) => question.id));
  });

  it('skips to the end', () => {
    const questions: Question[] = [
      { id: 'a', type: 'yesno', text: 'Any children?', skip: [{ when: 'no', to: 'end' }] },
      { id: 'b', type: 'number', text: 'How many?' },
    ];
    expect(visibleQuestions(questions, { a: false }).map((q) => q.id)).toEqual(['a']);
  });

  it('refuses rules that go back, to themselves, nowhere, or wait for an answer not offered', () => {
    const base: Question[] = [
      { id: 'a', type: 'text' as never, text: 'x' },
      { id: 'b', type: 'yesno', text: 'B?' },
      { id: 'c', type: 'shortText', text: 'C?' },
    ];
    const withRule = (rule: { when: string; to: string }, type: Question['type'] = 'yesno') =>
      questionProblems(
        [base[0]!, { ...base[1]!, type, skip: [rule] }, base[2]!].map((q, i) =>
          i === 0 ? { ...q, type: 'heading' } : q,
        ),
      );
    expect(withRule({ when: 'no', to: 'c' })).toEqual([]);
    expect(withRule({ when: 'no', to: 'end' })).toEqual([]);
    expect(withRule({ when: 'no', to: 'a' }).join()).toMatch(/later question/);
    expect(withRule({ when: 'no', to: 'b' }).join()).toMatch(/later question/);
    expect(withRule({ when: 'no', to: 'zz' }).join()).toMatch(/not there/);
    expect(withRule({ when: 'maybe', to: 'c' }).join()).toMatch(/does not offer/);
    expect(withRule({ when: 'no', to: 'c' }, 'shortText').join()).toMatch(/only a "choose one"/);
  });

  it('never loops: any rules that pass the checks end in at most one visit per question', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(9), fc.nat(10), fc.boolean()), { maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        (rules, answers) => {
          const questions: Question[] = Array.from({ length: 10 }, (_, index) => ({
            id: `q${index}`,
            type: 'yesno',
            text: `Question ${index}`,
          }));
          for (const [from, to, when] of rules) {
            const question = questions[from]!;
            const rule = { when: when ? 'yes' : 'no', to: to === 10 ? 'end' : `q${to}` };
            question.skip = [...(question.skip ?? []), rule];
          }
          const given = Object.fromEntries(answers.map((answer, index) => [`q${index}`, answer]));
          const shown = visibleQuestions(questions, given);
          expect(new Set(shown.map((q) => q.id)).size).toBe(shown.length);
          if (questionProblems(questions).length === 0) {
            const order = shown.map((q) => Number(q.id.slice(1)));
            expect(order).toEqual([...order].sort((a, b) => a - b));
          }
        },
      ),
    );
  });
});

describe('answers', () => {
  it('asks for required answers only on questions shown, in words that say what to do', () => {
    const problems = answerProblems(QUESTIONS, { came: false, heard: 'other' });
    expect(problems).toEqual([{ questionId: 'heard', message: 'You chose “Other”: say what, in a few words.' }]);
    expect(answerProblems(QUESTIONS, { came: true, heard: 'hv' })).toEqual([
      { questionId: 'liked', message: 'Please answer this question.' },
    ]);
    expect(answerProblems(QUESTIONS, {}).map((p) => p.questionId)).toEqual(['heard', 'came', 'liked']);
  });

  it('refuses answers out of range, unknown options and unknown questions', () => {
    const answers = { heard: 'fax', came: true, liked: 'Tea', score: 9, kids: 13, why: ['car', 'car'], ghost: 1 };
    const messages = Object.fromEntries(answerProblems(QUESTIONS, answers).map((p) => [p.questionId, p.message]));
    expect(messages).toEqual({
      ghost: 'This question is not in the questionnaire.',
      heard: 'Choose one of the answers given.',
      score: 'Choose a number from 1 to 5.',
      why: 'Choose each answer once.',
      kids: 'Type a number no more than 12.',
    });
  });

  it('keeps only the answers to questions still shown, and "Other" text only when Other is chosen', () => {
    const kept = keptAnswers(QUESTIONS, { heard: 'hv', came: false, liked: 'The tea', why: ['car'] }, { heard: 'x' });
    expect(kept).toEqual({ answers: { heard: 'hv', came: false, why: ['car'] }, other: {} });
  });
});

describe('versions', () => {
  const first: QuestionnaireVersion[] = [{ number: 1, createdAt: AT, questions: QUESTIONS }];
  const edited = QUESTIONS.map((q) => (q.id === 'came' ? { ...q, text: 'Have you come to a group yet?' } : q));

  it('changes the newest version in place until it has answers', () => {
    const next = reviseVersions(first, edited, false, '2026-11-25T10:00:00Z');
    expect(next).toHaveLength(1);
    expect(next[0]?.questions[2]?.text).toBe('Have you come to a group yet?');
  });

  it('makes a new version once answers exist, and the old one keeps its wording', () => {
    const next = reviseVersions(first, edited, true, '2026-11-25T10:00:00Z');
    expect(next.map((v) => v.number)).toEqual([1, 2]);
    expect(next[0]?.questions[2]?.text).toBe('Have you been to a group?');
    expect(next[1]?.questions[2]?.text).toBe('Have you come to a group yet?');
    expect(reviseVersions(next, edited, true, AT)).toEqual(next);
  });

  it('is checked as a record: numbering and skip rules', () => {
    expect(validateValues('questionnaire', { title: 'Help', versions: first }, true)).toEqual([]);
    const renumbered = [{ ...first[0]!, number: 2 }];
    expect(validateValues('questionnaire', { versions: renumbered }, false)[0]?.message).toMatch(/numbered/);
    const looping = [
      { ...first[0]!, questions: [{ id: 'a', type: 'yesno', text: 'A?', skip: [{ when: 'no', to: 'a' }] }] },
    ];
    expect(validateValues('questionnaire', { versions: looping }, false)[0]?.message).toMatch(/later question/);
  });

  it('ships starters that pass every check', () => {
    expect(STARTER_QUESTIONNAIRES.length).toBeGreaterThanOrEqual(2);
    for (const starter of STARTER_QUESTIONNAIRES) {
      const values = {
        title: starter.title,
        about: starter.about,
        versions: [{ number: 1, createdAt: AT, questions: starter.questions }],
      };
      expect(validateValues('questionnaire', values, true), starter.title).toEqual([]);
    }
  });
});

describe('the designer’s settings, checked alike on the device and by the server', () => {
  const serverTakes = (values: Record<string, unknown>) => validateValues('questionnaire', values, false).length === 0;
  const versionWith = (question: Partial<Question>) => [
    { number: 1, createdAt: AT, questions: [{ id: 'q1', type: 'number', text: 'How many?', ...question }] },
  ];

  it('takes a cap on answers by link from 1 to the most allowed, as the server does (property)', () => {
    const caps = fc.oneof(
      fc.integer({ min: -5, max: LINK_CAP_MAX + 5 }),
      fc.double({ min: -5, max: LINK_CAP_MAX + 5, noNaN: true }),
      fc.constantFrom(0, 1, LINK_CAP_MAX, LINK_CAP_MAX + 1, 2.5),
    );
    fc.assert(
      fc.property(caps, (cap) => {
        expect(linkCapProblem(cap) === undefined).toBe(serverTakes({ linkCap: cap }));
      }),
    );
    expect(linkCapProblem(undefined)).toBe('The most answers by link must be a whole number from 1 to 10,000.');
  });

  it('takes a number question’s range and words of a length the server takes (property)', () => {
    const ends = fc.oneof(
      fc.integer({ min: -QUESTION_LIMITS.number - 3, max: QUESTION_LIMITS.number + 3 }),
      fc.constantFrom(-QUESTION_LIMITS.number, QUESTION_LIMITS.number, 0.5, Number.NaN),
    );
    const words = (limit: number) => fc.string({ minLength: 1, maxLength: limit + 3, unit: 'grapheme-ascii' });
    const question = fc.record(
      {
        min: ends,
        max: ends,
        help: words(QUESTION_LIMITS.help),
        lowLabel: words(QUESTION_LIMITS.endLabel),
        highLabel: words(QUESTION_LIMITS.endLabel),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(question, (settings) => {
        const found = questionProblems(versionWith(settings)[0]!.questions as Question[]);
        expect(found.length === 0).toBe(serverTakes({ versions: versionWith(settings) }));
      }),
    );
    expect(questionProblems(versionWith({ min: 5, max: 2 })[0]!.questions as Question[])).toEqual([
      'Question 1 (“How many?”): the smallest number allowed is above the largest.',
    ]);
    expect(
      questionProblems(versionWith({ type: 'scale', lowLabel: 'x'.repeat(61) })[0]!.questions as Question[]),
    ).toEqual(['Question 1 (“How many?”): keep the words at the low end to 60 characters.']);
  });
});

const VERSIONS: QuestionnaireVersion[] = [{ number: 1, createdAt: AT, questions: QUESTIONS }];
const response = (index: number, answers: Record<string, unknown>, extra: Partial<QuestionnaireResponse> = {}) =>
  ({
    id: `r${index}`,
    questionnaireId: 'q',
    version: 1,
    how: 'kiosk',
    answeredOn: '2026-11-24',
    answers,
    ...extra,
  }) as QuestionnaireResponse;

const texts = (table: ReportTable, key: string) =>
  table.rows.map((_, row) =>
    shownText(
      table,
      row,
      table.columns.find((c) => c.key === key)!,
    ),
  );

describe('results', () => {
  it('counts choices with shares, and hides a small count with another so it cannot be subtracted', () => {
    const responses = [
      ...Array.from({ length: 12 }, (_, i) => response(i, { heard: 'hv' })),
      ...Array.from({ length: 7 }, (_, i) => response(20 + i, { heard: 'web' })),
      ...Array.from({ length: 2 }, (_, i) => response(40 + i, { heard: 'other' }, { other: { heard: 'Friend' } })),
    ];
    const result = questionnaireResults(VERSIONS, responses).questions.find((q) => q.question.id === 'heard')!;
    expect(result.answered).toBe(21);
    expect(texts(result.table!, 'people')).toEqual(['12', KEPT_BACK, '<5']);
    expect(texts(result.table!, 'share')).toEqual(['57%', KEPT_BACK, '<5']);
    expect(result.texts).toEqual(['Friend', 'Friend']);
  });

  it('withholds every figure when a small count could be worked out whatever is hidden', () => {
    const responses = [
      ...Array.from({ length: 5 }, (_, i) => response(i, { came: true })),
      response(9, { came: false }),
    ];
    const result = questionnaireResults(VERSIONS, responses).questions.find((q) => q.question.id === 'came')!;
    expect(result.withheld).toBe(true);
    expect(result.table).toBeUndefined();
  });

  it('gives an average and spread only for five or more answers', () => {
    expect(meanAndSpread([1, 2, 3, 4, 5])).toEqual({ mean: 3, sd: Math.sqrt(2.5) });
    const few = questionnaireResults(
      VERSIONS,
      [1, 2, 3].map((i) => response(i, { kids: i })),
    );
    const summary = few.questions.find((q) => q.question.id === 'kids')!.summary!;
    expect(texts(summary, 'mean')).toEqual(['<5']);
    const many = questionnaireResults(
      VERSIONS,
      [1, 2, 3, 4, 5].map((i) => response(i, { kids: i })),
    );
    expect(texts(many.questions.find((q) => q.question.id === 'kids')!.summary!, 'mean')).toEqual(['3.0']);
  });

  it('filters by date, version and how answered', () => {
    const responses = [
      response(1, { came: true }, { answeredOn: '2026-11-01', how: 'link' }),
      response(2, { came: true }, { answeredOn: '2026-11-20', how: 'kiosk' }),
      response(3, { came: true }, { answeredOn: '2026-11-20', how: 'kiosk', version: 2 }),
    ];
    expect(questionnaireResults(VERSIONS, responses, { from: '2026-11-10', version: 1 }).responses).toBe(1);
    expect(questionnaireResults(VERSIONS, responses, { how: 'link' }).responses).toBe(1);
  });

  it('filters by venue: an answer’s own venue, or the venue of the session it was given at', () => {
    const responses = [
      response(1, { came: true }, { venueId: 'buckie' }),
      response(2, { came: true }, { sessionId: 's-elgin' }),
      response(3, { came: true }, { sessionId: 's-buckie' }),
      response(4, { came: true }, { how: 'link' }),
      response(5, { came: true }, { sessionId: 's-unknown' }),
    ];
    const sessionVenues = new Map([
      ['s-elgin', 'elgin'],
      ['s-buckie', 'buckie'],
    ]);
    const at = (venueId: string) =>
      filterResponses(responses, { venueId, sessionVenues })
        .map((kept) => kept.id)
        .sort();
    expect(at('buckie')).toEqual(['r1', 'r3']);
    expect(at('elgin')).toEqual(['r2']);
    expect(at('forres')).toEqual([]);
    expect(filterResponses(responses, { sessionVenues })).toHaveLength(5);
    expect(questionnaireResults(VERSIONS, responses, { venueId: 'buckie', sessionVenues }).responses).toBe(2);
    const csv = answersCsv(VERSIONS, responses, { venueId: 'elgin', sessionVenues });
    expect(csv.trim().split('\r\n')).toHaveLength(2);
  });

  it('exports anonymous answers as CSV with labels, leaving out answers kept with a person', () => {
    const csv = answersCsv(VERSIONS, [
      response(1, { heard: 'other', came: true, why: ['car', 'kids'] }, { other: { heard: '=Friend' } }),
      response(2, { came: false }, { attendeeId: 'a1', consent: true }),
    ]);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('2026-11-24,On the kiosk,1,Other: =Friend,Yes,,,Transport; Childcare,');
  });

  it('never publishes a figure from 1 to 4, nor one that a "<5" can be worked out from (property)', () => {
    const options = ['a', 'b', 'c', 'd', 'e'];
    const question: Question = {
      id: 'pick',
      type: 'single',
      text: 'Pick',
      options: options.map((id) => ({ id, label: id.toUpperCase() })),
    };
    const scale: Question = { id: 'scale', type: 'scale', scale: '1-5', text: 'Scale' };
    const many: Question = { id: 'many', type: 'multiple', text: 'Many', options: question.options! };
    const versions: QuestionnaireVersion[] = [{ number: 1, createdAt: AT, questions: [question, scale, many] }];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            pick: fc.constantFrom(...options),
            scale: fc.integer({ min: 1, max: 5 }),
            many: fc.subarray(options),
          }),
          { maxLength: 60 },
        ),
        (answers) => {
          const responses = answers.map((a, i) => response(i, a));
          const results = questionnaireResults(versions, responses);
          for (const result of results.questions) {
            for (const table of [result.table, result.summary]) {
              if (!table) continue;
              for (const [row] of table.rows.entries()) {
                for (const column of table.columns) {
                  const shown = shownText(table, row, column);
                  if (column.kind === 'people') expect(shown).toMatch(/^(0|[5-9]|\d{2,}|<5|hidden)$/);
                  if (column.kind === 'share' && shown.endsWith('%')) {
                    const cell = table.rows[row]![column.key] as { part: number; whole: number };
                    expect(cell.part === 0 || cell.part >= 5).toBe(true);
                    expect(cell.whole).toBeGreaterThanOrEqual(5);
                  }
                  if (column.kind === 'average' && /^\d/.test(shown)) expect(result.answered).toBeGreaterThanOrEqual(5);
                }
              }
            }
            // One answer each: the rows add up to the total shown. Each "<5" must still be anything from 1 to 4.
            if (result.table && result.question.type !== 'multiple') {
              const people = result.table.columns.find((c) => c.key === 'people')!;
              const shown = result.table.rows.map((_, row) => shownText(result.table!, row, people));
              const known = shown.filter((text) => /^\d+$/.test(text)).reduce((t, v) => t + Number(v), 0);
              const rest = result.answered - known;
              const smalls = shown.filter((text) => text === '<5').length;
              const hidden = shown.filter((text) => text === KEPT_BACK).length;
              if (smalls > 0) {
                // The most one "<5" can be: the rest less the least of every other unknown.
                expect(rest - (smalls - 1) - 5 * hidden).toBeGreaterThanOrEqual(4);
                if (hidden === 0) expect(rest - 4 * (smalls - 1)).toBeLessThanOrEqual(1);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
