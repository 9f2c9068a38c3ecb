// Request fields shared by the account routes.
import { z } from 'zod';
import { normalisePhone } from '../../domain/phone.ts';
import { isLongEnough, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { HttpError } from '../errors.ts';
import { ROLES } from '../store/schema.ts';

/**
 * A name or title: trimmed, then counted, and the trimmed value is what the route gets and stores (routes
 * store what `parse` returns, never the raw body), so the limit is a limit on what is kept.
 */
const trimmedText = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
export const personName = trimmedText(80);
export const organisationName = trimmedText(120);
export const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'))
  .transform((value) => value.toLowerCase());
export const password = z.string().max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
export const deviceName = trimmedText(80);
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

/** A separate code from `invalid_request`, so the form can say exactly what to change. */
export function requireStrongPassword(value: string): void {
  if (!isLongEnough(value)) {
    throw new HttpError(400, 'weak_password', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}
