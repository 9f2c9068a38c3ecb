// When a visit should end, and how late its "left safely" is: the numbers the lone-worker alert shows.
import { addMinutes, differenceInMinutes } from 'date-fns';
import type { Visit } from './visit.ts';

export const DEFAULT_VISIT_MINUTES = 60;
/** The limits of `expectedMinutes` in the visit schema. */
export const MIN_VISIT_MINUTES = 5;
export const MAX_VISIT_MINUTES = 600;
/**
 * Minutes past a visit's expected finish before it is overdue, until the device has heard its organisation's
 * visit grace period (Settings → Alert periods; src/app/alerts/alertPeriods.ts keeps it in meta).
 */
export const DEFAULT_VISIT_GRACE_MINUTES = 15;

/** Arrival (or, before it, the booked time) plus the expected length. */
export function expectedFinish(visit: Visit): Date | undefined {
  const start = visit.arrivedAt ?? visit.at;
  if (!start) return undefined;
  return addMinutes(new Date(start), visit.expectedMinutes ?? DEFAULT_VISIT_MINUTES);
}

/** Whole minutes since the expected finish of a visit under way; 0 before it, or once they have left. */
export function minutesPastFinish(visit: Visit, now: Date): number {
  if (!visit.arrivedAt || visit.leftAt) return 0;
  const finish = expectedFinish(visit);
  return finish ? Math.max(0, differenceInMinutes(now, finish)) : 0;
}

export type VisitState = 'scheduled' | 'in progress' | 'due to finish' | 'overdue' | 'done' | 'cancelled';

/**
 * Where a visit stands for the supporter and the coordinator. "Due to finish" is the gentle nudge between
 * the expected finish and the grace period; "overdue" is when someone should ring the supporter.
 */
export function visitState(visit: Visit, now: Date, graceMinutes = DEFAULT_VISIT_GRACE_MINUTES): VisitState {
  if (visit.status === 'cancelled') return 'cancelled';
  if (visit.leftAt || visit.status === 'done') return 'done';
  if (!visit.arrivedAt) return 'scheduled';
  if (isVisitOverdue(visit, now, graceMinutes)) return 'overdue';
  return minutesPastFinish(visit, now) > 0 ? 'due to finish' : 'in progress';
}

/** "20 minutes", "1 hour 5 minutes": how long past the expected finish, in words. */
export function minutesInWords(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const part = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (hours === 0) return part(minutes, 'minute');
  return minutes === 0 ? part(hours, 'hour') : `${part(hours, 'hour')} ${part(minutes, 'minute')}`;
}

/**
 * A visit is overdue when the supporter arrived, has not said they left, and more than the grace period (the
 * organisation's, as the server times its alerts) has passed since the expected finish.
 */
export function isVisitOverdue(visit: Visit, now: Date, graceMinutes = DEFAULT_VISIT_GRACE_MINUTES): boolean {
  if (!visit.arrivedAt || visit.leftAt || visit.deleted) return false;
  const expected = visit.expectedMinutes ?? DEFAULT_VISIT_MINUTES;
  return differenceInMinutes(now, new Date(visit.arrivedAt)) > expected + graceMinutes;
}

/**
 * A visit booked to have started, with no arrival known here (for a coordinator, what reached the server):
 * shown as "not started or not synced", never alerted, since the visitor may simply have no signal yet.
 */
export function isNotStarted(visit: Visit, now: Date): boolean {
  return visitState(visit, now) === 'scheduled' && !!visit.at && Date.parse(visit.at) <= now.getTime();
}
