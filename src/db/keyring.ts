// The device key while Coorie is unlocked. The private half of the device's sealing key pair is wrapped by the
// PIN (src/crypto/keys.ts) in `meta.deviceKey`; unlocking unwraps it into this module's memory, and locking (on
// this page or another), the idle lock and a reload forget it. Reads open the sealed fields with it (openRows).
//
// The crypto code is imported when the key is first needed (choosing a PIN, unlocking), never with the first
// screen (npm run size).
import type * as KeysModule from '../crypto/keys.ts';
import type * as SealModule from '../crypto/seal.ts';
import type { Key, Opener } from '../crypto/seal.ts';
import { sensitiveFields } from '../domain/sensitive.ts';
import type { CoorieDb } from './database.ts';
import { getMeta, setMeta, type DeviceKey } from './meta.ts';
import type * as SealingModule from './sealing.ts';

type Sealing = typeof SealingModule;
type Crypto = typeof SealModule & typeof KeysModule;

let opener: Opener | undefined;
let sealing: Sealing | undefined;

async function loadCrypto(): Promise<Crypto & Sealing> {
  const [seal, keys, sealingModule] = await Promise.all([
    import('../crypto/seal.ts'),
    import('../crypto/keys.ts'),
    import('./sealing.ts'),
  ]);
  sealing = sealingModule;
  return { ...seal, ...keys, ...sealingModule };
}

/** The in-memory key, or undefined while Coorie is locked. */
export function currentOpener(): Opener | undefined {
  return opener;
}

export function forgetDeviceKey(): void {
  opener = undefined;
}

const randomId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(9)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * A new device key pair for a newly chosen PIN, kept wrapped by it and held in memory (this page is unlocked).
 * One PBKDF2 run: the key in memory is an unextractable copy, not the wrapped one unwrapped again.
 */
export async function createDeviceKey(db: CoorieDb, pin: string): Promise<void> {
  const lib = await loadCrypto();
  const pair = await lib.generateSealingKeyPair();
  const keyId = `device-${randomId()}`;
  const stored: DeviceKey = {
    keyId,
    publicKey: await lib.exportPublicKey(pair.publicKey),
    wrapped: await lib.wrapPrivateKey(pair.privateKey, pin),
  };
  // The key in memory is not extractable: only its wrapped form ever leaves Web Crypto.
  const privateKey = await lib.unextractableCopy(pair.privateKey);
  await setMeta(db, 'deviceKey', stored);
  opener = new lib.Opener(keyId, privateKey);
}

/**
 * Unwraps the device key with the PIN, which is how the PIN is checked: a wrong one throws a SealError (AES-GCM's
 * tag check fails). A device with no key yet gets one now, wrapped by this PIN: call it so only once the PIN has
 * been checked otherwise (the old hash, src/app/lock/legacyPin.ts). `unwrapping` is called once the unwrapping
 * (PBKDF2, a tenth of a second on a slow tablet) is under way; `known`, the stored key when already read.
 */
export async function unlockDeviceKey(
  db: CoorieDb,
  pin: string,
  unwrapping?: () => void,
  known?: DeviceKey,
): Promise<void> {
  const stored = known ?? (await getMeta(db, 'deviceKey'));
  if (!stored) return createDeviceKey(db, pin);
  const lib = await loadCrypto();
  const unwrapped = lib.unwrapPrivateKey(stored.wrapped, pin, false, typedPinKey(stored, pin));
  unwrapping?.();
  opener = new lib.Opener(stored.keyId, await unwrapped);
}

/**
 * PBKDF2 of the PIN as it is typed on the lock (prepareUnlock), so that Unlock waits for what is left of it rather
 * than all of it. Only unwrapping with one, on Unlock, says whether a PIN is right, and counts it if not; these are
 * kept only while the lock shows (forgetTypedPins), as the PIN itself is, and each Unlock takes them all away.
 */
const typed = new Map<string, Promise<{ salt: string; iterations: number; key: Key } | undefined>>();

/**
 * Starts working out the key of `pin`, as typed so far, for an Unlock that may follow: at once, beside any still
 * under way for the PIN a digit before (Web Crypto works them out away from the page; a 6-digit PIN costs three).
 */
export function prepareUnlock(db: CoorieDb, pin: string): void {
  if (typed.has(pin)) return;
  const derived = (async () => {
    const stored = await getMeta(db, 'deviceKey');
    if (!stored) return undefined;
    const { salt, iterations } = stored.wrapped;
    return { salt, iterations, key: await (await loadCrypto()).pinKeyFor(stored.wrapped, pin) };
  })().catch(() => undefined);
  typed.set(pin, derived);
  // The PIN as typed and the one before it (a digit taken back), no more.
  for (const older of [...typed.keys()].slice(0, -2)) typed.delete(older);
}

export function forgetTypedPins(): void {
  typed.clear();
}

/** The key of `pin` worked out while it was typed, for the stored key's wrapping; undefined if there is none. */
function typedPinKey(stored: DeviceKey, pin: string): Promise<Key> | undefined {
  const derived = typed.get(pin);
  forgetTypedPins();
  if (!derived) return undefined;
  const { salt, iterations } = stored.wrapped;
  return derived.then(async (ready) =>
    ready && ready.salt === salt && ready.iterations === iterations
      ? ready.key
      : (await loadCrypto()).pinKeyFor(stored.wrapped, pin),
  );
}

/** A new PIN wraps the same key: nothing sealed with it changes. A wrong old PIN throws a SealError. */
export async function rewrapDeviceKey(db: CoorieDb, oldPin: string, newPin: string): Promise<void> {
  const stored = await getMeta(db, 'deviceKey');
  if (!stored) return createDeviceKey(db, newPin);
  const lib = await loadCrypto();
  await setMeta(db, 'deviceKey', { ...stored, wrapped: await lib.rewrapPrivateKey(stored.wrapped, oldPin, newPin) });
}

const looksSealed = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { $sealed?: unknown }).$sealed === 1;

/**
 * Rows of one kind with their sensitive fields opened by the in-memory key; while locked, those fields are left
 * out. Call after every Dexie read of a live query (opening is Web Crypto, not a Dexie promise).
 */
export async function openRows<T extends { id: string }>(kind: string, rows: T[]): Promise<T[]> {
  const fields = sensitiveFields(kind);
  if (fields.length === 0) return rows;
  const record = (row: T) => row as unknown as Record<string, unknown>;
  if (!rows.some((row) => fields.some((field) => looksSealed(record(row)[field])))) return rows;
  if (!sealing) await loadCrypto();
  const lib = sealing as Sealing;
  return Promise.all(
    rows.map((row) => lib.openValues(kind, row.id, record(row), opener) as Promise<unknown> as Promise<T>),
  );
}

export async function openRow<T extends { id: string }>(kind: string, row: T | undefined): Promise<T | undefined> {
  return row ? (await openRows(kind, [row]))[0] : undefined;
}
