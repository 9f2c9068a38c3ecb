// A referral's rules and words, kept free of zod so that Today can use them without loading the schemas.
import type { Referral } from './referral.ts';

export { REFERRAL_OUTCOMES, REFERRAL_TYPES, type ReferralOutcome } from './referralTerms.ts';
import type { ReferralOutcome } from './referralTerms.ts';

export const OUTCOME_LABELS: Record<ReferralOutcome, string> = {
  'got there': 'Got there',
  "didn't get there": 'Didn’t get there',
  declined: 'Decided not to',
  unknown: 'Not known',
};

/** Days after the referral that "did they get there?" comes up on Today, unless the form says otherwise. */
export const FOLLOW_UP_DAYS = 14;

/** True when the follow-up is due on `today` (a London date) or before, and no outcome is recorded. */
export function isFollowUpDue(referral: Referral, today: string): boolean {
  return (
    referral.deleted !== true &&
    referral.outcome === undefined &&
    typeof referral.followUpDue === 'string' &&
    referral.followUpDue <= today
  );
}

/** Who sees a referral's follow-up on Today: whoever made it, and every coordinator. */
export function followsUp(referral: Referral, user: { id: string; role: string }): boolean {
  return user.role === 'coordinator' || referral.createdBy === user.id;
}

/** The partner or directory entry a referral is to, as `partner:<id>` or `service:<id>` (the form's value). */
export function referralTarget(referral: Referral): string | undefined {
  if (referral.partnerId) return `partner:${referral.partnerId}`;
  if (referral.serviceId) return `service:${referral.serviceId}`;
  return undefined;
}
