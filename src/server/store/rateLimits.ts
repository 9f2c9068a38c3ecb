// Rate-limit counters, kept in the database so that every server process counts the same requests.
//
// One statement counts a request: it inserts the key's row, or adds one to it, or starts a new window when the
// old one has ended. An upsert is atomic on SQLite and PostgreSQL alike, so requests racing through several
// processes are each counted once and no count is lost.
//
// A key is stored as its SHA-256: keys carry the client's address, which behind a proxy is text the client
// wrote (any length, any bytes, NUL included, which PostgreSQL's text refuses), and a hash keeps each row small.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';

export interface Counted {
  /** Requests in the current window, this one included. */
  count: number;
  /** When the window ends, in epoch milliseconds. */
  resetAt: number;
}

const stored = (key: string) => createHash('sha256').update(key, 'utf8').digest('base64url');

export async function countRequest(
  db: Kysely<Schema>,
  key: string,
  windowMs: number,
  now: number = Date.now(),
): Promise<Counted> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key: stored(key), count: 1, reset_at: now + windowMs })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.count + 1 end`,
        reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then excluded.reset_at else rate_limits.reset_at end`,
      }),
    )
    .returning(['count', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), resetAt: Number(row.reset_at) };
}

/** The key's count now, without counting a request. */
export async function readCount(db: Kysely<Schema>, key: string, now: number = Date.now()): Promise<Counted> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['count', 'reset_at'])
    .where('key', '=', stored(key))
    .where('reset_at', '>', now)
    .executeTakeFirst();
  return row ? { count: Number(row.count), resetAt: Number(row.reset_at) } : { count: 0, resetAt: now };
}

/** Ended windows say nothing any more: a scheduled job clears them (main.ts). Answers how many went. */
export async function sweepRateLimits(db: Kysely<Schema>, now: number = Date.now()): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('reset_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
