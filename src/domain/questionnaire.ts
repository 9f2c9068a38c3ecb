// A peer-research questionnaire: its wording kept as numbered versions, so that answers given to one version
// keep the words they answered (questionnaireRules.ts decides when an edit makes a new version).
import { z } from 'zod';
import { commonFields, dateTime, id, multiLineText, requiredText, text } from './fields.ts';
import { LINK_CAP_MAX, QUESTION_LIMITS, questionProblems } from './questionnaireChecks.ts';

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'scale',
  'yesno',
  'number',
  'shortText',
  'longText',
  'heading',
  'explanation',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What a peer researcher picks from, in the designer's words. */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: 'Choose one',
  multiple: 'Choose any',
  scale: 'Scale',
  yesno: 'Yes or no',
  number: 'A number',
  shortText: 'Short answer',
  longText: 'Longer answer',
  heading: 'Section heading',
  explanation: 'Explanation',
};

export const SCALES = ['1-5', '0-10'] as const;
export const QUESTIONNAIRE_STATUSES = ['draft', 'open', 'closed'] as const;
export { SKIP_TO_END } from './questionnaireChecks.ts';

const optionSchema = z.strictObject({ id, label: requiredText(200) });

const skipSchema = z.strictObject({
  /** An option's id, or "yes" / "no". */
  when: id,
  /** A later question's id, or "end". */
  to: id,
});

export const questionSchema = z.strictObject({
  id,
  type: z.enum(QUESTION_TYPES),
  /** The question, or the heading or explanation itself. */
  text: requiredText(QUESTION_LIMITS.text),
  help: text(QUESTION_LIMITS.help).optional(),
  required: z.boolean().optional(),
  options: z.array(optionSchema).max(30).optional(),
  /** Offers "Other (please say)" on a choice question. */
  other: z.boolean().optional(),
  scale: z.enum(SCALES).optional(),
  lowLabel: text(QUESTION_LIMITS.endLabel).optional(),
  highLabel: text(QUESTION_LIMITS.endLabel).optional(),
  min: z.number().int().min(-QUESTION_LIMITS.number).max(QUESTION_LIMITS.number).optional(),
  max: z.number().int().min(-QUESTION_LIMITS.number).max(QUESTION_LIMITS.number).optional(),
  skip: z.array(skipSchema).max(30).optional(),
});
export type Question = z.infer<typeof questionSchema>;
export type QuestionOption = z.infer<typeof optionSchema>;
export type SkipRule = z.infer<typeof skipSchema>;

export const versionSchema = z
  .strictObject({
    number: z.number().int().min(1).max(1000),
    createdAt: dateTime,
    questions: z.array(questionSchema).max(100),
  })
  .superRefine((version, context) => {
    for (const problem of questionProblems(version.questions)) context.addIssue({ code: 'custom', message: problem });
  });
export type QuestionnaireVersion = z.infer<typeof versionSchema>;

export const questionnaireFields = z.strictObject({
  ...commonFields,
  title: requiredText(120),
  /** Shown to parents before the questions: who runs it and how the answers are used. */
  about: multiLineText(2000),
  status: z.enum(QUESTIONNAIRE_STATUSES),
  versions: z
    .array(versionSchema)
    .min(1)
    .max(50)
    .refine((versions) => versions.every((version, index) => version.number === index + 1), {
      message: 'must be numbered 1, 2, 3… in order',
    }),
  /** The public link's unguessable id, made when the questionnaire is first opened to answers by link. */
  linkId: id,
  /** Answers by link accepted at most (a flood stops here). */
  linkCap: z.number().int().min(1).max(LINK_CAP_MAX),
});
export type Questionnaire = { id: string } & Partial<z.infer<typeof questionnaireFields>>;
export const questionnaireRequired = ['title', 'versions'] as const;
