// A partner organisation the team refers or signposts people to (a health visiting team, a GP practice, the
// wellbeing hub, a foodbank): organisation data, read and kept up to date by the whole team. Its contacts are
// work contacts (a named health visitor at the practice), not people the organisation supports.
import { z } from 'zod';
import { commonFields, multiLineText, requiredText, text } from './fields.ts';

export const PARTNER_TYPES = ['health visiting team', 'GP practice', 'wellbeing hub', 'foodbank', 'other'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const partnerFields = z.strictObject({
  ...commonFields,
  name: requiredText(120),
  type: z.enum(PARTNER_TYPES),
  phone: text(40),
  email: text(200),
  web: text(500),
  locality: text(80),
  /** Named people to ask for there, one a line ("Fiona Grant, health visitor, 01343 567890"). */
  contacts: multiLineText(2000),
  notes: multiLineText(2000),
});
export type Partner = { id: string } & Partial<z.infer<typeof partnerFields>>;
export const partnerRequired = ['name'] as const;
