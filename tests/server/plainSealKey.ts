// A sealing key stored as migration 0009 kept it, before private keys were wrapped: for the tests of wrapping
// at start.
import type { Kysely } from 'kysely';
import type { Schema } from '../../src/server/store/schema.ts';
import { makeSealKeyPair } from '../../src/server/sync/sealed.ts';

/** Stores a plain key pair for the database's only organisation; its id, the key's and the pair. */
export async function storePlainSealKey(db: Kysely<Schema>) {
  const { id: organisationId } = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
  const keyId = `org:${organisationId}:1`;
  const pair = await makeSealKeyPair();
  await db
    .insertInto('seal_keys')
    .values({
      key_id: keyId,
      organisation_id: organisationId,
      n: 1,
      public_key: pair.publicKey,
      private_key: pair.privateKey,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { organisationId, keyId, pair };
}
