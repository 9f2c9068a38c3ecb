// The rules of the partner form, with the words that say what to fix, and its values as a record.
import type { Errors } from '../account/validation.ts';
import type { Partner, PartnerType } from '../../domain/partner.ts';
import { normalisePhone } from '../../domain/phone.ts';

export type PartnerField = 'name' | 'type' | 'phone' | 'email' | 'web' | 'locality' | 'contacts' | 'notes';
export type PartnerFormValues = Record<PartnerField, string>;

const LIMITS = { name: 120, phone: 40, email: 200, web: 500, locality: 80, contacts: 2000, notes: 2000 } as const;

export const PARTNER_FIELD_ORDER: readonly PartnerField[] = [
  'name',
  'type',
  'phone',
  'email',
  'web',
  'locality',
  'contacts',
  'notes',
];

export function blankPartner(): PartnerFormValues {
  return { name: '', type: '', phone: '', email: '', web: '', locality: '', contacts: '', notes: '' };
}

export function partnerToForm(partner: Partner): PartnerFormValues {
  return {
    name: partner.name ?? '',
    type: partner.type ?? '',
    phone: partner.phone ?? '',
    email: partner.email ?? '',
    web: partner.web ?? '',
    locality: partner.locality ?? '',
    contacts: partner.contacts ?? '',
    notes: partner.notes ?? '',
  };
}

export function validatePartner(values: PartnerFormValues): Errors<PartnerField> {
  const errors: Errors<PartnerField> = {};
  for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    if (values[field].trim().length > LIMITS[field]) {
      errors[field] = `Shorten this to ${LIMITS[field]} characters or fewer.`;
    }
  }
  if (!values.name.trim()) errors.name = 'Enter the name of the organisation.';
  if (!values.type) errors.type = 'Choose what kind of organisation it is.';
  if (!errors.phone && values.phone.trim() && !normalisePhone(values.phone)) {
    errors.phone = 'Enter a phone number like 01343 563999 or 07700 900123.';
  }
  if (!errors.email && values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) {
    errors.email = 'Enter an email address like team@example.org.';
  }
  for (const field of ['name', 'phone', 'email', 'web', 'locality'] as const) {
    if (!errors[field] && /[\n\r\t]/.test(values[field])) errors[field] = 'Keep this to one line.';
  }
  return errors;
}

/** The record's values from a valid form. `deleted: false` brings back a partner once removed. */
export function formToPartner(values: PartnerFormValues): Record<string, unknown> {
  return {
    name: values.name.trim(),
    type: values.type as PartnerType,
    phone: values.phone.trim(),
    email: values.email.trim(),
    web: values.web.trim(),
    locality: values.locality.trim(),
    contacts: values.contacts.trim(),
    notes: values.notes.trim(),
    deleted: false,
  };
}
