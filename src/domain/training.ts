// A course a team member has completed (safeguarding, peer support, first aid…), and when it wants renewing.
import { z } from 'zod';
import { commonFields, date, requiredText, text } from './fields.ts';

export const trainingFields = z.strictObject({
  ...commonFields,
  /** The team member (a server user's id): the record is private to them and the coordinators. */
  memberId: text(100),
  name: requiredText(120),
  completedOn: date,
  /** Empty for a course that never needs renewing. */
  renewBy: date.or(z.literal('')),
});
export type Training = { id: string } & Partial<z.infer<typeof trainingFields>>;
export const trainingRequired = ['memberId', 'name', 'completedOn'] as const;
