// Request fields shared by the account routes.
import { z } from 'zod';
import { isLongEnough, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { HttpError } from '../errors.ts';
import { ROLES } from '../store/schema.ts';

export const personName = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters');
export const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'))
  .transform((value) => value.toLowerCase());
export const password = z.string().max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
export const deviceName = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters');
export const role = z.enum(ROLES);
export const idParams = z.strictObject({ id: z.string().min(1).max(100) });

/** A separate code from `invalid_request`, so the form can say exactly what to change. */
export function requireStrongPassword(value: string): void {
  if (!isLongEnough(value)) {
    throw new HttpError(400, 'weak_password', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}
