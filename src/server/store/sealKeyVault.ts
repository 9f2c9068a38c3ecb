// The server's private keys at rest: the organisations' sealing keys (store/sealKeys.ts) and the Web Push VAPID
// key (store/push.ts), and the devices' Web Push subscriptions beside it. Each is kept wrapped, AES-GCM-256 under
// a key derived (HKDF-SHA-256) from the server's secret, with the value's place as additional data (a sealing
// key's organisation and key id; the VAPID key's row and public key; a subscription's device sign-in and column),
// so that a wrapped value copied to another row or column does not open. The secret is
// SEAL_KEY_SECRET, or else a key file made on first start in DATA_DIR (0600). It is never in the database, so a
// backup of the database holds the wrapped keys only: the secret must be kept apart from backups, and is needed
// to restore one (README, "Backups and restore").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { fromBase64Url, toBase64Url, type Key } from '../../crypto/seal.ts';
import { StartupError } from '../preflight.ts';
import type { Schema } from './schema.ts';

/** The key file's name in DATA_DIR, used when SEAL_KEY_SECRET is not set. */
export const SEAL_KEY_FILE = 'seal-key.secret';
/** Shortest secret taken: 32 characters (the key file holds 32 random bytes, 43 characters). */
export const SEAL_KEY_SECRET_MIN = 32;
/**
 * A wrapped value as the column keeps it: `w1.<iv>.<ciphertext>`, base64url. No plain value matches: a key in
 * base64url never holds a dot, and a subscription's endpoint is an https:// address.
 */
const WRAPPED = /^w1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

const encoder = new TextEncoder();

export interface SealKeyPlace {
  organisationId: string;
  keyId: string;
}

/** The VAPID key's place: its row and its public key, so that it opens only beside the public key it signs for. */
export interface VapidKeyPlace {
  vapidRow: string;
  publicKey: string;
}

/** A part of a device's Web Push subscription: its sign-in (the row) and the column. */
export interface SubscriptionPlace {
  deviceId: string;
  column: 'endpoint' | 'p256dh' | 'auth';
}

type KeyPlace = SealKeyPlace | VapidKeyPlace;
type Place = KeyPlace | SubscriptionPlace;

/** Where a wrapped value belongs, as additional data; each kind of place starts differently, so never collide. */
function additionalData(place: Place): Uint8Array<ArrayBuffer> {
  if ('column' in place) return encoder.encode(`coorie-push-subscription-v1:${place.deviceId}:${place.column}`);
  return encoder.encode(
    'vapidRow' in place
      ? `coorie-vapid-key-v1:${place.vapidRow}:${place.publicKey}`
      : `coorie-seal-key-v1:${place.organisationId}:${place.keyId}`,
  );
}

function describePlace(place: Place): string {
  if ('column' in place) return "a device's push subscription (alerts)";
  return 'vapidRow' in place ? 'the VAPID key (alerts)' : `the sealing key ${place.keyId}`;
}

export class SealKeySecretError extends Error {
  override name = 'SealKeySecretError';
}

export function isWrappedSealKey(stored: string): boolean {
  return WRAPPED.test(stored);
}

/** Wraps and unwraps the private keys with the server's secret, and keys the hashes of one-time codes with it. */
export class SealKeyVault {
  private constructor(
    private readonly key: Key,
    /** HMAC-SHA-256, derived apart from the wrapping key: see `codeHash`. */
    private readonly codeKey: Key,
    /** Where the secret came from, for messages: "SEAL_KEY_SECRET" or the key file's path. */
    readonly source: string,
  ) {}

  static async fromSecret(secret: string, source: string): Promise<SealKeyVault> {
    const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('coorie-seal-key-wrap'), info: encoder.encode('v1') },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
    const codeKey = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('coorie-code-hash'), info: encoder.encode('v1') },
      material,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
    return new SealKeyVault(key, codeKey, source);
  }

  /**
   * What the database keeps of a short one-time code (an invitation's), to find it by: HMAC-SHA-256 under a key
   * of the server's secret, base64url, `purpose` keeping one kind of code's hashes apart from another's. A code
   * short enough to read aloud could be found from a plain SHA-256 by trying every code; without the secret,
   * this cannot be tried offline at all.
   */
  async codeHash(purpose: string, code: string): Promise<string> {
    const mac = await crypto.subtle.sign('HMAC', this.codeKey, encoder.encode(`${purpose}:${code}`));
    return `k1.${toBase64Url(new Uint8Array(mac))}`;
  }

  /** A private key (base64url: a sealing key's PKCS#8, the VAPID key's raw 32 bytes) as the column keeps it. */
  async wrap(place: KeyPlace, privateKey: string): Promise<string> {
    return this.seal(place, fromBase64Url(privateKey));
  }

  /**
   * The private key (base64url) from the column: unwrapped, or as it is when still plain (a key kept before
   * wrapping, until the server's next start wraps it). A SealKeySecretError when the secret does not open it.
   */
  async unwrap(place: KeyPlace, stored: string): Promise<string> {
    return isWrappedSealKey(stored) ? toBase64Url(await this.open(place, stored)) : stored;
  }

  /** Text (a subscription's endpoint or key, kept as the browser gave it) as the column keeps it. */
  async wrapText(place: SubscriptionPlace, text: string): Promise<string> {
    return this.seal(place, encoder.encode(text));
  }

  /** The text from the column: unwrapped, or as it is when still plain, as `unwrap` does for a key. */
  async unwrapText(place: SubscriptionPlace, stored: string): Promise<string> {
    return isWrappedSealKey(stored) ? new TextDecoder().decode(await this.open(place, stored)) : stored;
  }

  private async seal(place: Place, plain: Uint8Array<ArrayBuffer>): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const cipher = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(place) },
      this.key,
      plain,
    );
    return `w1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(cipher))}`;
  }

  private async open(place: Place, stored: string): Promise<Uint8Array> {
    const match = WRAPPED.exec(stored);
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64Url(match?.[1] ?? ''), additionalData: additionalData(place) },
        this.key,
        fromBase64Url(match?.[2] ?? ''),
      );
      return new Uint8Array(plain);
    } catch {
      throw new SealKeySecretError(
        `${describePlace(place)} does not open with ${this.source}: it is not the secret it was wrapped with`,
      );
    }
  }
}

/**
 * The server's secret: SEAL_KEY_SECRET, else the key file in DATA_DIR, made now (32 random bytes, 0600) when
 * there is none. Several processes starting at once make one file: the first write wins, the others read it.
 */
export async function loadSealKeyVault(config: {
  sealKeySecret: string | undefined;
  sealKeyFile: string;
}): Promise<SealKeyVault> {
  if (config.sealKeySecret !== undefined) return SealKeyVault.fromSecret(config.sealKeySecret, 'SEAL_KEY_SECRET');
  const file = config.sealKeyFile;
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    secret = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      secret = readFileSync(file, 'utf8').trim();
    }
  }
  if (secret.length < SEAL_KEY_SECRET_MIN) {
    throw new StartupError(
      `the seal key file ${file} holds fewer than ${SEAL_KEY_SECRET_MIN} characters: restore the file it was, or ` +
        'set SEAL_KEY_SECRET.',
    );
  }
  return SealKeyVault.fromSecret(secret, `the seal key file ${file}`);
}

// The vault of each open database, so that store/sealKeys.ts and sync/sealed.ts, which are given the database,
// wrap and unwrap with it. Set by buildApp (and by tests that open a second handle on the same database).
const vaults = new WeakMap<Kysely<Schema>, SealKeyVault>();

export function useSealKeyVault(db: Kysely<Schema>, vault: SealKeyVault): void {
  vaults.set(db, vault);
}

export function sealKeyVaultOf(db: Kysely<Schema>): SealKeyVault {
  const vault = vaults.get(db);
  if (!vault) throw new Error('No seal key secret is loaded for this database (SEAL_KEY_SECRET or its key file).');
  return vault;
}

/**
 * The one line a wrong or lost secret stops the server with (a StartupError), for a value that does not open;
 * `unopenable` says what cannot be done without it.
 */
export async function checkOpens(
  vault: SealKeyVault,
  place: SealKeyPlace | VapidKeyPlace | SubscriptionPlace,
  stored: string,
  unopenable: string,
): Promise<void> {
  try {
    await ('column' in place ? vault.unwrapText(place, stored) : vault.unwrap(place, stored));
  } catch (error) {
    if (!(error instanceof SealKeySecretError)) throw error;
    throw new StartupError(
      `${error.message}. Start the server with the SEAL_KEY_SECRET (or seal key file) that this database's ` +
        `keys were wrapped with; without it, ${unopenable}.`,
    );
  }
}

const readSealKeys = (db: Kysely<Schema>) =>
  db
    .selectFrom('seal_keys')
    .select(['key_id as keyId', 'organisation_id as organisationId', 'private_key as privateKey'])
    .execute();

/** At start, before anything is wrapped: a StartupError when the secret does not open every wrapped key. */
export async function checkSealKeys(db: Kysely<Schema>, vault: SealKeyVault): Promise<void> {
  for (const row of await readSealKeys(db)) {
    if (isWrappedSealKey(row.privateKey))
      await checkOpens(vault, row, row.privateKey, 'values sealed for them cannot be opened');
  }
}

/** At start, once the secret is checked: wraps every key still kept plain. Returns how many it wrapped. */
export async function wrapPlainSealKeys(db: Kysely<Schema>, vault: SealKeyVault): Promise<number> {
  let wrapped = 0;
  for (const row of await readSealKeys(db)) {
    if (isWrappedSealKey(row.privateKey)) continue;
    // Another process starting at once may have wrapped it already: only the plain value is replaced.
    const result = await db
      .updateTable('seal_keys')
      .set({ private_key: await vault.wrap(row, row.privateKey) })
      .where('key_id', '=', row.keyId)
      .where('private_key', '=', row.privateKey)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) wrapped++;
  }
  return wrapped;
}

/**
 * At start: checks that the secret opens every wrapped key, so that a wrong or lost secret stops the server with
 * one clear line (a StartupError) instead of refusing every sealed push, and only then wraps every key still
 * kept plain, so that a wrong secret changes nothing. Returns how many keys it wrapped. (main.ts does the same
 * for every key at rest, store/keysAtRest.ts.)
 */
export async function prepareSealKeys(db: Kysely<Schema>, vault: SealKeyVault): Promise<number> {
  await checkSealKeys(db, vault);
  return wrapPlainSealKeys(db, vault);
}
