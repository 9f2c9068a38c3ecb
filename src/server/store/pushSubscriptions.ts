// Devices' Web Push subscriptions (table push_subscriptions, migration 0006): one per device sign-in. Its endpoint
// and keys are kept wrapped with the server's secret (store/sealKeyVault.ts), bound to the device's sign-in and
// the column, so that a copy of the database cannot send alerts to coordinators' devices, nor tell which push
// service each one uses. Callers see plain values. Rows kept plain before wrapping are read as they are until
// the next start wraps them (prepareKeysAtRest, store/keysAtRest.ts).
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import {
  checkOpens,
  isWrappedSealKey,
  SealKeySecretError,
  sealKeyVaultOf,
  type SealKeyVault,
  type SubscriptionPlace,
} from './sealKeyVault.ts';
import { SIGN_IN_IDLE_MS, SIGN_IN_MAX_MS } from './signIns.ts';
import { isoNow } from './util.ts';

export interface PushSubscription {
  deviceId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

const COLUMNS = ['endpoint', 'p256dh', 'auth'] as const satisfies readonly SubscriptionPlace['column'][];

/** The three values as the row keeps them, each wrapped for its device and column. */
async function wrapped(vault: SealKeyVault, plain: PushSubscription) {
  const wrap = (column: SubscriptionPlace['column']) =>
    vault.wrapText({ deviceId: plain.deviceId, column }, plain[column]);
  return { endpoint: await wrap('endpoint'), p256dh: await wrap('p256dh'), auth: await wrap('auth') };
}

/**
 * A row with its values unwrapped (or as they are, when still plain); undefined when one does not open. Such a
 * row (written by a process given another secret, which no start could catch) can never be delivered to, and is
 * left out so that it does not stop the alerts of every other device; the device shows alerts as off, and turning
 * them on again replaces it.
 */
async function opened<Row extends PushSubscription>(vault: SealKeyVault, row: Row): Promise<Row | undefined> {
  const unwrap = (column: SubscriptionPlace['column']) =>
    vault.unwrapText({ deviceId: row.deviceId, column }, row[column]);
  try {
    return { ...row, endpoint: await unwrap('endpoint'), p256dh: await unwrap('p256dh'), auth: await unwrap('auth') };
  } catch (error) {
    if (error instanceof SealKeySecretError) return undefined;
    throw error;
  }
}

export interface FindOptions {
  /** Told of each subscription left out because it does not open (the server's log). */
  log?: Pick<FastifyBaseLogger, 'warn'>;
  /** The time that decides which sign-ins are still live; now by default. */
  now?: number;
}

async function openedAll(
  db: Kysely<Schema>,
  rows: PushSubscription[],
  log: FindOptions['log'],
): Promise<PushSubscription[]> {
  const vault = sealKeyVaultOf(db);
  const all = await Promise.all(rows.map((row) => opened(vault, row)));
  rows.forEach((row, index) => {
    if (all[index] !== undefined) return;
    log?.warn(
      { device: row.deviceId },
      "a device's push subscription does not open with SEAL_KEY_SECRET and is left out: no alert reaches that " +
        'device until alerts are turned on there again',
    );
  });
  return all.filter((row) => row !== undefined);
}

/** Keeps a device's subscription, replacing the one it had (a browser may renew its endpoint). */
export async function saveSubscription(
  db: Kysely<Schema>,
  owner: { deviceId: string; userId: string; organisationId: string },
  keys: { endpoint: string; p256dh: string; auth: string },
  now: number = Date.now(),
): Promise<void> {
  const values = {
    ...(await wrapped(sealKeyVaultOf(db), { deviceId: owner.deviceId, ...keys })),
    created_at: isoNow(now),
  };
  await db
    .insertInto('push_subscriptions')
    .values({
      device_session_id: owner.deviceId,
      user_id: owner.userId,
      organisation_id: owner.organisationId,
      ...values,
    })
    .onConflict((conflict) => conflict.column('device_session_id').doUpdateSet({ ...values, last_delivered_at: null }))
    .execute();
}

export async function deleteSubscription(db: Kysely<Schema>, deviceId: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('device_session_id', '=', deviceId).execute();
}

/**
 * The push service said the subscription is gone (404/410): only that one, not a newer one of the device. Each
 * wrapping has its own IV, so the endpoint is compared unwrapped; the delete then matches the value as read, so
 * a subscription the device renewed meanwhile (wrapped anew) is kept.
 */
export async function deleteSubscriptionAt(db: Kysely<Schema>, deviceId: string, endpoint: string): Promise<void> {
  const row = await db
    .selectFrom('push_subscriptions')
    .select(['device_session_id as deviceId', 'endpoint', 'p256dh', 'auth'])
    .where('device_session_id', '=', deviceId)
    .executeTakeFirst();
  if (!row || (await opened(sealKeyVaultOf(db), row))?.endpoint !== endpoint) return;
  await db
    .deleteFrom('push_subscriptions')
    .where('device_session_id', '=', deviceId)
    .where('endpoint', '=', row.endpoint)
    .execute();
}

export async function findSubscription(db: Kysely<Schema>, deviceId: string) {
  const row = await db
    .selectFrom('push_subscriptions')
    .select(['device_session_id as deviceId', 'endpoint', 'p256dh', 'auth', 'last_delivered_at as lastDeliveredAt'])
    .where('device_session_id', '=', deviceId)
    .executeTakeFirst();
  return row && opened(sealKeyVaultOf(db), row);
}

/** An organisation's subscriptions on live sign-ins: not revoked, used lately, and not older than a sign-in lasts. */
function onLiveSignIns(db: Kysely<Schema>, organisationId: string, now: number) {
  return db
    .selectFrom('push_subscriptions as p')
    .innerJoin('device_sessions as s', 's.id', 'p.device_session_id')
    .where('p.organisation_id', '=', organisationId)
    .where('s.revoked_at', 'is', null)
    .where('s.last_seen_at', '>', isoNow(now - SIGN_IN_IDLE_MS))
    .where('s.created_at', '>', isoNow(now - SIGN_IN_MAX_MS));
}

/**
 * The subscribed devices of an organisation's coordinators, on live sign-ins of enabled accounts: a device
 * whose sign-in has ended (a tablet set aside for weeks) is not alerted until someone signs in on it again.
 */
export async function findCoordinatorSubscriptions(
  db: Kysely<Schema>,
  organisationId: string,
  { log, now = Date.now() }: FindOptions = {},
): Promise<PushSubscription[]> {
  const rows = await onLiveSignIns(db, organisationId, now)
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.device_session_id as deviceId', 'p.endpoint', 'p.p256dh', 'p.auth'])
    .where('u.role', '=', 'coordinator')
    .where('u.disabled', '=', 0)
    .orderBy('p.device_session_id')
    .execute();
  return openedAll(db, rows, log);
}

/** One user's subscribed devices, on live sign-ins. */
export async function findUserSubscriptions(
  db: Kysely<Schema>,
  organisationId: string,
  userId: string,
  { log, now = Date.now() }: FindOptions = {},
): Promise<PushSubscription[]> {
  const rows = await onLiveSignIns(db, organisationId, now)
    .select(['p.device_session_id as deviceId', 'p.endpoint', 'p.p256dh', 'p.auth'])
    .where('p.user_id', '=', userId)
    .orderBy('p.device_session_id')
    .execute();
  return openedAll(db, rows, log);
}

export async function markDelivered(db: Kysely<Schema>, deviceId: string, now: number = Date.now()): Promise<void> {
  await db
    .updateTable('push_subscriptions')
    .set({ last_delivered_at: isoNow(now) })
    .where('device_session_id', '=', deviceId)
    .execute();
}

const readStoredSubscriptions = (db: Kysely<Schema>) =>
  db.selectFrom('push_subscriptions').select(['device_session_id as deviceId', 'endpoint', 'p256dh', 'auth']).execute();

/** At start, before anything is wrapped: a StartupError when the secret does not open every wrapped value. */
export async function checkSubscriptions(db: Kysely<Schema>, vault: SealKeyVault): Promise<void> {
  for (const row of await readStoredSubscriptions(db)) {
    for (const column of COLUMNS) {
      if (isWrappedSealKey(row[column]))
        await checkOpens(vault, { deviceId: row.deviceId, column }, row[column], 'no alert can reach those devices');
    }
  }
}

/**
 * At start, once the secret is checked: wraps every subscription still kept plain. Returns how many this process
 * wrapped. Another process starting at once may have wrapped one already, or its device renewed it: only the
 * values as read are replaced, so each is wrapped once.
 */
export async function wrapPlainSubscriptions(db: Kysely<Schema>, vault: SealKeyVault): Promise<number> {
  let count = 0;
  for (const row of await readStoredSubscriptions(db)) {
    if (COLUMNS.every((column) => isWrappedSealKey(row[column]))) continue;
    const wrap = (column: SubscriptionPlace['column']) =>
      isWrappedSealKey(row[column]) ? row[column] : vault.wrapText({ deviceId: row.deviceId, column }, row[column]);
    const result = await db
      .updateTable('push_subscriptions')
      .set({ endpoint: await wrap('endpoint'), p256dh: await wrap('p256dh'), auth: await wrap('auth') })
      .where('device_session_id', '=', row.deviceId)
      .where('endpoint', '=', row.endpoint)
      .where('p256dh', '=', row.p256dh)
      .where('auth', '=', row.auth)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) count++;
  }
  return count;
}
