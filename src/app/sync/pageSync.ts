// Asks for a sync from the page: at start, when signal returns, after writes, every minute while Coorie is on
// screen, and on "Sync now". The service worker runs it when it controls the page (so a sync started there
// can finish after the tab closes); otherwise (dev, the very first load) the page runs the engine itself.
import { wipeAndSignOut } from '../../db/account.ts';
import type { CoorieDb } from '../../db/database.ts';
import { onLocalWrite } from '../../db/records.ts';
import { runOutcomeOf, SYNC_MESSAGE, SYNC_TAG, type SyncOutcome } from '../../engine/outcome.ts';
import { createSyncScheduler, type SyncScheduler } from '../../engine/scheduler.ts';

const WHILE_OPEN_MS = 60_000;
/** A worker stopped by the browser mid-sync never answers; past this, count the attempt as failed. */
const WORKER_ANSWER_MS = 3 * 60_000;
const PERIODIC_MIN_INTERVAL_MS = 12 * 60 * 60_000;

export interface PageSync {
  /** Starts the automatic triggers (call once someone is signed in); returns a function that stops them. */
  start(): () => void;
  /** "Sync now": at once, whatever the back-off. Does nothing until started. */
  requestNow(): void;
  requestSoon(): void;
}

/** Background Sync and Periodic Background Sync are not in TypeScript's DOM lib yet. */
interface SyncCapableRegistration {
  sync?: { register(tag: string): Promise<void> };
  periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void> };
}

export function createPageSync(db: CoorieDb, options: { onOutcome?: (outcome: SyncOutcome) => void } = {}): PageSync {
  // Made by start() and disposed by its stop, so that nothing (not even a pending retry) syncs after sign-out.
  let scheduler: SyncScheduler | undefined;

  function start(): () => void {
    const own = createSyncScheduler({
      run: async () => {
        const outcome = await syncAndWait(db);
        options.onOutcome?.(outcome);
        return runOutcomeOf(outcome);
      },
    });
    scheduler = own;
    const onOnline = () => own.requestNow();
    const onVisible = () => {
      if (document.visibilityState === 'visible') own.requestSoon();
    };
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && navigator.onLine) own.requestSoon();
    }, WHILE_OPEN_MS);
    const stopWatchingWrites = onLocalWrite((written) => {
      if (written !== db) return;
      own.requestSoon();
      void registerBackgroundSync();
    });
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    void registerPeriodicSync();
    own.requestNow();
    return () => {
      own.dispose();
      if (scheduler === own) scheduler = undefined;
      clearInterval(timer);
      stopWatchingWrites();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }

  return { start, requestNow: () => scheduler?.requestNow(), requestSoon: () => scheduler?.requestSoon() };
}

/**
 * One sync now, in the worker when it controls the page or else here, and its outcome. A revoked device is
 * wiped by the engine that saw it; the page wipes too, in case the worker is still an older version that did
 * not (a new worker waits until every tab reloads). The screens then follow the database to the sign-in screen.
 */
export async function syncAndWait(db: CoorieDb): Promise<SyncOutcome> {
  const outcome = await syncInWorkerOrHere(db);
  if (outcome.status === 'revoked') await wipeAndSignOut(db, 'revoked');
  return outcome;
}

async function syncInWorkerOrHere(db: CoorieDb): Promise<SyncOutcome> {
  const controller = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : undefined;
  if (!controller) {
    // The engine loads only when the page must run it itself, keeping it off the first screen.
    const { syncOnce } = await import('../../engine/client.ts');
    return syncOnce({ db });
  }
  return new Promise<SyncOutcome>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve({ status: 'failed', message: 'Sync stopped on this device — will try again' });
    }, WORKER_ANSWER_MS);
    channel.port1.onmessage = (event: MessageEvent<SyncOutcome>) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    controller.postMessage({ type: SYNC_MESSAGE }, [channel.port2]);
  });
}

async function registration(): Promise<SyncCapableRegistration | undefined> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return undefined;
  return (await navigator.serviceWorker.ready) as SyncCapableRegistration;
}

/** Lets the browser sync a write made offline once signal returns, even if Coorie has been closed by then. */
async function registerBackgroundSync(): Promise<void> {
  try {
    await (await registration())?.sync?.register(SYNC_TAG);
  } catch {
    // Not supported, or refused: the triggers in the page still sync while Coorie is open.
  }
}

/** Where the browser allows it (an installed app it sees used), sync now and then even when Coorie is closed. */
async function registerPeriodicSync(): Promise<void> {
  try {
    await (await registration())?.periodicSync?.register(SYNC_TAG, { minInterval: PERIODIC_MIN_INTERVAL_MS });
  } catch {
    // Periodic sync needs the browser's permission; without it the other triggers do the work.
  }
}
