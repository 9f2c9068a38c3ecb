// Coorie's service worker. Its jobs: precache the app shell so Coorie opens with no network, send every
// navigation to the cached index.html (but never /api/), take over on "Reload" (SKIP_WAITING), and wake the
// sync engine on Background Sync, Periodic Sync and a {type:'SYNC'} message from a page.
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

registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

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

function throwUnlessSynced(outcome: SyncOutcome): void {
  if (outcome.status === 'offline' || outcome.status === 'server-error' || outcome.status === 'failed') {
    throw new Error(outcome.message);
  }
}

// Adds the worker's own 'activate' listener that claims open pages, so a fresh install serves them at once.
clientsClaim();
