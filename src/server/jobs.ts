// Scheduled jobs that run once however many server processes share the database.
//
// Time is cut into periods counted from the epoch (a job run every minute has one period a minute, a daily
// job one a day, from midnight UTC). Each process ticks every period; a tick first claims the period with a
// conditional UPDATE on the job's row, which the database lets only one process win, and only the winner runs
// the job. On SQLite (one process per file) the claim always succeeds once a period, which is what a single
// process wants. A job that fails gives its period back, so that the next tick, in any process, tries again.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Schema } from './store/schema.ts';
import { isoNow } from './store/util.ts';

/** Claims this period of the job for this process; true when it won the claim and should run the job. */
export async function claimJob(db: Kysely<Schema>, name: string, slot: number, now: number): Promise<boolean> {
  await db
    .insertInto('scheduled_jobs')
    .values({ name, slot: -1, claimed_at: isoNow(now) })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const result = await db
    .updateTable('scheduled_jobs')
    .set({ slot, claimed_at: isoNow(now) })
    .where('name', '=', name)
    .where('slot', '<', slot)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Runs `fn` unless this period of the job (`periodMs` long) was already claimed, by this process or another.
 * Answers whether it ran. An error from `fn` gives the period back and is thrown on.
 */
export async function runOnce(
  db: Kysely<Schema>,
  name: string,
  periodMs: number,
  fn: () => Promise<unknown>,
  now: number = Date.now(),
): Promise<boolean> {
  const slot = Math.floor(now / periodMs);
  if (!(await claimJob(db, name, slot, now))) return false;
  try {
    await fn();
  } catch (error) {
    await db
      .updateTable('scheduled_jobs')
      .set({ slot: slot - 1 })
      .where('name', '=', name)
      .where('slot', '=', slot)
      .execute()
      .catch(() => undefined);
    throw error;
  }
  return true;
}

export interface ScheduledJob {
  stop(): void;
}

/**
 * Ticks every `periodMs` in this process (and, unless `atStart` is false, once now, so that a server restarted
 * more often than the period still runs the job), running `fn` through `runOnce`. Logs one line when this process ran the job, and the
 * error when it failed; a failure never stops the server.
 */
export function scheduleJob(
  { db, log }: { db: Kysely<Schema>; log: FastifyBaseLogger },
  name: string,
  periodMs: number,
  fn: () => Promise<unknown>,
  { atStart = true }: { atStart?: boolean } = {},
): ScheduledJob {
  const tick = async () => {
    const started = Date.now();
    try {
      if (await runOnce(db, name, periodMs, fn, started)) {
        log.info({ job: name, ms: Date.now() - started }, 'scheduled job ran');
      }
    } catch (error) {
      log.error({ job: name, err: error }, 'scheduled job failed');
    }
  };
  if (atStart) void tick();
  const timer = setInterval(() => void tick(), periodMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
