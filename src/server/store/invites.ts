// Invitations: a coordinator makes a one-time code, the new team member turns it into an account. The database
// keeps only a keyed hash of the code (store/sealKeyVault.ts, `codeHash`): ten letters from 29 could be found
// from a plain SHA-256 by trying them all, and would then open an account while the invitation is live.
import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, Schema } from './schema.ts';
import type { SealKeyVault } from './sealKeyVault.ts';
import { hashToken } from './signIns.ts';
import { isoNow } from './util.ts';

// No 0/O, 1/I/L, or 5/S: the code is read aloud over the phone or copied from a text message.
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRTUVWXYZ2346789';
const INVITE_LENGTH = 10;
const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const INVITE_FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_INVITE_FAILURES_PER_IP = 10;

function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** What people type: any case, with spaces or dashes between groups. */
function normaliseInviteCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export async function createInvite(
  db: Kysely<Schema>,
  vault: SealKeyVault,
  input: { organisationId: string; name: string; email: string; role: Role; createdBy: string },
  now: number = Date.now(),
): Promise<{ id: string; code: string; expiresAt: string }> {
  const code = newInviteCode();
  const invite = { id: randomUUID(), expiresAt: isoNow(now + INVITE_TTL_MS) };
  await db
    .insertInto('invites')
    .values({
      id: invite.id,
      organisation_id: input.organisationId,
      code_hash: await vault.codeHash('invite', code),
      name: input.name,
      email: input.email,
      role: input.role,
      created_by: input.createdBy,
      created_at: isoNow(now),
      expires_at: invite.expiresAt,
    })
    .execute();
  return { ...invite, code };
}

/**
 * Marks a live invite used and returns it, or undefined for an unknown, expired or used code. The
 * conditional UPDATE decides between two people racing with one code.
 */
export async function claimInvite(db: Kysely<Schema>, vault: SealKeyVault, code: string, now: number = Date.now()) {
  const typed = normaliseInviteCode(code);
  // An invitation made before codes were keyed kept a plain SHA-256, which a keyed hash never equals; such
  // invitations last a week at most.
  const invite = await db
    .selectFrom('invites')
    .selectAll()
    .where('code_hash', 'in', [await vault.codeHash('invite', typed), hashToken(typed)])
    .where('used_at', 'is', null)
    .where('expires_at', '>', isoNow(now))
    .executeTakeFirst();
  if (!invite) return undefined;
  const claimed = await db
    .updateTable('invites')
    .set({ used_at: isoNow(now) })
    .where('id', '=', invite.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1 ? invite : undefined;
}

export async function isInviteBlocked(db: Kysely<Schema>, ip: string, now: number = Date.now()): Promise<boolean> {
  const row = await db
    .selectFrom('invite_failures')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('ip', '=', ip)
    .where('created_at', '>', isoNow(now - INVITE_FAILURE_WINDOW_MS))
    .executeTakeFirstOrThrow();
  return Number(row.count) >= MAX_INVITE_FAILURES_PER_IP;
}

export async function recordInviteFailure(db: Kysely<Schema>, ip: string, now: number = Date.now()): Promise<void> {
  await db
    .insertInto('invite_failures')
    .values({ id: randomUUID(), ip, created_at: isoNow(now) })
    .execute();
  await db
    .deleteFrom('invite_failures')
    .where('created_at', '<=', isoNow(now - INVITE_FAILURE_WINDOW_MS))
    .execute();
}
