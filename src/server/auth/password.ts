// Password hashing with scrypt. The parameters travel inside each hash, so they can be raised later
// without locking anyone out.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MIN_PASSWORD_LENGTH } from '../../api/limits.ts';
import { HttpError } from '../errors.ts';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

// 32 MiB and about a tenth of a second on a small server: a deliberate cost per guess, yet several
// sign-ins at once still fit in memory.
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 256 * (options.N ?? 0) * (options.r ?? 0) + 1024 * 1024;
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Counted in characters as people see them, not UTF-16 units. */
export function isLongEnough(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}

/** A separate code from `invalid_request`, so the form can say exactly what to change. */
export function requireStrongPassword(value: string): void {
  if (!isLongEnough(value)) {
    throw new HttpError(400, 'weak_password', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const decoys = new Map<string, Promise<string>>();

/** Spends the time a real check would, so an unknown email answers no faster than a wrong password. */
export async function verifyDecoy(password: string, cost: ScryptCost = DEFAULT_COST): Promise<false> {
  const key = `${cost.N}-${cost.r}-${cost.p}`;
  const decoy = decoys.get(key) ?? hashPassword('not anyone’s password', cost);
  decoys.set(key, decoy);
  await verifyPassword(password, await decoy);
  return false;
}
