// Decides when the device syncs: soon after a write, now when asked, later (with back-off) after a failure.
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';

/** What a run reports: `stopped` means retrying cannot help (signed out), so no retry is scheduled. */
export type RunOutcome = 'success' | 'failure' | 'stopped';

type TimerHandle = ReturnType<typeof setTimeout>;

export interface SchedulerOptions {
  run: () => Promise<RunOutcome>;
  random?: () => number;
  setTimeout?: (callback: () => void, ms: number) => TimerHandle;
  clearTimeout?: (handle: TimerHandle) => void;
  /** How long `requestSoon` gathers requests before running, so a burst of writes makes one sync. */
  soonMs?: number;
  backoff?: BackoffOptions;
}

export interface SyncScheduler {
  /** Runs within `soonMs`, unless a retry after a failure is already waiting (which it then leaves alone). */
  requestSoon(): void;
  /** Runs at once (or straight after the run in progress), whatever the back-off: the person asked. */
  requestNow(): void;
  /** How many runs in a row have failed; 0 after a success. */
  readonly failures: number;
  dispose(): void;
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const random = options.random ?? Math.random;
  const schedule = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  const cancel = options.clearTimeout ?? ((handle) => clearTimeout(handle));
  const soonMs = options.soonMs ?? 1_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  let timer: TimerHandle | undefined;
  let running = false;
  let again = false;
  let failures = 0;
  let disposed = false;

  function clearTimer(): void {
    if (timer !== undefined) cancel(timer);
    timer = undefined;
  }

  function setTimer(ms: number): void {
    clearTimer();
    timer = schedule(() => {
      timer = undefined;
      start();
    }, ms);
  }

  function start(): void {
    if (disposed) return;
    if (running) {
      again = true;
      return;
    }
    clearTimer();
    running = true;
    again = false;
    void options
      .run()
      .catch((): RunOutcome => 'failure')
      .then((outcome) => finish(outcome));
  }

  function finish(outcome: RunOutcome): void {
    running = false;
    if (disposed) return;
    if (outcome === 'failure') {
      failures++;
      again = false;
      setTimer(backoffDelay(failures, random, backoff));
      return;
    }
    failures = 0;
    if (outcome === 'stopped') again = false;
    if (again) start();
  }

  return {
    requestSoon() {
      if (disposed) return;
      if (running) again = true;
      else if (timer === undefined) setTimer(soonMs);
    },
    requestNow() {
      start();
    },
    get failures() {
      return failures;
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
