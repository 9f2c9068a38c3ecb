// When an urgent concern is alerted about: pure, so its times can be worked by hand in tests.
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
