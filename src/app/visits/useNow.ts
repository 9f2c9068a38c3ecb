// The time now, moving on by itself, so that a visit turns overdue on screen without anyone touching it.
import { useEffect, useMemo, useState } from 'react';
import { useMeta } from '../../db/hooks.ts';

/**
 * The device clock corrected by what the server last told it, as records are stamped (a visit's `arrivedAt` is),
 * so that a tablet whose clock is wrong still raises the overdue alert on time rather than hours late.
 */
export function useNow(everyMs = 30_000): Date {
  const offset = useMeta('serverOffset') ?? 0;
  const [wallClock, setWallClock] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setWallClock(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return useMemo(() => new Date(wallClock + offset), [wallClock, offset]);
}
