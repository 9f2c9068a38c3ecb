// A referral or signposting made for one person: to whom (a partner, or an entry of the signposting directory),
// why (sealed at rest: domain/sensitive.ts), with what consent, and whether they got there. Personal data: erasure,
// export and retention follow `attendeeId` (kinds.ts). Seen by the whole team like visits and outreach, so that
// whoever next sees the person can ask how it went; the reason is the only free text, and it is sealed on devices.
import { z } from 'zod';
import { commonFields, date, dateTime, id, multiLineText, text } from './fields.ts';
import { REFERRAL_OUTCOMES, REFERRAL_TYPES } from './referralTerms.ts';

export const referralFields = z.strictObject({
  ...commonFields,
  attendeeId: id,
  /** The partner organisation; or `serviceId` for an entry of the signposting directory. One of the two. */
  partnerId: id,
  serviceId: id,
  /** Its name when the referral was made, so that Today and the export read it without the directory. */
  toName: text(120),
  type: z.enum(REFERRAL_TYPES),
  reason: multiLineText(2000),
  consentGiven: z.boolean(),
  /** What the person agreed to, in the words used ("OK to pass my first name and number to the hub"). */
  consentWording: text(300),
  madeAt: dateTime,
  followUpDue: date,
  outcome: z.enum(REFERRAL_OUTCOMES),
  outcomeAt: dateTime,
});
export type Referral = { id: string } & Partial<z.infer<typeof referralFields>>;
export const referralRequired = ['attendeeId', 'madeAt'] as const;

export { REFERRAL_OUTCOMES, REFERRAL_TYPES };
