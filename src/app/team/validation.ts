// The rules of the add-a-member and invite forms, each with the words that say what to fix.
import { MAX_PERSON_NAME } from '../../api/limits.ts';
import { isRole } from '../../domain/roles.ts';
import { shortPassword, type Errors } from '../account/validation.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type InviteField = 'name' | 'email' | 'role';
export type MemberField = InviteField | 'password';

export function validateInvite(values: Record<InviteField, string>): Errors<InviteField> {
  const errors: Errors<InviteField> = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Enter their name.';
  else if (name.length > MAX_PERSON_NAME) errors.name = `Shorten the name to ${MAX_PERSON_NAME} characters or fewer.`;
  const email = values.email.trim();
  if (!email) errors.email = 'Enter their email address: they sign in with it.';
  else if (!EMAIL.test(email)) errors.email = 'Enter an email address like name@example.org.';
  if (!isRole(values.role)) errors.role = 'Choose what they will do.';
  return errors;
}

export function validateMember(values: Record<MemberField, string>): Errors<MemberField> {
  const errors: Errors<MemberField> = validateInvite(values);
  if (!values.password) errors.password = 'Choose a first password for them.';
  else errors.password = shortPassword(values.password, 'The');
  return errors;
}

/** The same address as one the server said is taken (addresses are not case-sensitive). */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
