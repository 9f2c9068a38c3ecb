// Failed sign-ins, kept in the database so that every server process counts the same attempts.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

async function countSince(db: Kysely<Schema>, column: 'email' | 'ip', value: string, since: string) {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where(column, '=', value)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** True when this email, or this address, has failed too often in the last 15 minutes. */
export async function isSignInBlocked(
  db: Kysely<Schema>,
  attempt: { email: string; ip: string },
  now: number = Date.now(),
): Promise<boolean> {
  const since = isoNow(now - FAILURE_WINDOW_MS);
  return (
    (await countSince(db, 'email', attempt.email, since)) >= MAX_FAILURES_PER_EMAIL ||
    (await countSince(db, 'ip', attempt.ip, since)) >= MAX_FAILURES_PER_IP
  );
}

export async function recordSignInFailure(
  db: Kysely<Schema>,
  attempt: { email: string; ip: string },
  now: number = Date.now(),
): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values({ id: randomUUID(), email: attempt.email, ip: attempt.ip, created_at: isoNow(now) })
    .execute();
  // Old rows say nothing any more; clearing them here keeps the table small without a timer.
  await db
    .deleteFrom('sign_in_failures')
    .where('created_at', '<=', isoNow(now - FAILURE_WINDOW_MS))
    .execute();
}

/** After a good sign-in, that email starts afresh (the address's count stays). */
export async function clearSignInFailures(db: Kysely<Schema>, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}
