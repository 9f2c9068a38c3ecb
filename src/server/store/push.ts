// Web Push: the server's VAPID keys and the alerts still to send (migration 0006); devices' subscriptions are in
// store/pushSubscriptions.ts. The VAPID private key is kept wrapped with the server's secret, as the sealing keys
// are (store/sealKeyVault.ts).
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { checkOpens, isWrappedSealKey, sealKeyVaultOf, type SealKeyVault, type VapidKeyPlace } from './sealKeyVault.ts';
import { isoNow } from './util.ts';

const VAPID_ROW = 'vapid';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const vapidPlace = (publicKey: string): VapidKeyPlace => ({ vapidRow: VAPID_ROW, publicKey });

/** The row as stored: the private key wrapped, or plain when kept before wrapping (until the next start). */
const readVapidRow = (db: Kysely<Schema>) =>
  db
    .selectFrom('push_keys')
    .select(['public_key as publicKey', 'private_key as privateKey'])
    .where('id', '=', VAPID_ROW)
    .executeTakeFirst();

/**
 * The server's VAPID keys, made by `generate` the first time, the private key unwrapped. Several processes
 * starting at once may each make a pair, but only the first insert lands and every process then reads that one.
 */
export async function ensureVapidKeys(db: Kysely<Schema>, generate: () => VapidKeys): Promise<VapidKeys> {
  const vault = sealKeyVaultOf(db);
  const opened = async (row: VapidKeys): Promise<VapidKeys> => ({
    publicKey: row.publicKey,
    privateKey: await vault.unwrap(vapidPlace(row.publicKey), row.privateKey),
  });
  const found = await readVapidRow(db);
  if (found) return opened(found);
  const made = generate();
  await db
    .insertInto('push_keys')
    .values({
      id: VAPID_ROW,
      public_key: made.publicKey,
      private_key: await vault.wrap(vapidPlace(made.publicKey), made.privateKey),
      created_at: isoNow(),
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const kept = await readVapidRow(db);
  if (!kept) throw new Error('The VAPID keys could not be stored.');
  return opened(kept);
}

/** At start, before anything is wrapped: a StartupError when the secret does not open the wrapped VAPID key. */
export async function checkVapidKey(db: Kysely<Schema>, vault: SealKeyVault): Promise<void> {
  const row = await readVapidRow(db);
  if (row && isWrappedSealKey(row.privateKey))
    await checkOpens(vault, vapidPlace(row.publicKey), row.privateKey, 'no alert can be signed');
}

/**
 * At start, once the secret is checked: wraps the VAPID private key when it is still kept plain; true when this
 * process wrapped it. Another process starting at once may have wrapped it already: only the plain value is
 * replaced, so it is wrapped once.
 */
export async function wrapPlainVapidKey(db: Kysely<Schema>, vault: SealKeyVault): Promise<boolean> {
  const row = await readVapidRow(db);
  if (!row || isWrappedSealKey(row.privateKey)) return false;
  const result = await db
    .updateTable('push_keys')
    .set({ private_key: await vault.wrap(vapidPlace(row.publicKey), row.privateKey) })
    .where('id', '=', VAPID_ROW)
    .where('private_key', '=', row.privateKey)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface AlertKey {
  organisationId: string;
  kind: string;
  recordId: string;
}

export interface AlertRow extends AlertKey {
  raisedAt: string;
  alertsSent: number;
  nextAlertAt: string | null;
}

/** Starts alerting about something, due at once; nothing when the server already knows of it. */
export async function raiseAlert(db: Kysely<Schema>, key: AlertKey, now: number = Date.now()): Promise<void> {
  await db
    .insertInto('push_alerts')
    .values({
      organisation_id: key.organisationId,
      kind: key.kind,
      record_id: key.recordId,
      raised_at: isoNow(now),
      alerts_sent: 0,
      next_alert_at: isoNow(now),
    })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'kind', 'record_id']).doNothing())
    .execute();
}

/**
 * Forgets an alert: what it was about is settled for good (an urgent concern lowered), so that raising it again
 * makes a new alert rather than finding this one spent.
 */
export async function forgetAlert(db: Kysely<Schema>, key: AlertKey): Promise<void> {
  await db
    .deleteFrom('push_alerts')
    .where('organisation_id', '=', key.organisationId)
    .where('kind', '=', key.kind)
    .where('record_id', '=', key.recordId)
    .execute();
}

/**
 * Looks at an alert again now, when what it is about has changed (a visit's arrival or length), unless its
 * first alert has gone out already. Also when the alert was settled: a visit booked ahead is settled by the
 * first tick that sees it with no arrival, and must be looked at again when the arrival comes.
 */
export async function recheckAlert(db: Kysely<Schema>, key: AlertKey, now: number = Date.now()): Promise<void> {
  await db
    .updateTable('push_alerts')
    .set({ next_alert_at: isoNow(now) })
    .where('organisation_id', '=', key.organisationId)
    .where('kind', '=', key.kind)
    .where('record_id', '=', key.recordId)
    .where('alerts_sent', '=', 0)
    .execute();
}

const alertColumns = [
  'organisation_id as organisationId',
  'kind',
  'record_id as recordId',
  'raised_at as raisedAt',
  'alerts_sent as alertsSent',
  'next_alert_at as nextAlertAt',
] as const;

export async function findAlert(db: Kysely<Schema>, key: AlertKey): Promise<AlertRow | undefined> {
  const row = await db
    .selectFrom('push_alerts')
    .select(alertColumns)
    .where('organisation_id', '=', key.organisationId)
    .where('kind', '=', key.kind)
    .where('record_id', '=', key.recordId)
    .executeTakeFirst();
  return row && { ...row, alertsSent: Number(row.alertsSent) };
}

/** Alerts due by `now`, oldest first; one organisation's or every one's. */
export async function findDueAlerts(
  db: Kysely<Schema>,
  now: number,
  organisationId?: string,
  limit = 100,
): Promise<AlertRow[]> {
  let query = db
    .selectFrom('push_alerts')
    .select(alertColumns)
    .where('next_alert_at', 'is not', null)
    .where('next_alert_at', '<=', isoNow(now));
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
  const rows = await query.orderBy('next_alert_at').limit(limit).execute();
  return rows.map((row) => ({ ...row, alertsSent: Number(row.alertsSent) }));
}

/**
 * Moves an alert on from the state it was read in: true for the one caller (of however many processes) whose
 * update found the row still as read, which then sends it; false for the rest. A conditional UPDATE, so it
 * needs no lock and behaves the same on SQLite and PostgreSQL.
 */
export async function claimAlert(
  db: Kysely<Schema>,
  read: AlertRow,
  next: { alertsSent: number; nextAlertAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('push_alerts')
    .set({ alerts_sent: next.alertsSent, next_alert_at: next.nextAlertAt })
    .where('organisation_id', '=', read.organisationId)
    .where('kind', '=', read.kind)
    .where('record_id', '=', read.recordId)
    .where('alerts_sent', '=', read.alertsSent)
    .where('next_alert_at', read.nextAlertAt === null ? 'is' : '=', read.nextAlertAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
