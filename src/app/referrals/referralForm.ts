// The rules of the referral form, with the words that say what to fix.
import { addDays, format } from 'date-fns';
import type { Errors } from '../account/validation.ts';
import { CALENDAR, calendarDate, londonInstant } from '../../domain/london.ts';
import { FOLLOW_UP_DAYS } from '../../domain/referralRules.ts';

export type ReferralField = 'target' | 'type' | 'reason' | 'consent' | 'consentWording' | 'followUpDue';

export interface ReferralFormValues {
  /** `partner:<id>` or `service:<id>`. */
  target: string;
  type: 'referral' | 'signposting';
  reason: string;
  consent: boolean;
  consentWording: string;
  followUpDue: string;
}

export const REFERRAL_FIELD_ORDER: readonly ReferralField[] = [
  'target',
  'type',
  'reason',
  'consent',
  'consentWording',
  'followUpDue',
];

export const DEFAULT_CONSENT_WORDING = 'Happy for us to pass on their first name and number';

export function blankReferral(today: string, target = ''): ReferralFormValues {
  return {
    target,
    type: 'referral',
    reason: '',
    consent: false,
    consentWording: DEFAULT_CONSENT_WORDING,
    followUpDue: format(addDays(calendarDate(today), FOLLOW_UP_DAYS), 'yyyy-MM-dd', { in: CALENDAR }),
  };
}

export function validateReferral(values: ReferralFormValues, today: string): Errors<ReferralField> {
  const errors: Errors<ReferralField> = {};
  if (!values.target) errors.target = 'Choose who you are referring or signposting them to.';
  if (values.reason.trim().length > 2000) errors.reason = 'Shorten this to 2000 characters or fewer.';
  if (!values.consent) {
    errors.consent = 'Ask them first: tick this once they have said yes. Without their yes, do not refer.';
  }
  if (values.consent && !values.consentWording.trim()) {
    errors.consentWording = 'Say what they agreed to, like “Happy for us to pass on their number”.';
  } else if (values.consentWording.trim().length > 300) {
    errors.consentWording = 'Shorten this to 300 characters or fewer.';
  }
  if (!values.followUpDue) errors.followUpDue = 'Enter when to ask whether they got there.';
  else if (!londonInstant(values.followUpDue, '12:00')) errors.followUpDue = 'Enter a real date, like 16/12/2026.';
  else if (values.followUpDue < today) errors.followUpDue = 'The follow-up can’t be in the past.';
  return errors;
}
