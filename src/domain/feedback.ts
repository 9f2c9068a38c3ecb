// Anonymous feedback after a session: deliberately no link to any attendee.
import { z } from 'zod';
import { commonFields, id, multiLineText } from './fields.ts';

export const feedbackFields = z.strictObject({
  ...commonFields,
  sessionId: id,
  feltWelcome: z.number().int().min(1).max(5),
  wouldComeAgain: z.boolean(),
  comment: multiLineText(2000),
});
export type Feedback = { id: string } & Partial<z.infer<typeof feedbackFields>>;
export const feedbackRequired = ['sessionId'] as const;
