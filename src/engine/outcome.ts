// What a sync run comes to, and the names the page and the worker use for it: small, so that the page can
// know them without loading the engine.
import type { RunOutcome } from './scheduler.ts';

/** The Background Sync tag the page registers and the worker answers. */
export const SYNC_TAG = 'coorie-sync';
/** The message the page posts to the worker to ask for a sync. */
export const SYNC_MESSAGE = 'SYNC';

export type SyncOutcome =
  | { status: 'synced'; pushed: number; refused: number; pulled: number }
  | { status: 'offline' | 'server-error' | 'signed-out' | 'revoked' | 'outdated' | 'failed'; message: string };

/** How a scheduler should treat an outcome: retry with back-off, or wait for the person to act. */
export function runOutcomeOf(outcome: SyncOutcome): RunOutcome {
  if (outcome.status === 'synced') return 'success';
  return outcome.status === 'signed-out' || outcome.status === 'revoked' || outcome.status === 'outdated'
    ? 'stopped'
    : 'failure';
}
