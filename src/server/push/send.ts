// Sends Web Push messages with the server's VAPID keys (RFC 8292), encrypted for each device (RFC 8291,
// aes128gcm) by `web-push`. A subscription the push service says is gone (404, 410) is deleted; any other
// failure is logged and the subscription kept, as the service may only be down for a while.
import type { Agent } from 'node:https';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import webPush from 'web-push';
import type { Schema } from '../store/schema.ts';
import { ensureVapidKeys, type VapidKeys } from '../store/push.ts';
import { deleteSubscriptionAt, markDelivered, type PushSubscription } from '../store/pushSubscriptions.ts';
import type { AlertPayload } from './messages.ts';

/** An alert is worth little after a day; push services keep it that long for a device that is off. */
const TTL_SECONDS = 24 * 60 * 60;
const TIMEOUT_MS = 10_000;

export interface PushSender {
  publicKey(): Promise<string>;
  /** Sends to each subscription; answers how many the push services accepted. */
  send(subscriptions: PushSubscription[], payload: AlertPayload): Promise<number>;
}

export interface SenderOptions {
  db: Kysely<Schema>;
  /** The VAPID subject: a mailto: or https: address push services may use to reach whoever runs the server. */
  contact: string;
  log: FastifyBaseLogger;
  /** For tests, whose stand-in push service has its own certificate. */
  agent?: Agent;
}

export function createPushSender({ db, contact, log, agent }: SenderOptions): PushSender {
  let keys: Promise<VapidKeys> | undefined;
  const vapidKeys = () => {
    keys ??= ensureVapidKeys(db, () => webPush.generateVAPIDKeys()).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };

  async function sendOne(subscription: PushSubscription, body: string, vapid: VapidKeys): Promise<boolean> {
    try {
      await webPush.sendNotification(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        body,
        {
          vapidDetails: { subject: contact, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
          TTL: TTL_SECONDS,
          urgency: 'high',
          contentEncoding: 'aes128gcm',
          timeout: TIMEOUT_MS,
          ...(agent ? { agent } : {}),
        },
      );
      await markDelivered(db, subscription.deviceId);
      return true;
    } catch (error) {
      if (error instanceof webPush.WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
        await deleteSubscriptionAt(db, subscription.deviceId, subscription.endpoint);
        return false;
      }
      // The endpoint's host only: the rest of the address identifies the device to its push service.
      log.warn({ err: error, pushService: hostOf(subscription.endpoint) }, 'a push alert was not delivered');
      return false;
    }
  }

  return {
    publicKey: async () => (await vapidKeys()).publicKey,
    async send(subscriptions, payload) {
      if (subscriptions.length === 0) return 0;
      const vapid = await vapidKeys();
      const body = JSON.stringify(payload);
      const sent = await Promise.all(subscriptions.map((subscription) => sendOne(subscription, body, vapid)));
      return sent.filter(Boolean).length;
    },
  };
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'unknown';
  }
}
