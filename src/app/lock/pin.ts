// The app PIN: choosing one, checking one, and what too many wrong ones do. The PIN guards the screen of a
// tablet that may be lost or left on a table; only a slow salted hash of it is kept (PBKDF2, SHA-256), so that
// reading the device's storage does not hand over a PIN someone may use elsewhere too.
import type { CoorieDb } from '../../db/database.ts';
import { countWrongPin, markUnlocked, noteServerSignedOut, storePin, wipeForLock } from '../../db/lock.ts';
import { createDeviceKey, rewrapDeviceKey, unlockDeviceKey } from '../../db/keyring.ts';
import { getMeta, type LockWipe, type PinHash } from '../../db/meta.ts';
import { signOut } from '../account/api.ts';
import { ApiError } from '../http/request.ts';

import { MAX_WRONG_PINS } from './limits.ts';

export { MAX_WRONG_PINS };
export const PIN_MIN = 4;
export const PIN_MAX = 6;
/** From this many wrong PINs in a row, the lock says how many tries are left. */
export const WARN_FROM = 3;
/** Slow enough that each guess at a copied hash costs real time, quick enough on an old tablet. */
export const PIN_ITERATIONS = 210_000;

// PINs people pick first, and so would anyone guessing: the same digit throughout, a run up or down the
// keypad's digits, a short group repeated, and a few well-known ones (lines and shapes on the keypad such as
// 2580 down the middle, 5683 for "LOVE", every other digit). Each refusal names the real reason.
const WELL_KNOWN = new Set(['2580', '0852', '1397', '7931', '1470', '0741', '1122', '112233', '5683', '2468', '1357']);

/** How each digit follows the one before (0 the same, 1 one up, 9 one down), when that is always the same step. */
function steadyStep(pin: string): number | undefined {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1 ? [...steps][0] : undefined;
}

function isRepeatedGroup(pin: string): boolean {
  return [2, 3].some(
    (size) => pin.length % size === 0 && pin.length > size && pin === pin.slice(0, size).repeat(pin.length / size),
  );
}

const EASY = 'That PIN is too easy to guess:';

/** What is wrong with a PIN someone is choosing, in words that say what to do; undefined when it will do. */
export function pinProblem(pin: string): string | undefined {
  if (pin === '') return `Choose a PIN of ${PIN_MIN} to ${PIN_MAX} digits`;
  if (!/^\d*$/.test(pin)) return 'Use digits only';
  if (pin.length < PIN_MIN || pin.length > PIN_MAX) return `Use ${PIN_MIN} to ${PIN_MAX} digits`;
  const step = steadyStep(pin);
  if (step === 0) return `${EASY} it is one digit repeated. Choose another`;
  if (step === 1 || step === 9) return `${EASY} its digits run in order, like 1234 or 9876. Choose another`;
  if (isRepeatedGroup(pin)) return `${EASY} it repeats a short group of digits, like 1212. Choose another`;
  if (WELL_KNOWN.has(pin)) return `${EASY} it is one of the best-known PINs, which people guess first. Choose another`;
  return undefined;
}

const toHex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));

export async function hashPin(pin: string, salt: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(salt), iterations },
    key,
    256,
  );
  return toHex(bits);
}

/** Compares every character, so the time taken says nothing about how much of a guess was right. */
function sameHex(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Keeps the hash of a newly chosen PIN for this user, and makes the device key it wraps (src/db/keyring.ts);
 * the PIN must already have passed pinProblem.
 */
export async function choosePin(db: CoorieDb, userId: string, pin: string): Promise<void> {
  const problem = pinProblem(pin);
  if (problem) throw new Error(problem);
  await createDeviceKey(db, pin);
  await storePinHash(db, userId, pin);
}

async function storePinHash(db: CoorieDb, userId: string, pin: string): Promise<void> {
  const salt = toHex(crypto.getRandomValues(new Uint8Array(16)));
  const record: PinHash = { userId, salt, hash: await hashPin(pin, salt, PIN_ITERATIONS), iterations: PIN_ITERATIONS };
  await storePin(db, record);
}

export type PinCheck =
  | { outcome: 'right' }
  | { outcome: 'wrong'; triesLeft: number }
  | { outcome: 'wiped' }
  /** No PIN on the device (it was wiped meanwhile, perhaps from another page). */
  | { outcome: 'no-pin' };

/** Whether `pin` is the PIN without acting on it: the right one resets the count, a wrong one adds to it. */
export async function checkPin(db: CoorieDb, pin: string): Promise<PinCheck> {
  const stored = await getMeta(db, 'pin');
  if (!stored) return { outcome: 'no-pin' };
  if (sameHex(await hashPin(pin, stored.salt, stored.iterations), stored.hash)) return { outcome: 'right' };
  const failures = await countWrongPin(db);
  if (failures >= MAX_WRONG_PINS) {
    await wipeAndSignOut(db, 'wrong-pins');
    return { outcome: 'wiped' };
  }
  return { outcome: 'wrong', triesLeft: MAX_WRONG_PINS - failures };
}

/** Checks the PIN and, when it is right, unlocks Coorie on this page. */
export async function unlockWithPin(db: CoorieDb, pin: string): Promise<PinCheck> {
  const result = await checkPin(db, pin);
  if (result.outcome === 'right') {
    // The key first: the app shows (and reads) as soon as the page is marked unlocked.
    await unlockDeviceKey(db, pin);
    await markUnlocked(db);
  }
  return result;
}

/** Replaces the PIN, once the current one has been given (a wrong one counts, as on the lock screen). */
export async function changePin(db: CoorieDb, userId: string, current: string, next: string): Promise<PinCheck> {
  const result = await checkPin(db, current);
  if (result.outcome === 'right') {
    const problem = pinProblem(next);
    if (problem) throw new Error(problem);
    // The same device key under the new PIN: nothing sealed with it changes.
    await rewrapDeviceKey(db, current, next);
    await storePinHash(db, userId, next);
  }
  return result;
}

/**
 * Wipes the device for the lock (too many wrong PINs, or a forgotten one) and signs it out. The wipe does not
 * wait for the network; the server is told straight after when it can be reached, and otherwise when the tablet
 * is next online (useAccount), so that the device's session cookie cannot sign it back in.
 */
export async function wipeAndSignOut(db: CoorieDb, reason: LockWipe['reason']): Promise<void> {
  const at = await wipeForLock(db, reason);
  try {
    await signOut();
  } catch (error) {
    // Any answer from the server means the session is over (sign-out always ends it); no answer leaves it for later.
    if (!(error instanceof ApiError) || error.status === 0) return;
  }
  await noteServerSignedOut(db, at);
}
