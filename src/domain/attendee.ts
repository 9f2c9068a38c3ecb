// A parent: the minimum needed to welcome them, never a full name by default.
import { z } from 'zod';
import { DIETARY_NEEDS } from './dietary.ts';
import { commonFields, date, dateTime, id, requiredText, text, textList } from './fields.ts';

/** A baby's age as a parent gave it at a walk-in, when they did not give a date (see checkInList.ts). */
export const BABY_AGE_BANDS = ['expecting', 'under-3-months', '3-6-months', '6-12-months', '1-2-years'] as const;
export type BabyAgeBand = (typeof BABY_AGE_BANDS)[number];

export const baby = z.strictObject({
  alias: text(80),
  dateOfBirth: date.optional(),
  dueDate: date.optional(),
  /**
   * What the parent said instead of a date, and the day they said it: kept as said, so that an estimate is
   * never taken for a real date of birth. The age shown is worked out from it, as "about …".
   */
  ageBand: z.enum(BABY_AGE_BANDS).optional(),
  ageBandOn: date.optional(),
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

const contactPreferences = z.strictObject({
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
  /** Dietary needs, for the food list's counts (never shown with names); health-ish, so sealed at rest. */
  dietary: z.array(z.enum(DIETARY_NEEDS)).max(DIETARY_NEEDS.length),
  /** Set on a duplicate merged into another record, so late changes and erasure can follow the person. */
  mergedInto: id,
});
export type Attendee = { id: string } & Partial<z.infer<typeof attendeeFields>>;
export const attendeeRequired = ['displayName'] as const;
