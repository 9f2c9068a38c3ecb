// A parent: the minimum needed to welcome them, never a full name by default.
import { z } from 'zod';
import { commonFields, date, dateTime, id, requiredText, text, textList } from './fields.ts';

export const baby = z.strictObject({
  alias: text(80),
  dateOfBirth: date.optional(),
  dueDate: date.optional(),
});
export type Baby = z.infer<typeof baby>;

export const consent = z.strictObject({
  what: textList,
  at: dateTime,
  wordingVersion: text(40),
  /** Set when the person takes their consent back; giving it again replaces the whole object. */
  withdrawnAt: dateTime.optional(),
});
export type Consent = z.infer<typeof consent>;

export const contactPreferences = z.strictObject({
  phone: text(40),
  okToText: z.boolean(),
  okToVoicemail: z.boolean(),
  okToNameCharity: z.boolean(),
});

export const attendeeFields = z.strictObject({
  ...commonFields,
  displayName: requiredText(80),
  babies: z.array(baby).max(10),
  locality: text(80),
  heardVia: text(200),
  consent: consent,
  contact: contactPreferences,
  needs: textList,
  cake: text(200),
  /** Set on a duplicate merged into another record, so late changes and erasure can follow the person. */
  mergedInto: id,
});
export type Attendee = { id: string } & Partial<z.infer<typeof attendeeFields>>;
export const attendeeRequired = ['displayName'] as const;
