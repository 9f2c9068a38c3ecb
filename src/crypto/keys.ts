// Wrapping a private key with a PIN: PBKDF2-SHA-256 (OWASP's 2023 figure for it, 600,000 iterations) turns the
// PIN and a random salt into an AES-GCM-256 key, which encrypts the private key's PKCS #8 form. Without the PIN
// the wrapped key is ciphertext; a wrong PIN fails AES-GCM's tag check rather than giving a wrong key.
// Changing the PIN unwraps with the old and wraps with the new: the data sealed for the key is not touched.
// Unwrapping is also how the PIN is checked (src/app/lock/pin.ts): no hash of the PIN is kept beside it.
import { SealError, fromBase64Url, toBase64Url, type Key } from './seal.ts';

/** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
export const WRAP_ITERATIONS = 600_000;

/** A private key wrapped by a PIN, as stored on the device. */
export interface WrappedKey {
  /** base64url, 16 bytes. */
  salt: string;
  iterations: number;
  /** base64url, 12 bytes. */
  iv: string;
  /** The PKCS #8 private key under AES-GCM, base64url. */
  wrapped: string;
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Key> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export async function wrapPrivateKey(privateKey: Key, pin: string, iterations = WRAP_ITERATIONS): Promise<WrappedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey('pkcs8', privateKey, await pinKey(pin, salt, iterations), {
    name: 'AES-GCM',
    iv,
  });
  return { salt: toBase64Url(salt), iterations, iv: toBase64Url(iv), wrapped: toBase64Url(new Uint8Array(wrapped)) };
}

/**
 * What a PIN makes of a stored wrapping's salt (PBKDF2, nearly all the time unwrapping takes): it unwraps the key
 * only if the PIN is right, which only unwrapping tells.
 */
export function pinKeyFor(stored: WrappedKey, pin: string): Promise<Key> {
  return pinKey(pin, fromBase64Url(stored.salt), stored.iterations);
}

/**
 * The private key, or a SealError for a wrong PIN (or an altered wrapping). `extractable` only to re-wrap it
 * under a new PIN; the key kept in memory while unlocked is not. `derived`: pinKeyFor of the same, when already
 * under way.
 */
export async function unwrapPrivateKey(
  stored: WrappedKey,
  pin: string,
  extractable = false,
  derived?: Promise<Key>,
): Promise<Key> {
  const key = await (derived ?? pinKeyFor(stored, pin));
  try {
    return await crypto.subtle.unwrapKey(
      'pkcs8',
      fromBase64Url(stored.wrapped),
      key,
      { name: 'AES-GCM', iv: fromBase64Url(stored.iv) },
      ECDH,
      extractable,
      ['deriveBits'],
    );
  } catch {
    throw new SealError('wrong PIN');
  }
}

/**
 * A copy of a newly made (extractable) private key that is not extractable, to keep in memory once it is
 * wrapped: no second PBKDF2 to unwrap what was just wrapped.
 */
export async function unextractableCopy(privateKey: Key): Promise<Key> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveBits']);
  } finally {
    pkcs8.fill(0);
  }
}

/** The same private key under a new PIN. */
export async function rewrapPrivateKey(stored: WrappedKey, oldPin: string, newPin: string): Promise<WrappedKey> {
  return wrapPrivateKey(await unwrapPrivateKey(stored, oldPin, true), newPin, stored.iterations);
}
