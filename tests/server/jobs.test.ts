// @vitest-environment node
// Scheduled jobs run once a period however many server processes share the database: two stores opened on
// one database stand in for two processes here (tests/server/twoProcesses.test.ts starts real ones).
import { describe, expect, it } from 'vitest';
import { runOnce } from '../../src/server/jobs.ts';
import { openStore } from '../../src/server/store/index.ts';
import { countRequest, sweepRateLimits } from '../../src/server/store/rateLimits.ts';
import { databases, useServer } from './helpers.ts';

const MINUTE = 60_000;
const AT = Date.UTC(2026, 2, 29, 0, 30); // any instant: the jobs go by the clock they are given

describe.each(databases())('scheduled jobs and shared counters on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database);

  it('runs a job once in its period, again in the next, and again when a run failed', async () => {
    const runs: number[] = [];
    const job = (now: number) => runOnce(server.store.db, 'tally', MINUTE, async () => runs.push(now), now);
    expect(await job(AT)).toBe(true);
    expect(await job(AT + 59_000)).toBe(false);
    expect(await job(AT + MINUTE)).toBe(true);
    expect(runs).toEqual([AT, AT + MINUTE]);

    const failing = runOnce(server.store.db, 'tally', MINUTE, () => Promise.reject(new Error('disk')), AT + 2 * MINUTE);
    await expect(failing).rejects.toThrow('disk');
    expect(await job(AT + 2 * MINUTE + 1_000)).toBe(true);
    expect(runs).toHaveLength(3);
  });

  it('lets exactly one of two processes racing for the same period run the job', async () => {
    const other = openStore(server.config);
    try {
      let runs = 0;
      const job = async () => {
        runs += 1;
      };
      for (let period = 0; period < 20; period++) {
        const now = AT + period * MINUTE;
        const ran = await Promise.all([
          runOnce(server.store.db, 'race', MINUTE, job, now),
          runOnce(other.db, 'race', MINUTE, job, now + 10),
          runOnce(server.store.db, 'race', MINUTE, job, now + 20),
          runOnce(other.db, 'race', MINUTE, job, now + 30),
        ]);
        expect(ran.filter(Boolean)).toHaveLength(1);
      }
      expect(runs).toBe(20);
    } finally {
      await other.close();
    }
  });

  it('counts requests racing through two processes exactly, and starts a new window when one ends', async () => {
    const other = openStore(server.config);
    try {
      const counts = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          countRequest(i % 2 === 0 ? server.store.db : other.db, 'sync|device', MINUTE, AT + i),
        ),
      );
      expect(counts.map((counted) => counted.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(new Set(counts.map((counted) => counted.resetAt)).size).toBe(1);

      const next = await countRequest(other.db, 'sync|device', MINUTE, AT + MINUTE + 5);
      expect(next).toEqual({ count: 1, resetAt: AT + 2 * MINUTE + 5 });
      await countRequest(server.store.db, 'sign-in|address', MINUTE, AT);
      // A forwarded address is whatever the client wrote: NUL and all, at any length.
      const hostile = `global|\u0000${'9'.repeat(10_000)}`;
      expect((await countRequest(server.store.db, hostile, MINUTE, AT)).count).toBe(1);
      expect((await countRequest(other.db, hostile, MINUTE, AT + 1)).count).toBe(2);
      expect(await sweepRateLimits(server.store.db, AT + MINUTE + 10)).toBe(2);
    } finally {
      await other.close();
    }
  });
});
