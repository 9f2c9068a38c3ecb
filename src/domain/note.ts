// A wellbeing note: special category data, seen by its author and coordinators unless shared.
import { z } from 'zod';
import { commonFields, date, id, multiLineText, requiredMultiLineText, text } from './fields.ts';

export const NOTE_CONTEXTS = ['group', 'home visit', 'phone'] as const;
export const FOCUS_AREAS = [
  'anxiety',
  'mood',
  'confidence',
  'self-esteem',
  'loneliness',
  'connection with partner',
  'connection with friends',
  'sense of identity',
] as const;
export const CONCERN_LEVELS = ['none', 'keep an eye', 'talk to coordinator', 'urgent'] as const;
export const NOTE_VISIBILITIES = ['private', 'team'] as const;

const score = z.number().int().min(0).max(10);

export const noteFields = z.strictObject({
  ...commonFields,
  attendeeId: id,
  sessionId: id,
  visitId: id,
  context: z.enum(NOTE_CONTEXTS),
  focusAreas: z.array(z.enum(FOCUS_AREAS)).max(FOCUS_AREAS.length),
  positives: multiLineText(),
  body: requiredMultiLineText(20_000),
  concern: z.enum(CONCERN_LEVELS),
  concernPickedUpBy: text(100),
  followUp: multiLineText(2000),
  followUpDue: date,
  followUpDone: z.boolean(),
  visibility: z.enum(NOTE_VISIBILITIES),
  ons4: z.strictObject({ satisfied: score, worthwhile: score, happy: score, anxious: score }),
});
export type Note = { id: string } & Partial<z.infer<typeof noteFields>>;
export const noteRequired = ['attendeeId', 'body'] as const;
