// A signposting directory entry.
import { z } from 'zod';
import { commonFields, date, multiLineText, requiredText, text } from './fields.ts';

export const serviceFields = z.strictObject({
  ...commonFields,
  name: requiredText(120),
  offers: multiLineText(2000),
  phone: text(40),
  web: text(500),
  hours: text(200),
  locality: text(80),
  checkedOn: date,
  /** True for a number known to come from an old or second-hand source: the app warns before anyone relies on it. */
  needsChecking: z.boolean(),
  builtIn: z.boolean(),
});
export type Service = { id: string } & Partial<z.infer<typeof serviceFields>>;
export const serviceRequired = ['name'] as const;
