// The server's private keys at rest, at start: the organisations' sealing keys (store/sealKeys.ts), the VAPID
// key (store/push.ts) and the devices' push subscriptions (store/pushSubscriptions.ts), all wrapped with the
// server's secret (store/sealKeyVault.ts). Every wrapped value is checked before any plain one is wrapped, so
// that a wrong or lost secret stops the server with one clear line and leaves every row as it was.
import type { Kysely } from 'kysely';
import { checkVapidKey, wrapPlainVapidKey } from './push.ts';
import { checkSubscriptions, wrapPlainSubscriptions } from './pushSubscriptions.ts';
import type { Schema } from './schema.ts';
import { checkSealKeys, type SealKeyVault, wrapPlainSealKeys } from './sealKeyVault.ts';

export interface KeysWrapped {
  /** How many sealing keys kept plain this start wrapped. */
  sealKeys: number;
  /** Whether this start wrapped the VAPID key. */
  vapidKey: boolean;
  /** How many push subscriptions kept plain this start wrapped. */
  pushSubscriptions: number;
}

/** A StartupError (and nothing changed) when the secret does not open a wrapped value; else wraps the plain ones. */
export async function prepareKeysAtRest(db: Kysely<Schema>, vault: SealKeyVault): Promise<KeysWrapped> {
  await checkSealKeys(db, vault);
  await checkVapidKey(db, vault);
  await checkSubscriptions(db, vault);
  return {
    sealKeys: await wrapPlainSealKeys(db, vault),
    vapidKey: await wrapPlainVapidKey(db, vault),
    pushSubscriptions: await wrapPlainSubscriptions(db, vault),
  };
}
