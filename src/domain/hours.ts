// Hours a team member gave that no session or visit records: training others, admin, a phone round.
import { z } from 'zod';
import { commonFields, date, text } from './fields.ts';

export const hoursFields = z.strictObject({
  ...commonFields,
  memberId: text(100),
  on: date,
  /** In quarter hours, at most a day. */
  hours: z
    .number()
    .min(0.25)
    .max(24)
    .refine((value) => Number.isInteger(value * 4), 'must be in quarter hours'),
  what: text(200),
});
export type Hours = { id: string } & Partial<z.infer<typeof hoursFields>>;
export const hoursRequired = ['memberId', 'on', 'hours'] as const;
