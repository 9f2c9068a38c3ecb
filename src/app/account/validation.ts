// The rules of the setup and sign-in forms, each with the words that say what to fix.
import { MAX_ORGANISATION_NAME, MAX_PERSON_NAME, MIN_PASSWORD_LENGTH } from '../../api/limits.ts';

export const MIN_PASSWORD = MIN_PASSWORD_LENGTH;

// Deliberately loose: one @, something either side, a dot in the domain. The server has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type Errors<F extends string> = Partial<Record<F, string>>;

/** Characters as people count them (an emoji is one), as the server counts a password's length. */
function characters(text: string): number {
  return [...text].length;
}

/** The refusal of a password that is too short, with its length counted as the server counts it. */
export function shortPassword(password: string, whose: 'Your' | 'The'): string | undefined {
  const length = characters(password);
  return length < MIN_PASSWORD
    ? `${whose} password needs at least ${MIN_PASSWORD} characters (it has ${length}).`
    : undefined;
}

function checkEmail(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!EMAIL.test(email.trim())) return 'Enter an email address like name@example.org.';
  return undefined;
}

export type SetupField = 'organisation' | 'name' | 'email' | 'password' | 'confirm';

export function validateSetup(values: Record<SetupField, string>): Errors<SetupField> {
  const errors: Errors<SetupField> = {};
  const organisation = values.organisation.trim();
  if (!organisation) errors.organisation = "Enter your organisation's name.";
  else if (organisation.length > MAX_ORGANISATION_NAME)
    errors.organisation = `Shorten the name to ${MAX_ORGANISATION_NAME} characters or fewer.`;
  const name = values.name.trim();
  if (!name) errors.name = 'Enter your name.';
  else if (name.length > MAX_PERSON_NAME) errors.name = `Shorten your name to ${MAX_PERSON_NAME} characters or fewer.`;
  const email = checkEmail(values.email);
  if (email) errors.email = email;
  if (!values.password) errors.password = 'Choose a password.';
  else errors.password = shortPassword(values.password, 'Your');
  if (!values.confirm) errors.confirm = 'Type your password again.';
  else if (values.confirm !== values.password)
    errors.confirm = "The passwords don't match. Type the same password again.";
  return errors;
}

export type SignInField = 'email' | 'password' | 'device';

export function validateSignIn(values: Record<SignInField, string>): Errors<SignInField> {
  const errors: Errors<SignInField> = {};
  const email = checkEmail(values.email);
  if (email) errors.email = email;
  if (!values.password) errors.password = 'Enter your password.';
  const device = values.device.trim();
  if (!device) errors.device = 'Give this device a name, like “Hall tablet 1”.';
  else if (device.length > 60) errors.device = 'Shorten the name to 60 characters or fewer.';
  return errors;
}

export type JoinField = 'code' | 'password' | 'confirm' | 'device';

/** Invite codes are 10 letters and digits; people may type them in any case, with spaces or dashes. */
export function validateJoin(values: Record<JoinField, string>): Errors<JoinField> {
  const errors: Errors<JoinField> = {};
  const code = values.code.replace(/[\s-]/g, '');
  if (!code) errors.code = 'Enter the invite code your coordinator gave you.';
  else if (!/^[A-Za-z0-9]{10}$/.test(code))
    errors.code = 'An invite code has 10 letters and numbers. Check it and try again.';
  if (!values.password) errors.password = 'Choose a password.';
  else errors.password = shortPassword(values.password, 'Your');
  if (!values.confirm) errors.confirm = 'Type your password again.';
  else if (values.confirm !== values.password)
    errors.confirm = "The passwords don't match. Type the same password again.";
  const device = values.device.trim();
  if (!device) errors.device = 'Give this device a name, like “Hall tablet 1”.';
  else if (device.length > 60) errors.device = 'Shorten the name to 60 characters or fewer.';
  return errors;
}
