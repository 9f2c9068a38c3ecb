// Sign-in attempts, kept in the database so that every server process counts the same attempts.
//
// An attempt is counted before its password is checked: its row goes in first, then the rows are counted,
// its own included. Attempts racing each other therefore each see every row written before theirs, so however
// many arrive at once (on one process or several) at most the limit go on to a password check; the rest are
// refused, and their rows taken out again so that refused attempts do not keep the block going. The rows
// left are failed attempts (and attempts in flight); a good sign-in clears its own.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 20;
/** A device that signed in to the account before has a count of its own (store/trustedDevices.ts). */
const MAX_FAILURES_PER_TRUSTED_DEVICE = 5;

export interface SignInAttempt {
  email: string;
  ip: string;
  /** The trusted device's token hash, when the attempt comes from a device this account signed in on. */
  device?: string;
}

export interface CountedAttempt {
  id: string;
  blocked: boolean;
}

async function countSince(db: Kysely<Schema>, column: 'email' | 'ip' | 'device', value: string, since: string) {
  let query = db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where(column, '=', value)
    .where('created_at', '>', since);
  // The account's and the address's counts are those of other devices: a trusted device's attempts are apart.
  if (column !== 'device') query = query.where('device', 'is', null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Counts this attempt (see above) and says whether it is over a limit: 5 per email, 20 per address, or 5 per
 * trusted device, in the last 15 minutes. A blocked attempt should be forgotten with `forgetSignInAttempt`.
 */
export async function countSignInAttempt(
  db: Kysely<Schema>,
  attempt: SignInAttempt,
  now: number = Date.now(),
): Promise<CountedAttempt> {
  const id = randomUUID();
  await db
    .insertInto('sign_in_failures')
    .values({ id, email: attempt.email, ip: attempt.ip, device: attempt.device ?? null, created_at: isoNow(now) })
    .execute();
  const since = isoNow(now - FAILURE_WINDOW_MS);
  const blocked =
    attempt.device !== undefined
      ? (await countSince(db, 'device', attempt.device, since)) > MAX_FAILURES_PER_TRUSTED_DEVICE
      : (await countSince(db, 'email', attempt.email, since)) > MAX_FAILURES_PER_EMAIL ||
        (await countSince(db, 'ip', attempt.ip, since)) > MAX_FAILURES_PER_IP;
  // Old rows say nothing any more; clearing them here keeps the table small without a timer.
  await db.deleteFrom('sign_in_failures').where('created_at', '<=', since).execute();
  return { id, blocked };
}

/** A refused attempt leaves no trace, so that an attack that goes on does not keep the block going for ever. */
export async function forgetSignInAttempt(db: Kysely<Schema>, id: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('id', '=', id).execute();
}

/**
 * After a good sign-in, the same kind of attempt starts afresh: a trusted device's own count, or the email's
 * count on other devices (the address's count keeps its failures for other emails).
 */
export async function clearSignInFailures(db: Kysely<Schema>, attempt: SignInAttempt): Promise<void> {
  if (attempt.device !== undefined) {
    await db.deleteFrom('sign_in_failures').where('device', '=', attempt.device).execute();
  } else {
    await db.deleteFrom('sign_in_failures').where('email', '=', attempt.email).where('device', 'is', null).execute();
  }
}
