// A place where groups meet.
import { z } from 'zod';
import { commonFields, multiLineText, requiredText, text } from './fields.ts';

export const LOCALITIES = ['Elgin', 'Lossiemouth', 'Forres', 'Buckie', 'Keith', 'Speyside', 'Other'] as const;

export const venueFields = z.strictObject({
  ...commonFields,
  name: requiredText(120),
  locality: text(80),
  address: multiLineText(500),
  access: multiLineText(2000),
  babyChange: z.boolean(),
  parking: z.boolean(),
  hasSignal: z.boolean(),
  childcareSpace: z.boolean(),
});
export type Venue = { id: string } & Partial<z.infer<typeof venueFields>>;
export const venueRequired = ['name'] as const;
