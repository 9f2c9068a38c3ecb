// When alerts are sent: pure, so their times can be worked by hand in tests.
//
// A coordinator's devices are alerted as soon as the server learns of the concern, and once more
// `repeatMs` later if nobody has picked it up by then; then no more (Today keeps it at the top).

export interface AlertState {
  alertsSent: number;
  /** ISO time the next alert is due; null when nothing more is to be sent. */
  nextAlertAt: string | null;
}

export interface ConcernNow {
  /** The note's concern level, or undefined when the note is gone (deleted, erased, never arrived). */
  concern: string | undefined;
  pickedUp: boolean;
}

export interface Decision {
  send: boolean;
  next: AlertState;
}

/** How many alerts an urgent concern gets at most: one at once, one reminder. */
export const URGENT_ALERTS = 2;

/** What to do about an alert at `now`; undefined when it is not due. */
export function decideUrgentAlert(
  alert: AlertState,
  concern: ConcernNow,
  now: number,
  repeatMs: number,
): Decision | undefined {
  if (alert.nextAlertAt === null || Date.parse(alert.nextAlertAt) > now) return undefined;
  const settled = concern.concern !== 'urgent' || concern.pickedUp || alert.alertsSent >= URGENT_ALERTS;
  if (settled) return { send: false, next: { alertsSent: alert.alertsSent, nextAlertAt: null } };
  const alertsSent = alert.alertsSent + 1;
  const nextAlertAt = alertsSent < URGENT_ALERTS ? new Date(now + repeatMs).toISOString() : null;
  return { send: true, next: { alertsSent, nextAlertAt } };
}

/** A visit as the server knows it now; undefined when it is gone (deleted, erased). */
export interface VisitNow {
  arrivedAt?: string | null;
  leftAt?: string;
  expectedMinutes?: number;
  status?: string;
}

export interface VisitPeriods {
  /** After the expected end, before the visitor's own devices are alerted. */
  graceMs: number;
  /** After that, before the coordinators are alerted too. */
  escalateMs: number;
}

export type VisitDecision = Decision & { to?: 'visitor' | 'team' };

const DEFAULT_VISIT_MINUTES = 60;

/**
 * A lone-worker visit whose arrival the server knows: when its expected end plus the grace
 * period passes with no "left safely", the visitor's own devices are alerted; `escalateMs` later, if still
 * not closed, the coordinators'. A visit whose arrival has not reached the server is not alerted about.
 */
export function decideVisitAlert(
  alert: AlertState,
  visit: VisitNow | undefined,
  now: number,
  periods: VisitPeriods,
): VisitDecision | undefined {
  if (alert.nextAlertAt === null || Date.parse(alert.nextAlertAt) > now) return undefined;
  const closed = !visit || !visit.arrivedAt || visit.leftAt || visit.status === 'done' || visit.status === 'cancelled';
  if (closed || alert.alertsSent >= 2) {
    return { send: false, next: { alertsSent: alert.alertsSent, nextAlertAt: null } };
  }
  if (alert.alertsSent === 1) return { send: true, to: 'team', next: { alertsSent: 2, nextAlertAt: null } };
  const end = Date.parse(visit.arrivedAt ?? '') + (visit.expectedMinutes ?? DEFAULT_VISIT_MINUTES) * 60_000;
  const firstAlert = end + periods.graceMs;
  // Not yet: the arrival or the expected length changed since the alert was last looked at.
  if (now < firstAlert)
    return { send: false, next: { alertsSent: 0, nextAlertAt: new Date(firstAlert).toISOString() } };
  return {
    send: true,
    to: 'visitor',
    next: { alertsSent: 1, nextAlertAt: new Date(now + periods.escalateMs).toISOString() },
  };
}
