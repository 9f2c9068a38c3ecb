// The rules of the directory entry form, with the words that say what to fix, and its values as a record.
import type { Errors } from '../account/validation.ts';
import { londonDate, londonInstant } from '../../domain/london.ts';
import { normalisePhone } from '../../domain/phone.ts';
import type { Service } from '../../domain/service.ts';

export type ServiceField = 'name' | 'offers' | 'phone' | 'web' | 'hours' | 'locality' | 'checkedOn' | 'needsChecking';
export type ServiceFormValues = Record<ServiceField, string>;

const LIMITS = { name: 120, offers: 2000, phone: 40, web: 500, hours: 200, locality: 80 } as const;

export function blankService(today: string): ServiceFormValues {
  return { name: '', offers: '', phone: '', web: '', hours: '', locality: '', checkedOn: today, needsChecking: '' };
}

export function serviceToForm(service: Service): ServiceFormValues {
  return {
    name: service.name ?? '',
    offers: service.offers ?? '',
    phone: service.phone ?? '',
    web: service.web ?? '',
    hours: service.hours ?? '',
    locality: service.locality ?? '',
    checkedOn: service.checkedOn ?? '',
    needsChecking: service.needsChecking ? 'yes' : '',
  };
}

/** "www.example.org" as people type it, made into an address a browser opens; undefined when it cannot be one. */
function webAddress(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return '';
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.hostname.includes('.') && !/\s/.test(trimmed) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function validateService(values: ServiceFormValues, today: string): Errors<ServiceField> {
  const errors: Errors<ServiceField> = {};
  for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    if (values[field].trim().length > LIMITS[field]) {
      errors[field] = `Shorten this to ${LIMITS[field]} characters or fewer.`;
    }
  }
  if (!values.name.trim()) errors.name = 'Enter the name of the service.';
  if (!errors.phone && values.phone.trim() && !normalisePhone(values.phone)) {
    errors.phone = 'Enter a phone number like 01343 563999, 07700 900123 or 116 123.';
  }
  if (!errors.web && webAddress(values.web) === undefined) errors.web = 'Enter a web address like www.example.org.';
  if (!values.checkedOn) errors.checkedOn = 'Enter the date you last checked these details.';
  else if (!londonInstant(values.checkedOn, '12:00')) errors.checkedOn = 'Enter a real date, like 23/11/2026.';
  else if (values.checkedOn > londonDate(today)) errors.checkedOn = "The date you checked can't be in the future.";
  return errors;
}

/** The record's values from a valid form. `deleted: false` brings back an edit that was once undone. */
export function formToService(values: ServiceFormValues, builtIn: boolean): Record<string, unknown> {
  return {
    name: values.name.trim(),
    offers: values.offers.trim(),
    phone: values.phone.trim(),
    web: webAddress(values.web) ?? '',
    hours: values.hours.trim(),
    locality: values.locality.trim(),
    checkedOn: values.checkedOn,
    needsChecking: values.needsChecking === 'yes',
    builtIn,
    deleted: false,
  };
}
