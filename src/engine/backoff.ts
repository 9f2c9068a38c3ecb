// How long to wait before trying to sync again after a failure: exponential, capped, with full jitter.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * The wait before retry number `failures` (1 for the first retry). Full jitter (a uniform draw between 0 and
 * the exponential ceiling) keeps a room of tablets that lost signal together from all returning at once.
 */
export function backoffDelay(failures: number, random: () => number, options = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  // Past 2^30 the ceiling is the cap anyway; stopping there keeps the arithmetic finite.
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * ceiling);
}
