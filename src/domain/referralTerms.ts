// A referral's kinds and outcomes, kept apart from its rules (referralRules.ts) so that the referral's schema can
// name them without a loop back to it.
export const REFERRAL_TYPES = ['referral', 'signposting'] as const;
export const REFERRAL_OUTCOMES = ['got there', "didn't get there", 'declined', 'unknown'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
