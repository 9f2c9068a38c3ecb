// One set of answers to a questionnaire. Anonymous unless a peer supporter records it with a parent's consent:
// then `attendeeId` names them (erasure and export follow it). Never a device, an account or an IP address
// beyond the sync metadata every record has; the public link's answers carry not even that (server/research).
import { z } from 'zod';
import { commonFields, date, id, multiLineText, text } from './fields.ts';
import { ID_PATTERN } from './ids.ts';

export const ANSWER_WAYS = ['kiosk', 'link', 'visit', 'session'] as const;
export type AnswerWay = (typeof ANSWER_WAYS)[number];
export const ANSWER_WAY_LABELS: Record<AnswerWay, string> = {
  kiosk: 'On the kiosk',
  link: 'By link',
  visit: 'During a visit',
  session: 'At a session',
};

export const MAX_ANSWER_TEXT = 2000;
export const MAX_OTHER_TEXT = 500;
const MAX_ANSWERS = 100;

const answerValue = z.union([
  z.boolean(),
  z.number().finite(),
  multiLineText(MAX_ANSWER_TEXT),
  z.array(z.string().regex(ID_PATTERN)).max(31),
]);
export type AnswerValue = z.infer<typeof answerValue>;

const byQuestion = <T extends z.ZodType>(value: T) =>
  z
    .record(z.string().regex(ID_PATTERN), value)
    .refine((record) => Object.keys(record).length <= MAX_ANSWERS, `must answer at most ${MAX_ANSWERS} questions`);

export const answersSchema = byQuestion(answerValue);
export const otherSchema = byQuestion(text(MAX_OTHER_TEXT));
export type Answers = Record<string, AnswerValue>;

export const responseFields = z.strictObject({
  ...commonFields,
  questionnaireId: id,
  version: z.number().int().min(1).max(1000),
  answers: answersSchema,
  /** What was typed beside "Other", by question. */
  other: otherSchema,
  how: z.enum(ANSWER_WAYS),
  /** The London date it was answered: no time of day, which could point to who was at the tablet. */
  answeredOn: date,
  venueId: id,
  sessionId: id,
  attendeeId: id,
  /** The parent agreed to their answers being kept with their record; required with `attendeeId`. */
  consent: z.boolean(),
});
export type QuestionnaireResponse = { id: string } & Partial<z.infer<typeof responseFields>>;
export const responseRequired = ['questionnaireId', 'version', 'answers', 'how'] as const;
