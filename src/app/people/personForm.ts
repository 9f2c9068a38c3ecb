// The person form's rules in plain words, and the conversion between a draft and an attendee record.
import type { DietaryNeed } from '../../domain/food.ts';
import { addMonths, subYears } from 'date-fns';
import type { Attendee, Baby } from '../../domain/attendee.ts';
import { londonDate, londonInstant } from '../../domain/london.ts';
import { canReceiveTexts, normalisePhone } from '../../domain/phone.ts';
import type { Errors } from '../account/validation.ts';

/** How parents found the group (the Moray peer research's answers). */
export const HEARD_VIA = [
  'social media',
  'internet search',
  'health visitor',
  'baby group',
  'GP',
  'friend',
  'other',
] as const;
export type HeardVia = (typeof HEARD_VIA)[number];

export interface BabyDraft {
  /** Only for React's list keys: babies have no ids of their own. */
  key: string;
  alias: string;
  dateOfBirth: string;
  dueDate: string;
  /** An age given at a walk-in instead of a date: kept until a date is entered (see domain/attendee.ts). */
  ageBand?: Baby['ageBand'];
  ageBandOn?: string;
}

export interface PersonDraft {
  displayName: string;
  babies: BabyDraft[];
  locality: string;
  heardVia: HeardVia | '';
  heardViaOther: string;
  phone: string;
  okToText: boolean;
  okToVoicemail: boolean;
  okToNameCharity: boolean;
  needsChildcare: boolean;
  needsTransport: boolean;
  needsOther: string;
  cake: string;
  dietary: DietaryNeed[];
}

export const MAX_BABIES = 10;

export const newBaby = (): BabyDraft => ({ key: crypto.randomUUID(), alias: '', dateOfBirth: '', dueDate: '' });

export const emptyPerson = (): PersonDraft => ({
  displayName: '',
  babies: [],
  locality: '',
  heardVia: '',
  heardViaOther: '',
  phone: '',
  okToText: false,
  okToVoicemail: false,
  okToNameCharity: false,
  needsChildcare: false,
  needsTransport: false,
  needsOther: '',
  cake: '',
  dietary: [],
});

const isHeardVia = (value: string): value is HeardVia => (HEARD_VIA as readonly string[]).includes(value);

export function personToDraft(person: Attendee): PersonDraft {
  const heard = person.heardVia?.trim() ?? '';
  const needs = person.needs ?? [];
  return {
    displayName: person.displayName ?? '',
    babies: (person.babies ?? []).map((baby) => ({
      key: crypto.randomUUID(),
      alias: baby.alias,
      dateOfBirth: baby.dateOfBirth ?? '',
      dueDate: baby.dueDate ?? '',
      ...(baby.ageBand && baby.ageBandOn ? { ageBand: baby.ageBand, ageBandOn: baby.ageBandOn } : {}),
    })),
    locality: person.locality ?? '',
    heardVia: !heard ? '' : isHeardVia(heard) ? heard : 'other',
    heardViaOther: heard && !isHeardVia(heard) ? heard : '',
    phone: person.contact?.phone ?? '',
    okToText: person.contact?.okToText ?? false,
    okToVoicemail: person.contact?.okToVoicemail ?? false,
    okToNameCharity: person.contact?.okToNameCharity ?? false,
    needsChildcare: needs.includes('childcare'),
    needsTransport: needs.includes('transport'),
    needsOther: needs.filter((need) => need !== 'childcare' && need !== 'transport').join('; '),
    cake: person.cake ?? '',
    dietary: [...(person.dietary ?? [])],
  };
}

/** The record's values; every field is written, so clearing one in the form clears it on the record. */
export function draftToValues(draft: PersonDraft): Record<string, unknown> {
  const babies: Baby[] = draft.babies.map((baby) => ({
    alias: baby.alias.trim(),
    ...(baby.dateOfBirth ? { dateOfBirth: baby.dateOfBirth } : {}),
    ...(baby.dueDate ? { dueDate: baby.dueDate } : {}),
    ...(!baby.dateOfBirth && !baby.dueDate && baby.ageBand && baby.ageBandOn
      ? { ageBand: baby.ageBand, ageBandOn: baby.ageBandOn }
      : {}),
  }));
  const other = draft.needsOther.trim();
  return {
    displayName: draft.displayName.trim(),
    babies,
    locality: draft.locality.trim(),
    heardVia: draft.heardVia === 'other' ? draft.heardViaOther.trim() || 'other' : draft.heardVia,
    contact: {
      phone: draft.phone.trim(),
      okToText: draft.okToText,
      okToVoicemail: draft.okToVoicemail,
      okToNameCharity: draft.okToNameCharity,
    },
    needs: [
      ...(draft.needsChildcare ? ['childcare'] : []),
      ...(draft.needsTransport ? ['transport'] : []),
      ...(other ? [other] : []),
    ],
    cake: draft.cake.trim(),
    dietary: [...draft.dietary],
  };
}

const tooLong = (value: string, max: number, what: string) =>
  value.trim().length > max ? `Shorten ${what} to ${max} characters or fewer.` : undefined;

/** Field names: the draft's own, and `baby-<n>-alias|dateOfBirth|dueDate` for each baby. */
const isRealDate = (value: string) => londonInstant(value, '12:00') !== undefined;

export function validatePerson(draft: PersonDraft, now: Date = new Date()): Errors<string> {
  const errors: Errors<string> = {};
  const put = (field: string, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  const today = londonDate(now);
  const name = draft.displayName.trim();
  put('displayName', !name ? 'Enter a first name or a name they choose.' : tooLong(name, 80, 'the name'));

  const oldest = londonDate(subYears(now, 6));
  const latestDue = londonDate(addMonths(now, 10));
  draft.babies.forEach((baby, index) => {
    const at = `baby-${index}`;
    put(`${at}-alias`, tooLong(baby.alias, 80, "the baby's name"));
    // An age given at a walk-in (kept as an estimate) is enough to know which baby this is.
    if (!baby.alias.trim() && !baby.dateOfBirth && !baby.dueDate && !baby.ageBand) {
      put(`${at}-alias`, 'Give a name, a date of birth or a due date, or remove this baby.');
    }
    if (baby.dateOfBirth && !isRealDate(baby.dateOfBirth)) {
      put(`${at}-dateOfBirth`, 'Enter the date of birth like 24/11/2026.');
    } else if (baby.dateOfBirth > today) {
      put(`${at}-dateOfBirth`, "A date of birth can't be in the future. For a baby not born yet, use the due date.");
    } else if (baby.dateOfBirth && baby.dateOfBirth < oldest) {
      put(`${at}-dateOfBirth`, 'Check the year: this child would be over 6.');
    }
    if (baby.dueDate && !isRealDate(baby.dueDate)) put(`${at}-dueDate`, 'Enter the due date like 24/11/2026.');
    else if (baby.dueDate > latestDue) put(`${at}-dueDate`, 'Check the due date: it is more than 10 months away.');
  });

  put('locality', tooLong(draft.locality, 80, 'the area'));
  if (draft.heardVia === 'other') put('heardViaOther', tooLong(draft.heardViaOther, 200, 'the answer'));
  const phone = draft.phone.trim();
  if (phone && !normalisePhone(phone)) put('phone', 'Enter a phone number like 07700 900123.');
  if (draft.okToText && !phone) put('okToText', 'Add a phone number to text, or untick this.');
  else if (draft.okToText && normalisePhone(phone) && !canReceiveTexts(phone)) {
    put('okToText', 'Texts need a mobile number. Enter a mobile, or untick this.');
  }
  if (draft.okToVoicemail && !phone) put('okToVoicemail', 'Add a phone number, or untick this.');
  put('needsOther', tooLong(draft.needsOther, 200, 'the other needs'));
  put('cake', tooLong(draft.cake, 200, 'the cake'));
  return errors;
}

/** The order in which problems are met on the form, so that focus goes to the first one. */
export function personFieldOrder(draft: PersonDraft): string[] {
  return [
    'displayName',
    ...draft.babies.flatMap((_, index) => ['alias', 'dateOfBirth', 'dueDate'].map((f) => `baby-${index}-${f}`)),
    'locality',
    'heardViaOther',
    'phone',
    'okToText',
    'okToVoicemail',
    'needsOther',
    'cake',
  ];
}
