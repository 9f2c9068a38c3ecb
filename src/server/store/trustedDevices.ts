// Devices that have signed in to an account before. Under a guessing attack on that account, such a device
// counts its own sign-in attempts instead of sharing the account's (see store/signInFailures.ts), so the
// person can still sign in from their own tablet. Only the token's hash is kept, as for sign-ins.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { hashToken } from './signIns.ts';
import { isoNow } from './util.ts';

/** The hash that names a trusted device, when the token is one this user's device was given. */
export async function findTrustedDevice(
  db: Kysely<Schema>,
  userId: string,
  token: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('trusted_devices')
    .select('token_hash')
    .where('token_hash', '=', hashToken(token))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.token_hash;
}

/** Trusts a new device of this user, remembering the sign-in it opened; returns the token for its cookie. */
export async function trustDevice(
  db: Kysely<Schema>,
  input: { userId: string; signInId: string },
  now: number = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('trusted_devices')
    .values({
      token_hash: hashToken(token),
      user_id: input.userId,
      session_id: input.signInId,
      created_at: isoNow(now),
    })
    .execute();
  return token;
}

/** A trusted device signed in again: its trust follows its newest sign-in. */
export async function renewTrustedDevice(db: Kysely<Schema>, tokenHash: string, signInId: string): Promise<void> {
  await db.updateTable('trusted_devices').set({ session_id: signInId }).where('token_hash', '=', tokenHash).execute();
}

/** A device revoked by a coordinator (a lost tablet, say) is trusted no more. */
export async function forgetTrustedDevice(db: Kysely<Schema>, signInId: string): Promise<void> {
  await db.deleteFrom('trusted_devices').where('session_id', '=', signInId).execute();
}
