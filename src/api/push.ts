// Alerts (server/routes/push.ts): the server's VAPID key, this device's Web Push subscription, a test alert, and
// the organisation's alert periods.
import { z } from 'zod';
import { MAX_ALERT_MINUTES, MIN_ALERT_MINUTES } from './limits.ts';

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

/** Whole minutes an organisation may choose for one of its alert periods. */
const alertMinutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .min(MIN_ALERT_MINUTES, `must be at least ${MIN_ALERT_MINUTES} minute`)
  .max(MAX_ALERT_MINUTES, `must be at most ${MAX_ALERT_MINUTES} minutes (a day)`);

/** An organisation's alert periods, in minutes (server/push/alerts.ts uses them). */
export const alertPeriodsSchema = z.object({
  /** After the first alert about an urgent concern nobody has picked up, before the reminder. */
  urgentRepeatMinutes: alertMinutes,
  /** After a visit's expected end, before the visitor's own devices are alerted. */
  visitGraceMinutes: alertMinutes,
  /** After that, before the buddy and the coordinators are alerted too. */
  teamAlertMinutes: alertMinutes,
});
export type AlertPeriods = z.infer<typeof alertPeriodsSchema>;

/** PUT /api/organisation/alert-periods (coordinators): all three at once. */
export const alertPeriodsBody = z.strictObject(alertPeriodsSchema.shape);

/** GET and PUT /api/organisation/alert-periods: the organisation's periods and the server's defaults. */
export const alertPeriodsAnswer = z.object({ periods: alertPeriodsSchema, defaults: alertPeriodsSchema });
