// Asks the server once whether it still needs setting up, for the sign-in and setup screens.
import { useEffect, useState } from 'react';
import type { SetupStatus } from '../../api/accounts.ts';
import { getSetupStatus } from './api.ts';

/** Long enough for a slow connection to answer; past it the screens show what they would offline. */
const PATIENCE_MS = 3000;

/**
 * `undefined` while asking; `null` when the server could not say (offline, or too slow), in which case the
 * screens neither send anyone to setup nor offer it.
 */
export function useSetupStatus(): SetupStatus | null | undefined {
  const [status, setStatus] = useState<SetupStatus | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => !cancelled && setStatus((now) => (now === undefined ? null : now)), PATIENCE_MS);
    getSetupStatus().then(
      (answer) => !cancelled && setStatus(answer),
      () => !cancelled && setStatus(null),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}
