// The organisation's alert periods (GET /api/organisation/alert-periods), kept on the device so that it calls a
// visit overdue when the server alerts about it, with no signal too. Fetched again whenever a screen that shows
// overdue visits opens online, as the team's contacts are (team/contacts.ts); until the device has heard them,
// it counts the server's usual defaults. Read by hand, not with zod: Today loads with the shell.
import { useEffect } from 'react';
import type { AlertPeriods } from '../../api/push.ts';
import { MAX_ALERT_MINUTES, MIN_ALERT_MINUTES } from '../../api/limits.ts';
import type { CoorieDb } from '../../db/database.ts';
import { useDb, useMeta } from '../../db/hooks.ts';
import { setMeta } from '../../db/meta.ts';
import { DEFAULT_VISIT_GRACE_MINUTES } from '../../domain/visitTiming.ts';
import { request } from '../http/request.ts';
import { useOnline } from '../layout/useOnline.ts';

const PERIOD_KEYS = ['urgentRepeatMinutes', 'visitGraceMinutes', 'teamAlertMinutes'] as const;

/** The `periods` of the server's answer, if it is one this device understands. */
export function periodsOf(answer: unknown): AlertPeriods | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const periods = (answer as { periods?: unknown }).periods;
  if (typeof periods !== 'object' || periods === null) return undefined;
  const found: Partial<AlertPeriods> = {};
  for (const key of PERIOD_KEYS) {
    const value = (periods as Record<string, unknown>)[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
    if (value < MIN_ALERT_MINUTES || value > MAX_ALERT_MINUTES) return undefined;
    found[key] = value;
  }
  return found as AlertPeriods;
}

/** Asks the server for the organisation's periods and keeps them; with no answer, what the device has stays. */
export async function refreshAlertPeriods(db: CoorieDb): Promise<void> {
  const periods = periodsOf(await request('GET', '/api/organisation/alert-periods'));
  if (periods) await setMeta(db, 'alertPeriods', periods);
}

/**
 * Minutes past a visit's expected finish before this device calls it overdue: the organisation's visit grace
 * period as last heard (refreshed when the screen opens online), else the default. `undefined` while the device
 * database is read, so that a screen does not flash an alert it would then take back.
 */
export function useVisitGrace(ahead?: AlertPeriods | null): number | undefined {
  const db = useDb();
  const online = useOnline();
  const periods = useMeta('alertPeriods', ahead);
  useEffect(() => {
    if (online) refreshAlertPeriods(db).catch(() => undefined);
  }, [db, online]);
  if (periods === undefined) return undefined;
  return periods?.visitGraceMinutes ?? DEFAULT_VISIT_GRACE_MINUTES;
}
