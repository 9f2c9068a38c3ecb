// The public questionnaire link (server/routes/research.ts): what a parent's phone reads, and what it sends.
// No account, no cookie; answers only.
import { z } from 'zod';
import { questionSchema } from '../domain/questionnaire.ts';
import { answersSchema, otherSchema } from '../domain/response.ts';
import { ID_PATTERN } from '../domain/ids.ts';

export const linkParams = z.object({ linkId: z.string().regex(ID_PATTERN, 'is not a questionnaire link') });

/** GET /api/public/questionnaires/:linkId: the questionnaire as it is collected now (its newest version). */
export const publicQuestionnaireAnswer = z.object({
  questionnaire: z.object({
    title: z.string(),
    about: z.string(),
    version: z.number(),
    questions: z.array(questionSchema),
  }),
});
export type PublicQuestionnaire = z.infer<typeof publicQuestionnaireAnswer>['questionnaire'];

/** Largest body a set of answers may be: a long questionnaire's worth of typing, and no more. */
export const PUBLIC_ANSWER_BODY_LIMIT = 32 * 1024;

/** POST /api/public/questionnaires/:linkId/responses */
export const publicResponseBody = z.strictObject({
  /** Made on the phone, so that sending again after a lost answer does not count twice. */
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 letters, digits, - or _'),
  version: z.number().int().min(1).max(1000),
  answers: answersSchema,
  other: otherSchema.optional(),
});
export type PublicResponse = z.infer<typeof publicResponseBody>;
export const publicResponseAnswer = z.object({ status: z.enum(['saved', 'already_saved']) });

/** Answers by link, per address, per hour: a parent (or a family sharing a phone) is far below it. */
export const PUBLIC_ANSWERS_PER_HOUR = 20;
/** Answers by link per questionnaire when it sets no cap of its own. */
export { DEFAULT_LINK_CAP } from '../domain/questionnaireChecks.ts';
