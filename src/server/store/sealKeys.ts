// Each organisation's sealing key pairs (migration 0009): made on first need, never changed, never deleted
// while the organisation lasts, so that whatever was sealed for one of them can still be opened. The private
// key is stored wrapped with the server's secret (store/sealKeyVault.ts); SealKeyRow.privateKey is as stored.
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { sealKeyVaultOf } from './sealKeyVault.ts';
import { isoNow } from './util.ts';

export interface SealKeyRow {
  keyId: string;
  organisationId: string;
  n: number;
  publicKey: string;
  privateKey: string;
}

/** A new key pair, as the table keeps it: public key raw and private key PKCS#8, both base64url. */
export type MakeKeyPair = () => Promise<{ publicKey: string; privateKey: string }>;

export const sealKeyId = (organisationId: string, n: number) => `org:${organisationId}:${n}`;

const columns = [
  'key_id as keyId',
  'organisation_id as organisationId',
  'n',
  'public_key as publicKey',
  'private_key as privateKey',
] as const;

/** The organisation's newest key: the one devices seal with. */
export async function findCurrentSealKey(db: Kysely<Schema>, organisationId: string): Promise<SealKeyRow | undefined> {
  return db
    .selectFrom('seal_keys')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The ids of the organisation's keys, oldest first. */
export async function listSealKeyIds(db: Kysely<Schema>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('seal_keys')
    .select('key_id')
    .where('organisation_id', '=', organisationId)
    .orderBy('n')
    .execute();
  return rows.map((row) => row.key_id);
}

/** Any key of any organisation, by the id a sealed value names; the caller checks whose it is. */
export async function findSealKey(db: Kysely<Schema>, keyId: string): Promise<SealKeyRow | undefined> {
  return db.selectFrom('seal_keys').select(columns).where('key_id', '=', keyId).executeTakeFirst();
}

/**
 * The organisation's current key, made by `make` the first time. Several processes (or requests) asking at
 * once may each make a pair, but only the first insert of key 1 lands and every one of them then reads it.
 */
export async function ensureSealKey(
  db: Kysely<Schema>,
  organisationId: string,
  make: MakeKeyPair,
  now: number = Date.now(),
): Promise<SealKeyRow> {
  const found = await findCurrentSealKey(db, organisationId);
  if (found) return found;
  await insertKey(db, organisationId, 1, await make(), now);
  const kept = await findCurrentSealKey(db, organisationId);
  if (!kept) throw new Error('The sealing key could not be stored.');
  return kept;
}

/**
 * Adds the organisation's next key, which devices then seal with; the older ones stay, so that values
 * already sealed for them still open. Two rotations at once add one key.
 */
export async function rotateSealKey(
  db: Kysely<Schema>,
  organisationId: string,
  make: MakeKeyPair,
  now: number = Date.now(),
): Promise<SealKeyRow> {
  const current = await findCurrentSealKey(db, organisationId);
  await insertKey(db, organisationId, (current?.n ?? 0) + 1, await make(), now);
  const kept = await findCurrentSealKey(db, organisationId);
  if (!kept) throw new Error('The sealing key could not be stored.');
  return kept;
}

async function insertKey(
  db: Kysely<Schema>,
  organisationId: string,
  n: number,
  pair: { publicKey: string; privateKey: string },
  now: number,
): Promise<void> {
  const keyId = sealKeyId(organisationId, n);
  const privateKey = await sealKeyVaultOf(db).wrap({ organisationId, keyId }, pair.privateKey);
  await db
    .insertInto('seal_keys')
    .values({
      key_id: keyId,
      organisation_id: organisationId,
      n,
      public_key: pair.publicKey,
      private_key: privateKey,
      created_at: isoNow(now),
    })
    // Either unique rule (the key id or the organisation's n): another process made this key first.
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}
