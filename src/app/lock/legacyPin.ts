// The PIN's own hash, as devices set up before the device key kept it (PBKDF2-SHA-256, salted, in meta.pin).
// Only such a device loads this: its first right PIN is checked here, then wraps a device key and the hash is
// dropped (src/app/lock/pin.ts). Since then the PIN is checked by unwrapping the device key, with no hash kept.
import type { PinRecord } from '../../db/meta.ts';

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

/** Whether `pin` matches the old hash kept in `stored`; false when there is none. */
export async function matchesPinHash(pin: string, stored: PinRecord): Promise<boolean> {
  if (stored.hash === undefined || stored.salt === undefined || stored.iterations === undefined) return false;
  return sameHex(await hashPin(pin, stored.salt, stored.iterations), stored.hash);
}

/** A hash as an old device kept it, for tests of the upgrade (and quick test devices with one round). */
export async function legacyPinRecord(userId: string, pin: string, iterations: number): Promise<PinRecord> {
  const salt = toHex(crypto.getRandomValues(new Uint8Array(16)));
  return { userId, salt, hash: await hashPin(pin, salt, iterations), iterations };
}
