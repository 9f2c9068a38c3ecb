// Sealed values in a push (src/crypto/seal.ts): a device seals the sensitive values waiting in its outbox with
// its organisation's public key, so that only the server can read them, and the server opens them here, before
// a change is checked, so that every rule (control characters, each kind's schema, who may write what) sees
// the plain value, and the record is stored plain as before. A value sealed for a key that is not the
// pusher's organisation's is refused `forbidden`; one that does not open (altered, moved to another record or
// field, not a sealed value at all) is `invalid_value`. Either rejects its change alone.
import type { Kysely } from 'kysely';
import { ID_PATTERN } from '../../domain/ids.ts';
import { isKindName } from '../../domain/kinds.ts';
import {
  exportPublicKey,
  fromBase64Url,
  generateSealingKeyPair,
  isSealed,
  Opener,
  toBase64Url,
  type Key,
} from '../../crypto/seal.ts';
import { changeSchema, isValidRecordId, MAX_PUSH_CHANGES } from '../../sync/protocol.ts';
import type { Schema } from '../store/schema.ts';
import { sealKeyVaultOf } from '../store/sealKeyVault.ts';
import { ensureSealKey, findSealKey, listSealKeyIds, type SealKeyRow } from '../store/sealKeys.ts';
import { reject, type Rejection } from './checkChange.ts';

/** A pushed change with its sealed values opened (still unchecked otherwise), or why it was refused. */
export type Opened = { change: unknown } | { rejected: Rejection };

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** A new key pair as the database keeps it: public key raw, private key PKCS#8, both base64url. */
export async function makeSealKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await generateSealingKeyPair();
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return { publicKey: await exportPublicKey(pair.publicKey), privateKey: toBase64Url(new Uint8Array(pkcs8)) };
}

/** The organisation's public key that devices seal with, made on first need. */
export async function currentSealKey(
  db: Kysely<Schema>,
  organisationId: string,
): Promise<{ keyId: string; publicKey: string }> {
  const row = await ensureSealKey(db, organisationId, makeSealKeyPair);
  return { keyId: row.keyId, publicKey: row.publicKey };
}

interface PrivateKey {
  organisationId: string;
  key: Key;
}

/**
 * Private keys already read and imported, per database and key id. A key row never changes once written, so
 * it can be kept for the life of the process; a key id not found is not kept.
 */
const privateKeys = new WeakMap<Kysely<Schema>, Map<string, Promise<PrivateKey | undefined>>>();

function privateKeyOf(db: Kysely<Schema>, keyId: string): Promise<PrivateKey | undefined> {
  let cache = privateKeys.get(db);
  if (!cache) privateKeys.set(db, (cache = new Map()));
  let found = cache.get(keyId);
  if (!found) {
    found = findSealKey(db, keyId).then((row) => row && importPrivateKey(db, row));
    cache.set(keyId, found);
    void found.then(
      (key) => key ?? cache.delete(keyId),
      () => cache.delete(keyId),
    );
  }
  return found;
}

async function importPrivateKey(db: Kysely<Schema>, row: SealKeyRow): Promise<PrivateKey> {
  const pkcs8 = await sealKeyVaultOf(db).unwrap(row, row.privateKey);
  const key = await crypto.subtle.importKey('pkcs8', fromBase64Url(pkcs8), ECDH, false, ['deriveBits']);
  return { organisationId: row.organisationId, key };
}

/** A value that means to be sealed: an object naming `$sealed`, well-formed or not. */
function looksSealed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, '$sealed');
}

const KEY_ID = ID_PATTERN;
// A P-256 point (65 bytes) and a 96-bit IV, in base64url.
const EPHEMERAL_LENGTH = 87;
const IV_LENGTH = 16;

/**
 * Each sender's key costs one ECDH derivation (about a millisecond) to open. A device seals many values with one
 * (a Sealer per write or per push), so one a change is already generous; past that a push could make the server
 * do thousands of derivations, and the values of the further ones are refused.
 */
export const MAX_SENDER_KEYS = MAX_PUSH_CHANGES;

/**
 * Opens every sealed value of the changes of one push, for the pusher's organisation. A change whose envelope
 * is malformed is passed on as it came, for checkEnvelope to name what is wrong with it. One Opener per key id
 * for the whole batch, so that 500 values sealed by one device cost one key derivation.
 */
export async function openSealedChanges(
  db: Kysely<Schema>,
  organisationId: string,
  changes: unknown[],
): Promise<Opened[]> {
  const openers = new Map<string, Promise<Opener | undefined>>();
  const senders = new Set<string>();
  // Called for each value in the order of the push (before anything is awaited), so the cap is deterministic.
  const admit = (sender: string) => {
    if (senders.size < MAX_SENDER_KEYS) senders.add(sender);
    return senders.has(sender);
  };
  // The organisation's key ids, read once for the push (and only if it holds a sealed value): however many
  // key ids its values name, the push costs one query, and a private key is read only for a key of its own.
  let ownKeys: Promise<Set<string>> | undefined;
  const openerFor = (keyId: string) => {
    let opener = openers.get(keyId);
    if (!opener) {
      ownKeys ??= listSealKeyIds(db, organisationId).then((ids) => new Set(ids));
      opener = ownKeys.then(async (ids) => {
        const found = ids.has(keyId) ? await privateKeyOf(db, keyId) : undefined;
        return found && found.organisationId === organisationId ? new Opener(keyId, found.key) : undefined;
      });
      openers.set(keyId, opener);
    }
    return opener;
  };
  return Promise.all(changes.map((raw) => openChange(raw, openerFor, admit)));
}

/** Whether a pushed change names a sealed value: most do not, and pass on untouched, unparsed. */
function holdsSealed(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || !('values' in raw)) return false;
  const { values } = raw;
  return typeof values === 'object' && values !== null && Object.values(values).some(looksSealed);
}

async function openChange(
  raw: unknown,
  openerFor: (keyId: string) => Promise<Opener | undefined>,
  admit: (sender: string) => boolean,
): Promise<Opened> {
  if (!holdsSealed(raw)) return { change: raw };
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success || !isKindName(parsed.data.kind) || !isValidRecordId(parsed.data.id)) return { change: raw };
  const { kind, id, values } = parsed.data;
  const outcomes = await Promise.all(
    Object.keys(values)
      .filter((field) => looksSealed(values[field]))
      .map(async (field): Promise<[string, unknown] | Rejection> => {
        const sealed = values[field];
        if (
          !isSealed(sealed) ||
          Object.keys(sealed).length !== 5 ||
          !KEY_ID.test(sealed.k) ||
          sealed.e.length !== EPHEMERAL_LENGTH ||
          sealed.iv.length !== IV_LENGTH
        ) {
          return reject('invalid_value', `${field}: is not a well-formed sealed value.`);
        }
        if (!admit(sealed.e)) {
          return reject(
            'invalid_value',
            `${field}: sealed with more sender keys than one push may use (${MAX_SENDER_KEYS}).`,
          );
        }
        const opener = await openerFor(sealed.k);
        if (!opener) {
          return reject('forbidden', `${field}: sealed for another organisation, so it cannot be opened here.`);
        }
        try {
          return [field, await opener.open(`${kind}/${id}/${field}`, sealed)];
        } catch {
          return reject(
            'invalid_value',
            `${field}: the sealed value could not be opened (it was altered, or sealed for another record or field).`,
          );
        }
      }),
  );
  const problem = outcomes.find((outcome): outcome is Rejection => !Array.isArray(outcome));
  if (problem) return { rejected: problem };
  // fromEntries, not assignment: a field named __proto__ stays a field.
  const opened = Object.fromEntries([...Object.entries(values), ...(outcomes as [string, unknown][])]);
  return { change: { ...parsed.data, values: opened } };
}
