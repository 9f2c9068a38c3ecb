// A home visit or 1-2-1, with the lone-worker check-in on arrival and on leaving.
import { z } from 'zod';
import { commonFields, dateTime, id, text } from './fields.ts';

const VISIT_STATUSES = ['scheduled', 'in progress', 'done', 'cancelled'] as const;
/** A home visit, or a 1-2-1 by phone or in a venue: the lone-worker check-in matters most for the first. */
const VISIT_KINDS = ['home visit', 'phone', 'venue'] as const;

export const visitFields = z.strictObject({
  ...commonFields,
  attendeeId: id,
  supporterId: text(100),
  /** The colleague (a coordinator unless another is chosen) who is alerted with the coordinators. */
  buddyId: text(100),
  at: dateTime,
  expectedMinutes: z.number().int().min(5).max(600),
  where: text(500),
  /** null once an arrival tapped by mistake is taken back. */
  arrivedAt: dateTime.nullable(),
  leftAt: dateTime,
  status: z.enum(VISIT_STATUSES),
  kind: z.enum(VISIT_KINDS),
});
export type Visit = { id: string } & Partial<z.infer<typeof visitFields>>;
export const visitRequired = ['attendeeId', 'at'] as const;
