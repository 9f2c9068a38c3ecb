// What the server alerts about, and to whom. Raised after a push commits (routes/sync.ts), sent by
// whichever server process claims each alert first, at once or from the minute tick (main.ts); when, is
// decided by the pure rules in decide.ts, with the periods of the alert's own organisation (set by its coordinators
// in Settings; the server's environment gives the defaults).
// - An urgent concern: every coordinator's devices, at once and once more if nobody has picked it up.
// - A lone-worker visit not closed: the visitor's own devices after its expected end and a grace period, then
//   the coordinators' and the visit's buddy's.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AlertPeriods } from '../../api/push.ts';
import type { ChangeResult } from '../../sync/protocol.ts';
import { claimAlert, findDueAlerts, forgetAlert, raiseAlert, recheckAlert, type AlertRow } from '../store/push.ts';
import { findCoordinatorSubscriptions, findUserSubscriptions } from '../store/pushSubscriptions.ts';
import { readAlertPeriods } from '../store/organisations.ts';
import { loadRecords, recordKey, type StoredRecord } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';
import { decideUrgentAlert, decideVisitAlert, type Decision, type VisitPeriods } from './decide.ts';
import { URGENT_CONCERN_ALERT, VISIT_NOT_CLOSED_ALERT } from './messages.ts';
import type { PushSender } from './send.ts';

export const URGENT_CONCERN = 'urgent_concern';
export const VISIT_NOT_CLOSED = 'visit_not_closed';

export interface Alerting {
  db: Kysely<Schema>;
  sender: PushSender;
  /** Where a device that cannot be alerted is told of. */
  log: FastifyBaseLogger;
  /** The periods of an organisation that has not chosen its own (from the server's environment). */
  defaults: AlertPeriods;
}

/** An organisation's alert periods: its own where its coordinators chose them, else the server's defaults. */
export async function alertPeriodsOf(alerting: Alerting, organisationId: string): Promise<AlertPeriods> {
  const own = await readAlertPeriods(alerting.db, organisationId);
  const { defaults } = alerting;
  return {
    urgentRepeatMinutes: own?.urgentRepeatMinutes ?? defaults.urgentRepeatMinutes,
    visitGraceMinutes: own?.visitGraceMinutes ?? defaults.visitGraceMinutes,
    teamAlertMinutes: own?.teamAlertMinutes ?? defaults.teamAlertMinutes,
  };
}

/**
 * After a push has committed: notes it made urgent and visits it gave an arrival are raised (once however
 * often they are pushed again). A note is judged by its concern as the server now holds it, after the merge:
 * urgent raises its alert (nothing new if already raised, so an edit of a still-urgent note alerts nobody);
 * anything else forgets the alert, so that raising the note to urgent again alerts coordinators again.
 * Whatever is due is then sent without holding up the push's answer (a slow push service must not stall a
 * tablet's sync): failures go to `onSendError`, and the tick sends what this misses (a crash, a push service
 * down).
 */
export async function alertAfterPush(
  alerting: Alerting,
  organisationId: string,
  changes: unknown[],
  results: ChangeResult[],
  onSendError: (error: unknown) => void,
  now: number = Date.now(),
): Promise<void> {
  let urgent = false;
  const concerns = await concernsNow(alerting.db, organisationId, changes, results);
  for (const [index, change] of changes.entries()) {
    if (results[index]?.status !== 'applied' || !isChange(change)) continue;
    if (change.kind === 'note' && concerns.has(change.id)) {
      const key = { organisationId, kind: URGENT_CONCERN, recordId: change.id };
      if (concerns.get(change.id) === 'urgent') {
        await raiseAlert(alerting.db, key, now);
        urgent = true;
      } else {
        await forgetAlert(alerting.db, key);
      }
    } else if (
      change.kind === 'visit' &&
      (typeof change.values.arrivedAt === 'string' || 'expectedMinutes' in change.values)
    ) {
      const key = { organisationId, kind: VISIT_NOT_CLOSED, recordId: change.id };
      await raiseAlert(alerting.db, key, now);
      await recheckAlert(alerting.db, key, now);
    }
  }
  // An urgent concern is sent at once; a visit's alerts fall due later and the minute tick sends them.
  if (urgent) void sendDueAlerts(alerting, now, organisationId).catch(onSendError);
}

/**
 * The concern, as stored now, of each note whose concern an applied change of the push carried: undefined for a
 * note deleted or erased. A concern that lost the merge to a newer one is judged by the newer.
 */
async function concernsNow(
  db: Kysely<Schema>,
  organisationId: string,
  changes: unknown[],
  results: ChangeResult[],
): Promise<Map<string, string | undefined>> {
  const ids = new Set<string>();
  for (const [index, change] of changes.entries()) {
    if (results[index]?.status !== 'applied' || !isChange(change)) continue;
    if (change.kind === 'note' && 'concern' in change.values) ids.add(change.id);
  }
  const concerns = new Map<string, string | undefined>();
  if (ids.size === 0) return concerns;
  const records = await loadRecords(
    db,
    organisationId,
    [...ids].map((id) => ({ kind: 'note', id })),
  );
  for (const id of ids) {
    const note = records.get(recordKey('note', id));
    const live = note && !note.erasedAt && note.values.deleted !== true;
    concerns.set(id, live && typeof note.values.concern === 'string' ? note.values.concern : undefined);
  }
  return concerns;
}

function isChange(change: unknown): change is { kind: string; id: string; values: Record<string, unknown> } {
  if (typeof change !== 'object' || change === null) return false;
  const { kind, id, values } = change as { kind?: unknown; id?: unknown; values?: unknown };
  return typeof kind === 'string' && typeof id === 'string' && typeof values === 'object' && values !== null;
}

/** Sends every alert due by `now` (one organisation's, or all), each by exactly one server process. */
export async function sendDueAlerts(alerting: Alerting, now: number, organisationId?: string): Promise<number> {
  const due = await findDueAlerts(alerting.db, now, organisationId);
  const periods = new Map<string, AlertPeriods>();
  let sent = 0;
  for (const alert of due) {
    let own = periods.get(alert.organisationId);
    if (!own) {
      own = await alertPeriodsOf(alerting, alert.organisationId);
      periods.set(alert.organisationId, own);
    }
    if (await sendIfClaimed(alerting, alert, now, own)) sent += 1;
  }
  return sent;
}

async function sendIfClaimed(
  alerting: Alerting,
  alert: AlertRow,
  now: number,
  periods: AlertPeriods,
): Promise<boolean> {
  const recordKind = alert.kind === URGENT_CONCERN ? 'note' : 'visit';
  const record = await recordOf(alerting.db, alert, recordKind);
  const visitPeriods: VisitPeriods = {
    graceMs: periods.visitGraceMinutes * 60_000,
    escalateMs: periods.teamAlertMinutes * 60_000,
  };
  const decision: (Decision & { to?: 'visitor' | 'team' }) | undefined =
    alert.kind === URGENT_CONCERN
      ? decideUrgentAlert(alert, concernOf(record), now, periods.urgentRepeatMinutes * 60_000)
      : decideVisitAlert(alert, record?.values, now, visitPeriods);
  if (!decision) return false;
  // Another process may have read the same row: only the one whose claim lands sends.
  if (!(await claimAlert(alerting.db, alert, decision.next))) return false;
  if (!decision.send) return false;
  if (decision.to === 'visitor' && record) {
    const visitor = typeof record.values.supporterId === 'string' ? record.values.supporterId : record.authorId;
    const devices = await findUserSubscriptions(alerting.db, alert.organisationId, visitor, { log: alerting.log });
    await alerting.sender.send(devices, VISIT_NOT_CLOSED_ALERT);
  } else {
    const devices = await findCoordinatorSubscriptions(alerting.db, alert.organisationId, { log: alerting.log });
    // A visit's buddy (a coordinator by default, but any colleague may be chosen) is alerted with the team.
    const buddy = alert.kind === VISIT_NOT_CLOSED ? record?.values.buddyId : undefined;
    if (typeof buddy === 'string' && buddy) {
      const known = new Set(devices.map((device) => device.deviceId));
      const buddyDevices = await findUserSubscriptions(alerting.db, alert.organisationId, buddy, {
        log: alerting.log,
      });
      devices.push(...buddyDevices.filter((device) => !known.has(device.deviceId)));
    }
    await alerting.sender.send(devices, alert.kind === URGENT_CONCERN ? URGENT_CONCERN_ALERT : VISIT_NOT_CLOSED_ALERT);
  }
  return true;
}

/** The record an alert is about, unless it has been deleted or erased. */
async function recordOf(db: Kysely<Schema>, alert: AlertRow, kind: string): Promise<StoredRecord | undefined> {
  const records = await loadRecords(db, alert.organisationId, [{ kind, id: alert.recordId }]);
  const record = records.get(recordKey(kind, alert.recordId));
  return !record || record.erasedAt || record.values.deleted === true ? undefined : record;
}

/**
 * A concern and whether it is picked up. A pick-up counts for the raise it came after: one from before the
 * concern was last set (lowered and raised to urgent again since) does not stop the new raise's alerts.
 */
function concernOf(note: StoredRecord | undefined) {
  if (!note) return { concern: undefined, pickedUp: false };
  const pickedUpBy = note.values.concernPickedUpBy;
  const pickedUpAt = note.versions.concernPickedUpBy;
  const raisedAt = note.versions.concern;
  const since = pickedUpAt !== undefined && (raisedAt === undefined || pickedUpAt >= raisedAt);
  return {
    concern: typeof note.values.concern === 'string' ? note.values.concern : undefined,
    pickedUp: typeof pickedUpBy === 'string' && pickedUpBy.trim() !== '' && since,
  };
}
