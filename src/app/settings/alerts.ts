// Alerts on this device: the browser's side of Web Push (permission, PushManager) and the server's
// (/api/push, server/routes/push.ts). The server's copy of the subscription is what counts as "on": it is
// what alerts are sent to. Loaded with Settings only, never on the first screen.
import { pushKeyAnswer, subscriptionAnswer, testAlertAnswer, type SubscriptionStatus } from '../../api/push.ts';
import { checked } from '../http/checked.ts';
import { ApiError, request } from '../http/request.ts';

export type AlertsSupport = 'supported' | 'unsupported' | 'blocked';

export interface AlertsStatus {
  support: AlertsSupport;
  on: boolean;
  /** ISO time the push service last accepted an alert for this device. */
  lastDeliveredAt: string | null;
}

/** Whether this browser can receive alerts at all, and whether the person has blocked them. */
export function alertsSupport(): AlertsSupport {
  if (typeof window === 'undefined' || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  if (!('serviceWorker' in navigator)) return 'unsupported';
  return Notification.permission === 'denied' ? 'blocked' : 'supported';
}

function statusOf({ subscribed, lastDeliveredAt }: SubscriptionStatus): Omit<AlertsStatus, 'support'> {
  return { on: subscribed, lastDeliveredAt };
}

export async function readAlertsStatus(): Promise<AlertsStatus> {
  const support = alertsSupport();
  if (support === 'unsupported') return { support, on: false, lastDeliveredAt: null };
  return { support, ...statusOf(await checked('GET', '/api/push/subscription', subscriptionAnswer)) };
}

/** Thrown when the person (or the browser) said no to notifications. */
export class AlertsRefused extends Error {
  override name = 'AlertsRefused';
}

/**
 * Asks for permission (only now, when the person has chosen to turn alerts on), subscribes with the server's
 * VAPID key, and gives the server the subscription.
 */
export async function turnAlertsOn(): Promise<AlertsStatus> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new AlertsRefused('Notifications were not allowed.');
  const { publicKey } = await checked('GET', '/api/push/key', pushKeyAnswer);
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  // A subscription made with another server's key cannot be reused: push services refuse a different key.
  if (existing && !sameKey(existing.options.applicationServerKey, publicKey)) await existing.unsubscribe();
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64urlToBytes(publicKey),
  });
  await request('PUT', '/api/push/subscription', subscription.toJSON());
  return readAlertsStatus();
}

export async function turnAlertsOff(): Promise<AlertsStatus> {
  await request('DELETE', '/api/push/subscription');
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  await subscription?.unsubscribe();
  return readAlertsStatus();
}

export interface TestResult {
  delivered: boolean;
  status: AlertsStatus;
}

export async function sendTestAlert(): Promise<TestResult> {
  const answer = await checked('POST', '/api/push/test', testAlertAnswer);
  return { delivered: answer.delivered, status: { support: alertsSupport(), ...statusOf(answer) } };
}

/** Words for a failed call, for the section to show. */
export function alertsErrorText(error: unknown): string {
  if (error instanceof AlertsRefused) {
    return 'Notifications are not allowed for Coorie. Allow them in the browser’s site settings, then try again.';
  }
  if (error instanceof ApiError) {
    if (error.code === 'network') return 'This needs a connection to the server. Try again when there is signal.';
    return error.message;
  }
  return 'This browser could not turn alerts on.';
}

function base64urlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function sameKey(key: ArrayBuffer | null, publicKey: string): boolean {
  if (!key) return false;
  const wanted = base64urlToBytes(publicKey);
  const held = new Uint8Array(key);
  return held.length === wanted.length && held.every((byte, index) => byte === wanted[index]);
}
