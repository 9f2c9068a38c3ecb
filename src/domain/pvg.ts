// A team member's PVG scheme membership (Scotland's Protecting Vulnerable Groups scheme), as the organisation
// last checked it. Deliberately no membership number or disclosure content: the status and the dates are all
// the app needs to remind a coordinator, and the number is kept where the organisation keeps its PVG records.
import { z } from 'zod';
import { commonFields, date, text } from './fields.ts';

export const PVG_STATUSES = ['member', 'applied', 'not a member', 'lapsed'] as const;
export type PvgStatus = (typeof PVG_STATUSES)[number];

export const pvgFields = z.strictObject({
  ...commonFields,
  memberId: text(100),
  status: z.enum(PVG_STATUSES),
  /** When membership must be renewed (or the organisation checks it again). */
  renewBy: date.or(z.literal('')),
  checkedOn: date.or(z.literal('')),
});
export type Pvg = { id: string } & Partial<z.infer<typeof pvgFields>>;
export const pvgRequired = ['memberId', 'status'] as const;
