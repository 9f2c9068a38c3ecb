// Request fields that several endpoints share, with the words that say what to fix.
import { z } from 'zod';
import { MAX_DEVICE_NAME, MAX_EMAIL, MAX_ORGANISATION_NAME, MAX_PASSWORD_LENGTH, MAX_PERSON_NAME } from './limits.ts';
import { normalisePhone } from '../domain/phone.ts';
import { ROLES } from '../domain/roles.ts';

/**
 * A name or title: trimmed, then counted, and the trimmed value is what the route gets and stores (routes
 * store what the schema returns, never the raw body), so the limit is a limit on what is kept.
 */
const trimmedText = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
export const personName = trimmedText(MAX_PERSON_NAME);
export const organisationName = trimmedText(MAX_ORGANISATION_NAME);
export const deviceName = trimmedText(MAX_DEVICE_NAME);
export const email = z
  .string()
  .trim()
  .max(MAX_EMAIL, `must be at most ${MAX_EMAIL} characters`)
  .pipe(z.email('must be an email address'))
  .transform((value) => value.toLowerCase());
/** Only the upper limit here: a short password has its own answer, `weak_password`, so the form can say so. */
export const password = z.string().max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
export const role = z.enum(ROLES);
/**
 * A UK phone number as people type it ("07700 900123", "+44 1343 563999"), kept in E.164; empty or null
 * clears it. Short codes and numbers abroad are refused: this is a colleague's work phone.
 */
export const workPhone = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .nullable()
  .transform((value, context) => {
    if (value === null || value === '') return null;
    const normalised = normalisePhone(value);
    if (!normalised || !/^\+44\d{10}$/.test(normalised)) {
      context.addIssue({ code: 'custom', message: 'must be a UK phone number, such as 07700 900123' });
      return z.NEVER;
    }
    return normalised;
  });
export const idParams = z.strictObject({ id: z.string().min(1).max(100) });
