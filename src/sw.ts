// Coorie's service worker. Its jobs: precache the app shell so Coorie opens with no network, send every
// navigation to the cached index.html (but never /api/, nor the server's public timetable pages under /t/, nor
// questionnaire posters under /q/),
// take over on "Reload" (SKIP_WAITING), and wake the sync engine on Background Sync, Periodic Sync and a {type:'SYNC'} message from a page; show alerts that
// arrive by Web Push, and open the screen an alert names when it is tapped.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PrecacheEntry } from 'workbox-precaching';
import { CoorieDb } from './db/database.ts';
import { SYNC_MESSAGE, SYNC_TAG, syncOnce, type SyncOutcome } from './engine/client.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/t\//, /^\/q\//] }),
);

// The worker's own connection to the same IndexedDB database as the pages; the Web Lock named `sync`
// inside syncOnce keeps it from syncing at the same time as a page.
const db = new CoorieDb();

function runSync(): Promise<SyncOutcome> {
  return syncOnce({ db });
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  // The page passes a port to hear the outcome (for its back-off, and to learn of a revoked device).
  if (type === SYNC_MESSAGE) event.waitUntil(runSync().then((outcome) => event.ports[0]?.postMessage(outcome)));
});

// Background Sync and Periodic Sync are not in TypeScript's WebWorker lib yet, hence the local event type.
self.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const syncEvent = event as SyncEvent;
  // Rejecting tells the browser to retry this Background Sync later, with its own back-off.
  if (syncEvent.tag === SYNC_TAG) syncEvent.waitUntil(runSync().then(throwUnlessSynced));
});

self.addEventListener('periodicsync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const syncEvent = event as SyncEvent;
  if (syncEvent.tag === SYNC_TAG) syncEvent.waitUntil(runSync());
});

// Alerts (server/push/messages.ts): fixed texts that name nobody, and the path a tap opens.
interface Alert {
  title: string;
  body: string;
  url: string;
  tag: string;
}

const FALLBACK_ALERT: Alert = { title: 'Coorie', body: 'Open Coorie to see it.', url: '/', tag: 'coorie' };

function alertOf(data: PushMessageData | null): Alert {
  try {
    const sent = data?.json() as Partial<Record<keyof Alert, unknown>> | undefined;
    const text = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);
    // Only a path of this app: never another site, whatever a payload says.
    const url = typeof sent?.url === 'string' && /^\/(?!\/)/.test(sent.url) ? sent.url : FALLBACK_ALERT.url;
    return {
      title: text(sent?.title, FALLBACK_ALERT.title),
      body: text(sent?.body, FALLBACK_ALERT.body),
      url,
      tag: text(sent?.tag, FALLBACK_ALERT.tag),
    };
  } catch {
    return FALLBACK_ALERT;
  }
}

self.addEventListener('push', (event) => {
  const alert = alertOf(event.data);
  event.waitUntil(
    self.registration.showNotification(alert.title, {
      body: alert.body,
      tag: alert.tag,
      data: { url: alert.url },
      icon: '/icon-192.png',
      requireInteraction: true,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url } = (event.notification.data ?? {}) as { url?: string };
  const target = new URL(typeof url === 'string' ? url : '/', self.location.origin).href;
  event.waitUntil(openOrFocus(target));
});

async function openOrFocus(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (!open) {
    await self.clients.openWindow(url);
    return;
  }
  // focus() is refused without a tap behind it (a tap always has one); the window is still taken there.
  const focused = await open.focus().catch(() => open);
  // navigate() fails on a page the worker does not control (yet): then a new window.
  if (focused.url !== url) await focused.navigate(url).catch(() => self.clients.openWindow(url));
}

function throwUnlessSynced(outcome: SyncOutcome): void {
  if (outcome.status === 'offline' || outcome.status === 'server-error' || outcome.status === 'failed') {
    throw new Error(outcome.message);
  }
}

// Adds the worker's own 'activate' listener that claims open pages, so a fresh install serves them at once.
clientsClaim();
