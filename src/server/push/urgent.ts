// Urgent concerns reach the coordinators: raised when a note marked urgent arrives in a push, sent at once,
// and again by the scheduler tick (main.ts) while nobody has picked the concern up (decide.ts).
import type { Kysely } from 'kysely';
import type { ChangeResult } from '../../sync/protocol.ts';
import { claimAlert, findCoordinatorSubscriptions, findDueAlerts, raiseAlert, type AlertRow } from '../store/push.ts';
import { loadRecords, recordKey } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';
import { decideUrgentAlert, type ConcernNow } from './decide.ts';
import { URGENT_CONCERN_ALERT } from './messages.ts';
import type { PushSender } from './send.ts';

export const URGENT_CONCERN = 'urgent_concern';

export interface Alerting {
  db: Kysely<Schema>;
  sender: PushSender;
  repeatMs: number;
}

/**
 * After a push has committed: every note it made urgent is raised (once, however often it is pushed again)
 * and its first alert sent. The tick sends whatever this misses (a crash, a push service down).
 */
export async function alertUrgentNotes(
  alerting: Alerting,
  organisationId: string,
  changes: unknown[],
  results: ChangeResult[],
  now: number = Date.now(),
): Promise<void> {
  const urgent = changes.flatMap((change, index) =>
    results[index]?.status === 'applied' && isUrgentNote(change) ? [change.id] : [],
  );
  if (urgent.length === 0) return;
  for (const recordId of urgent) await raiseAlert(alerting.db, { organisationId, kind: URGENT_CONCERN, recordId }, now);
  await sendDueAlerts(alerting, now, organisationId);
}

function isUrgentNote(change: unknown): change is { id: string } {
  if (typeof change !== 'object' || change === null) return false;
  const { kind, id, values } = change as { kind?: unknown; id?: unknown; values?: { concern?: unknown } };
  return kind === 'note' && typeof id === 'string' && values?.concern === 'urgent';
}

/** Sends every alert due by `now` (one organisation's, or all), each by exactly one server process. */
export async function sendDueAlerts(alerting: Alerting, now: number, organisationId?: string): Promise<number> {
  const due = await findDueAlerts(alerting.db, now, organisationId);
  let sent = 0;
  for (const alert of due) {
    if (await sendIfClaimed(alerting, alert, now)) sent += 1;
  }
  return sent;
}

async function sendIfClaimed(alerting: Alerting, alert: AlertRow, now: number): Promise<boolean> {
  const concern = await concernOf(alerting.db, alert);
  const decision = decideUrgentAlert(alert, concern, now, alerting.repeatMs);
  if (!decision) return false;
  // Another process may have read the same row: only the one whose claim lands sends.
  if (!(await claimAlert(alerting.db, alert, decision.next))) return false;
  if (!decision.send) return false;
  const subscriptions = await findCoordinatorSubscriptions(alerting.db, alert.organisationId);
  await alerting.sender.send(subscriptions, URGENT_CONCERN_ALERT);
  return true;
}

async function concernOf(db: Kysely<Schema>, alert: AlertRow): Promise<ConcernNow> {
  const records = await loadRecords(db, alert.organisationId, [{ kind: 'note', id: alert.recordId }]);
  const note = records.get(recordKey('note', alert.recordId));
  if (!note || note.erasedAt || note.values.deleted === true) return { concern: undefined, pickedUp: false };
  const pickedUpBy = note.values.concernPickedUpBy;
  return {
    concern: typeof note.values.concern === 'string' ? note.values.concern : undefined,
    pickedUp: typeof pickedUpBy === 'string' && pickedUpBy.trim() !== '',
  };
}
