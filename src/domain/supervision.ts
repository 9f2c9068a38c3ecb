// That a supervision session took place: when, and with whom. What was said is a separate record
// (supervisionNote.ts), readable only by the two people in the room.
import { z } from 'zod';
import { commonFields, date, text } from './fields.ts';

export const supervisionFields = z.strictObject({
  ...commonFields,
  memberId: text(100),
  supervisorId: text(100),
  on: date,
});
export type Supervision = { id: string } & Partial<z.infer<typeof supervisionFields>>;
export const supervisionRequired = ['memberId', 'supervisorId', 'on'] as const;
