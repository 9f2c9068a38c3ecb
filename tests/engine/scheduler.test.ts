// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../src/engine/backoff.ts';
import { createSyncScheduler, type RunOutcome } from '../../src/engine/scheduler.ts';

describe('back-off', () => {
  it('grows exponentially from 2 s and stops at 5 minutes', () => {
    const top = () => 0.999999;
    expect(backoffDelay(1, top)).toBe(1_999);
    expect(backoffDelay(2, top)).toBe(3_999);
    expect(backoffDelay(5, top)).toBe(31_999);
    expect(backoffDelay(9, top)).toBe(299_999);
    expect(backoffDelay(1_000, top)).toBe(299_999);
  });

  it('draws anywhere between nothing and the ceiling (full jitter)', () => {
    expect(backoffDelay(4, () => 0)).toBe(0);
    expect(backoffDelay(4, () => 0.5)).toBe(8_000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(6, Math.random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(64_000);
    }
  });
});

describe('sync scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(outcomes: RunOutcome[]) {
    const run = vi.fn(async (): Promise<RunOutcome> => outcomes.shift() ?? 'success');
    const scheduler = createSyncScheduler({ run, random: () => 0.5 });
    return { run, scheduler };
  }

  it('gathers a burst of requests into one run a second later', async () => {
    const { run, scheduler } = setup([]);
    scheduler.requestSoon();
    await vi.advanceTimersByTimeAsync(500);
    scheduler.requestSoon();
    scheduler.requestSoon();
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once when asked, and once more after a run if asked during it', async () => {
    let finish: (outcome: RunOutcome) => void = () => {};
    const run = vi.fn(() => new Promise<RunOutcome>((resolve) => (finish = resolve)));
    const scheduler = createSyncScheduler({ run, random: () => 0.5 });
    scheduler.requestNow();
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.requestNow();
    scheduler.requestSoon();
    expect(run).toHaveBeenCalledTimes(1);
    finish('success');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('retries after failures with growing waits, and starts again from the bottom after a success', async () => {
    const { run, scheduler } = setup(['failure', 'failure', 'failure', 'success', 'failure']);
    scheduler.requestNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.failures).toBe(1);
    // random 0.5: the waits are half of 2 s, 4 s, 8 s.
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(4);
    expect(scheduler.failures).toBe(0);
    scheduler.requestNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.failures).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(6);
  });

  it('does not let writes cut a back-off short, but a person pressing "Sync now" does', async () => {
    const { run, scheduler } = setup(['failure', 'failure', 'failure', 'failure']);
    scheduler.requestNow();
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(3);
    scheduler.requestSoon();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(3);
    scheduler.requestNow();
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('treats a run that throws as a failure', async () => {
    const run = vi.fn(async (): Promise<RunOutcome> => {
      throw new Error('boom');
    });
    const scheduler = createSyncScheduler({ run, random: () => 0.5 });
    scheduler.requestNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.failures).toBe(1);
  });

  it('does not retry when retrying cannot help (signed out), nor after it is disposed', async () => {
    const { run, scheduler } = setup(['stopped']);
    scheduler.requestNow();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.dispose();
    scheduler.requestNow();
    scheduler.requestSoon();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
