// Alerts on this device (server/routes/push.ts): the server's VAPID key, this device's Web Push subscription and a
// test alert.
import { z } from 'zod';

/** base64url (unpadded, as PushSubscription.toJSON() gives it) decoding to exactly `bytes` bytes. */
const base64urlKey = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url')
    .refine((value) => base64urlLength(value) === bytes, `must be a ${what}`);

/** How many bytes unpadded base64url text decodes to. */
function base64urlLength(text: string): number {
  return Math.floor((text.length * 3) / 4);
}

export const pushKeyAnswer = z.object({ publicKey: z.string() });

/** PUT /api/push/subscription: what PushSubscription.toJSON() gives (expirationTime is ignored: push services
 * answer 410 when it passes). */
export const subscriptionBody = z.strictObject({
  endpoint: z
    .url({ protocol: /^https$/, error: 'must be an https:// address' })
    .max(2000, 'must be at most 2000 characters'),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: base64urlKey(65, 'P-256 public key of 65 bytes'),
    auth: base64urlKey(16, 'secret of 16 bytes'),
  }),
});

/** GET /api/push/subscription */
export const subscriptionAnswer = z.object({ subscribed: z.boolean(), lastDeliveredAt: z.string().nullable() });
export type SubscriptionStatus = z.infer<typeof subscriptionAnswer>;

/** POST /api/push/test */
export const testAlertAnswer = subscriptionAnswer.extend({ delivered: z.boolean() });
