// The app PIN: choosing one, checking one, and what too many wrong ones do. The PIN guards the screen of a
// tablet that may be lost or left on a table, and wraps the device key that opens its sealed records
// (src/db/keyring.ts). The PIN is checked by unwrapping that key, one PBKDF2 run: a wrong PIN fails AES-GCM's tag
// check. No hash of the PIN is kept beside it, so reading the device's storage hands over neither the PIN nor a
// quicker way to guess it than the wrapped key itself.
import type { CoorieDb } from '../../db/database.ts';
import { countWrongPin, dropPinHash, markUnlocked, noteServerSignedOut, storePin, wipeForLock } from '../../db/lock.ts';
import { createDeviceKey, rewrapDeviceKey, unlockDeviceKey } from '../../db/keyring.ts';
import { getMeta, type DeviceKey, type LockWipe, type PinRecord } from '../../db/meta.ts';
import { writeCount } from '../../db/writes.ts';
import { signOut } from '../account/api.ts';
import { ApiError } from '../http/request.ts';

import { MAX_WRONG_PINS } from './limits.ts';

export { MAX_WRONG_PINS };
export const PIN_MIN = 4;
export const PIN_MAX = 6;
/** From this many wrong PINs in a row, the lock says how many tries are left. */
export const WARN_FROM = 3;
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

/**
 * Makes the device key for a newly chosen PIN, wrapped by it (src/db/keyring.ts), and notes whose PIN it is;
 * the PIN must already have passed pinProblem.
 */
export async function choosePin(db: CoorieDb, userId: string, pin: string): Promise<void> {
  const problem = pinProblem(pin);
  if (problem) throw new Error(problem);
  await createDeviceKey(db, pin);
  await storePin(db, { userId });
}

export type PinCheck =
  | { outcome: 'right' }
  | { outcome: 'wrong'; triesLeft: number }
  | { outcome: 'wiped' }
  /** No PIN on the device (it was wiped meanwhile, perhaps from another page). */
  | { outcome: 'no-pin' };

/** Web Crypto's refusal of a wrong PIN, told apart without loading src/crypto/seal.ts here. */
const isWrongPin = (error: unknown) => error instanceof Error && error.name === 'SealError';

/**
 * Whether `pin` opens the device key, holding the key in memory for this page when it does. A device set up
 * before device keys has only the PIN's old hash: its right PIN is checked against that, then wraps a new device
 * key and the hash is dropped. A device part-way (a key and the old hash both) drops the hash once the key opens.
 */
async function openWithPin(
  db: CoorieDb,
  stored: PinRecord,
  key: DeviceKey | undefined,
  pin: string,
  unwrapping?: () => void,
): Promise<boolean> {
  if (key) {
    try {
      await unlockDeviceKey(db, pin, unwrapping, key);
    } catch (error) {
      if (isWrongPin(error)) return false;
      throw error;
    }
  } else {
    unwrapping?.();
    const { matchesPinHash } = await import('./legacyPin.ts');
    if (!(await matchesPinHash(pin, stored))) return false;
    await createDeviceKey(db, pin);
  }
  if (stored.hash !== undefined) await dropPinHash(db, stored.userId);
  return true;
}

/** Counts a wrong PIN, and wipes the device at the limit. */
async function wrongPin(db: CoorieDb): Promise<PinCheck> {
  const failures = await countWrongPin(db);
  if (failures >= MAX_WRONG_PINS) {
    await wipeAndSignOut(db, 'wrong-pins');
    return { outcome: 'wiped' };
  }
  return { outcome: 'wrong', triesLeft: MAX_WRONG_PINS - failures };
}

/**
 * Whether `pin` is the PIN: a wrong one adds to the count of wrong ones; the right one opens the device key for
 * this page (checking it is unwrapping the key) but does not mark the page unlocked or reset the count.
 * `unwrapping` is called once the check is under way in Web Crypto, which leaves the page free meanwhile.
 */
export async function checkPin(db: CoorieDb, pin: string, unwrapping?: () => void): Promise<PinCheck> {
  const [stored, key] = await Promise.all([getMeta(db, 'pin'), getMeta(db, 'deviceKey')]);
  if (!stored) return { outcome: 'no-pin' };
  return (await openWithPin(db, stored, key, pin, unwrapping)) ? { outcome: 'right' } : wrongPin(db);
}

/**
 * Reads what the app will show once unlocked, while the PIN is checked: `unlocking` answers whether it was right
 * (the key is then held). It must keep nothing unless so.
 */
export type ReadAhead = (db: CoorieDb, unlocking: Promise<boolean>) => Promise<void>;

/** Writes to the records and what derives from them (not meta, the outbox or drafts, which sync and the lock write). */
const recordWrites = writeCount('(?!meta/|outbox/|drafts/|rejected/)[^/]+');

/** A read ahead started as the PIN is typed (startReadAhead), before the Unlock whose check it waits for. */
export interface EarlyRead {
  readonly done: Promise<void>;
  /** Whether no record has been written since it started: what it read is still what Today would read. */
  fresh(): boolean;
  /** Tells it the check's answer: it keeps what it read only if the PIN was right. */
  settle(right: boolean): void;
}

/**
 * Starts `readAhead` now, while the PIN is typed, so that its reads of the device database are done when Unlock
 * opens the key, leaving only the opening and the drawing. It keeps nothing until an unlockWithPin given it
 * answers that the PIN was right; `settle(false)` drops it.
 */
export function startReadAhead(db: CoorieDb, readAhead: ReadAhead): EarlyRead {
  let settle = (_right: boolean) => {};
  const unlocking = new Promise<boolean>((resolve) => (settle = resolve));
  const at = recordWrites.seen();
  const done = readAhead(db, unlocking).catch((error: unknown) =>
    console.error('Reading ahead of the unlock failed', error),
  );
  return { done, settle, fresh: () => recordWrites.seen() === at };
}

/**
 * Checks the PIN and, when it is right, unlocks Coorie on this page (the key is in memory before it shows),
 * once `readAhead` has read what will show, so that it draws at once; should that read fail, it unlocks anyway.
 * `early`: that read, started as the PIN was typed; used only while no record has been written since (a sync
 * carries on under the lock), and otherwise read again while the PIN is checked.
 */
export async function unlockWithPin(
  db: CoorieDb,
  pin: string,
  readAhead?: ReadAhead,
  early?: EarlyRead,
): Promise<PinCheck> {
  let ahead = early?.fresh() ? early : undefined;
  if (early !== ahead) early?.settle(false);
  let result: PinCheck | undefined;
  try {
    // Unless already read as the PIN was typed: read while Web Crypto checks the PIN, and not before (the check,
    // the longer of the two, starts first).
    result = await checkPin(db, pin, () => {
      if (!ahead && readAhead) ahead = startReadAhead(db, readAhead);
    });
  } finally {
    ahead?.settle(result?.outcome === 'right');
  }
  if (result.outcome === 'right') {
    await ahead?.done;
    await markUnlocked(db);
  }
  return result;
}

/**
 * Replaces the PIN, once the current one has been given (a wrong one counts, as on the lock screen): the same
 * device key is wrapped by the new PIN, so nothing sealed with it changes. `next` must have passed pinProblem.
 */
export async function changePin(db: CoorieDb, userId: string, current: string, next: string): Promise<PinCheck> {
  const problem = pinProblem(next);
  if (problem) throw new Error(problem);
  const stored = await getMeta(db, 'pin');
  if (!stored) return { outcome: 'no-pin' };
  if (await getMeta(db, 'deviceKey')) {
    try {
      await rewrapDeviceKey(db, current, next);
    } catch (error) {
      if (isWrongPin(error)) return wrongPin(db);
      throw error;
    }
  } else {
    const { matchesPinHash } = await import('./legacyPin.ts');
    if (!(await matchesPinHash(current, stored))) return wrongPin(db);
    await createDeviceKey(db, next);
  }
  await storePin(db, { userId });
  return { outcome: 'right' };
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
