// Sealing a value for the holder of one private key, with standard Web Crypto only (the same code in the
// browser, its service worker and Node): ECDH on P-256 between a fresh ephemeral key pair and the recipient's
// public key, HKDF-SHA-256 to an AES-GCM-256 key, AES-GCM with a random 96-bit IV per value. The sealed value
// carries the ephemeral public key, so the recipient alone (with its private key) can open it; the sender
// forgets its ephemeral private key and cannot read back what it sealed. Additional data binds a value to the
// place it was sealed for (kind/id/field), so a ciphertext moved to another record or field fails to open.
//
// One ephemeral key serves many values (a Sealer), so that sealing costs one AES-GCM encryption per value and
// opening one derivation per ephemeral key (an Opener caches them): a write of 500 notes or a pulled page of
// thousands of records does one ECDH, not thousands.

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** Web Crypto's key, named through `crypto` so that the server's build (no DOM types) knows it too. */
export type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
export interface KeyPair {
  publicKey: Key;
  privateKey: Key;
}
const INFO_PREFIX = 'coorie-seal-v1:';

/** A value sealed for the holder of key `k`: JSON, so it can sit in IndexedDB or travel in a sync change. */
export interface Sealed {
  $sealed: 1;
  /** Which recipient key (a device key or an organisation's server key) opens it. */
  k: string;
  /** The sender's ephemeral P-256 public key, raw (uncompressed point), base64url. */
  e: string;
  /** AES-GCM IV, 12 bytes, base64url. */
  iv: string;
  /** Ciphertext with its 16-byte tag, base64url. */
  c: string;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

const B64URL = /^[A-Za-z0-9_-]*$/;

export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const sealed = value as Record<string, unknown>;
  return (
    sealed.$sealed === 1 &&
    typeof sealed.k === 'string' &&
    typeof sealed.e === 'string' &&
    typeof sealed.iv === 'string' &&
    typeof sealed.c === 'string' &&
    B64URL.test(sealed.e) &&
    B64URL.test(sealed.iv) &&
    B64URL.test(sealed.c)
  );
}

/** The platform's own encoder and decoder where there are (browsers since 2025): sealed values call them often. */
type ToBase64 = (this: Uint8Array, options: { alphabet: 'base64url'; omitPadding: boolean }) => string;
const nativeToBase64 = (Uint8Array.prototype as { toBase64?: ToBase64 }).toBase64;

export function toBase64Url(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type FromBase64 = (text: string, options: { alphabet: 'base64url' }) => Uint8Array<ArrayBuffer>;
const nativeFromBase64 = (Uint8Array as { fromBase64?: FromBase64 }).fromBase64;

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!B64URL.test(text)) throw new SealError('not base64url');
  if (nativeFromBase64) return nativeFromBase64(text, { alphabet: 'base64url' });
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A recipient's key pair. The private half is extractable only so that it can be wrapped (src/crypto/keys.ts). */
export async function generateSealingKeyPair(): Promise<KeyPair> {
  return (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as KeyPair;
}

export async function exportPublicKey(key: Key): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function importPublicKey(raw: string): Promise<Key> {
  try {
    return await crypto.subtle.importKey('raw', fromBase64Url(raw), ECDH, true, []);
  } catch {
    throw new SealError('not a P-256 public key');
  }
}

async function deriveAesKey(privateKey: Key, publicKey: Key, ephemeralRaw: string, keyId: string) {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdfKey = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromBase64Url(ephemeralRaw), info: encoder.encode(INFO_PREFIX + keyId) },
    hkdfKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals values for one recipient key with one ephemeral key pair, whose private half it never keeps. */
export class Sealer {
  private constructor(
    readonly keyId: string,
    private readonly ephemeral: string,
    private readonly aesKey: Key,
  ) {}

  static async create(recipient: Key, keyId: string): Promise<Sealer> {
    const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
    const ephemeral = await exportPublicKey(pair.publicKey);
    return new Sealer(keyId, ephemeral, await deriveAesKey(pair.privateKey, recipient, ephemeral, keyId));
  }

  /** Seals any JSON value; `place` (say `note/<id>/body`) must be given again to open it. */
  async seal(place: string, value: unknown): Promise<Sealed> {
    return this.sealWithIv(crypto.getRandomValues(new Uint8Array(12)), place, value);
  }

  /**
   * Seals many values at once, each as `seal` would: their encryptions run side by side, and their random IVs
   * come from one call to the random source (a page of pulled records seals thousands of values).
   */
  sealMany(items: readonly { place: string; value: unknown }[]): Promise<Sealed[]> {
    const ivs = randomIvs(items.length);
    return Promise.all(
      items.map((item, index) => this.sealWithIv(ivs.subarray(index * 12, index * 12 + 12), item.place, item.value)),
    );
  }

  private async sealWithIv(iv: Uint8Array<ArrayBuffer>, place: string, value: unknown): Promise<Sealed> {
    const plain = encoder.encode(JSON.stringify(value));
    const cipher = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(place) },
      this.aesKey,
      plain,
    );
    return {
      $sealed: 1,
      k: this.keyId,
      e: this.ephemeral,
      iv: toBase64Url(iv),
      c: toBase64Url(new Uint8Array(cipher)),
    };
  }
}

/** getRandomValues fills at most 65,536 bytes a call. */
const RANDOM_CHUNK = 65_536 - (65_536 % 12);

/** `count` 96-bit IVs, back to back, from the platform's cryptographic random source. */
function randomIvs(count: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(count * 12);
  for (let offset = 0; offset < bytes.length; offset += RANDOM_CHUNK)
    crypto.getRandomValues(bytes.subarray(offset, Math.min(offset + RANDOM_CHUNK, bytes.length)));
  return bytes;
}

/**
 * What an Opener remembers of the short values it opened (a note's concern, a phone number), in characters of
 * their places, ciphertexts and plaintexts: Today reads every note's concern again whenever notes change, which
 * during a first pull is after every page.
 */
const OPENED_CHARS = 4_000_000;
/** Longer ciphertexts (a note's body) are opened afresh each time rather than kept. */
const OPENED_MAX_CIPHERTEXT = 512;

/**
 * Opens values sealed for one private key, deriving each sender's key once. A short value opened before is not
 * decrypted again: the exact same ephemeral key, IV, ciphertext and place opened once, so they open to the same
 * plaintext, and anything altered or moved misses and is checked afresh. Kept as JSON text, so that no caller can
 * change another's copy; forgotten with the Opener (locking drops it).
 */
export class Opener {
  private readonly keys = new Map<string, Promise<Key>>();
  /** Each sender's ephemeral key by a short number, so that the remembered values' keys stay short. */
  private readonly senders = new Map<string, number>();
  private readonly opened = new Map<string, string>();
  private openedChars = 0;

  constructor(
    readonly keyId: string,
    private readonly privateKey: Key,
  ) {}

  /**
   * The value if this Opener has opened these very bytes for this place before, at once and without a promise (a
   * screen that reads thousands of short values, as Today reads every note's concern, makes no promise for each);
   * undefined otherwise, for `open` to decide.
   */
  known(place: string, sealed: Sealed): unknown {
    if (sealed.k !== this.keyId) return undefined;
    const kept = this.keptAs(place, sealed);
    const text = kept === undefined ? undefined : this.opened.get(kept);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  /**
   * Keeps `value` as what `sealed` holds at `place`, for `known`: a value this device opened on an earlier launch
   * and kept sealed for this key (Today's concerns, src/db/today.ts).
   */
  learn(place: string, sealed: Sealed, value: unknown): void {
    if (!this.senders.has(sealed.e)) this.senders.set(sealed.e, this.senders.size);
    const kept = this.keptAs(place, sealed);
    if (kept !== undefined) this.remember(kept, JSON.stringify(value));
  }

  /** The value, or a SealError when it was sealed for another key, for another place, or was altered. */
  async open(place: string, sealed: Sealed): Promise<unknown> {
    if (sealed.k !== this.keyId) throw new SealError('sealed for another key');
    let aesKey = this.keys.get(sealed.e);
    if (!aesKey) {
      aesKey = importPublicKey(sealed.e).then((sender) => deriveAesKey(this.privateKey, sender, sealed.e, this.keyId));
      this.keys.set(sealed.e, aesKey);
      if (!this.senders.has(sealed.e)) this.senders.set(sealed.e, this.senders.size);
      aesKey.catch(() => this.keys.delete(sealed.e));
    }
    const kept = this.keptAs(place, sealed);
    const known = kept === undefined ? undefined : this.opened.get(kept);
    if (known !== undefined) return JSON.parse(known) as unknown;
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64Url(sealed.iv), additionalData: encoder.encode(place) },
        await aesKey,
        fromBase64Url(sealed.c),
      );
    } catch {
      throw new SealError('the sealed value was altered or belongs elsewhere');
    }
    const text = decoder.decode(plain);
    if (kept !== undefined) this.remember(kept, text);
    return JSON.parse(text) as unknown;
  }

  /** Where a short value opened is remembered: undefined for a long one, or a sender this Opener has not met. */
  private keptAs(place: string, sealed: Sealed): string | undefined {
    const { iv, c } = sealed;
    const sender = this.senders.get(sealed.e);
    if (c.length > OPENED_MAX_CIPHERTEXT || sender === undefined) return undefined;
    // Lengths first, so that no two different values share a key however their parts run together.
    return `${sender}:${iv.length}:${c.length}:${iv}${c}${place}`;
  }

  private remember(kept: string, text: string): void {
    if (this.opened.has(kept)) return;
    this.opened.set(kept, text);
    this.openedChars += kept.length + text.length;
    // The oldest go first (a Map keeps the order of insertion).
    for (const [oldest, value] of this.opened) {
      if (this.openedChars <= OPENED_CHARS) break;
      this.opened.delete(oldest);
      this.openedChars -= oldest.length + value.length;
    }
  }
}
