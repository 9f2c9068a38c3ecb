// The device sync engine (src/sync/protocol.ts): pushes the outbox, pulls what changed, one sync at a time across tabs
// and the service worker. The database steps live in syncStore.ts; the wire in transport.ts.
import { signedOutReason, wipeAndSignOut } from '../db/account.ts';
import type { CoorieDb } from '../db/database.ts';
import type { PublicSealKey } from '../db/sealing.ts';
import { deleteMeta, getMeta, setMeta } from '../db/meta.ts';
import {
  applyPullPages,
  DeviceSignedOutError,
  knowsTablesOf,
  progressAfter,
  SealedForAnotherKeyError,
  deviceNodeId,
  outboxReader,
  outboxHolds,
  sealPulledFor,
  settlePush,
  updateSyncState,
  type PulledPage,
  type PullMemory,
  type PullProgress,
} from './syncStore.ts';
import { MAX_PULL_LIMIT } from '../sync/protocol.ts';
import { finishCatchUp, observeEpoch, observePushEpoch } from './epoch.ts';
import { type SyncOutcome } from './outcome.ts';
import {
  createTransport,
  SyncError,
  type FetchLike,
  type SyncFailure,
  type Timed,
  type Transport,
} from './transport.ts';
import type { PullResponse, PushResponse } from '../sync/protocol.ts';
import type { PendingBatch } from '../sync/coalesce.ts';

export { runOutcomeOf, SYNC_MESSAGE, SYNC_TAG, type SyncOutcome } from './outcome.ts';

export interface SyncOptions {
  db: CoorieDb;
  /** Where the server is; '' (the default) is this origin. */
  baseUrl?: string;
  /** Tests pass one that carries the device's cookie, or one that fails on cue. */
  fetch?: FetchLike;
  /** The device's wall clock; `db.now` by default. */
  now?: () => number;
  /** Records per pulled page. */
  pullLimit?: number;
  /** Give up on a request that has not answered by then (a venue's captive portal can hang for ever). */
  timeoutMs?: number;
}

/** Plain words for the status line, by what went wrong. */
const FAILURES: Record<SyncFailure | 'local', { status: Exclude<SyncOutcome['status'], 'synced'>; message: string }> = {
  network: { status: 'offline', message: 'No signal — will try again' },
  server: { status: 'server-error', message: 'The server had a problem — will try again' },
  'bad-cursor': { status: 'server-error', message: 'The server had a problem — will try again' },
  'storage-full': {
    status: 'server-error',
    message: 'The server is full; your changes are kept and will be sent later',
  },
  'signed-out': { status: 'signed-out', message: 'Please sign in again' },
  revoked: { status: 'revoked', message: 'This device has been signed out by a coordinator' },
  outdated: { status: 'outdated', message: 'Coorie needs updating — please reload' },
  local: { status: 'failed', message: 'Sync stopped on this device — will try again' },
};

/**
 * One full sync: push, pull, and push again if the pull or a re-stamp left changes queued. Never throws for
 * a network or server failure: it records the failure in `meta.sync` and returns it as the outcome.
 *
 * `revoked` (a coordinator signed this device out, or disabled its user) wipes the device here, in the engine,
 * so that the service worker does it even with no page open. A plain 401 (`signed-out`: the session expired)
 * keeps everything for the same person to sign in again. A wiped device does not sync until someone signs in.
 */
export async function syncOnce(options: SyncOptions): Promise<SyncOutcome> {
  return withSyncLock(options.db, () => runSync(options));
}

interface Engine {
  db: CoorieDb;
  transport: Transport;
  now: () => number;
  pullLimit: number;
}

function engineOf(options: SyncOptions): Engine {
  const now = options.now ?? options.db.now;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const base: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const withTimeout: FetchLike = (url, init) =>
    base(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
  return {
    db: options.db,
    transport: createTransport({ baseUrl: options.baseUrl ?? '', fetch: withTimeout, now }),
    now,
    pullLimit: Math.min(options.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT),
  };
}

async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  const engine = engineOf(options);
  const { db } = engine;
  // A browser may still hold the cookie of a session that was signed out offline: pulling with it would bring
  // back everything the sign-out removed. So a wiped device waits for a sign-in, without asking the server.
  if ((await signedOutReason(db)) !== undefined)
    return { status: 'signed-out', message: FAILURES['signed-out'].message };
  try {
    await updateSyncState(db, { phase: 'pushing' });
    await refreshSealKey(engine);
    const first = await pushWith(engine);
    await updateSyncState(db, { phase: 'pulling', downloaded: 0, total: undefined });
    const pulled = await pullWith(engine);
    let second = { pushed: 0, refused: 0 };
    if (await outboxHolds(db)) {
      await updateSyncState(db, { phase: 'pushing' });
      second = await pushWith(engine);
    }
    const lastSuccess = engine.now() + ((await getMeta(db, 'serverOffset')) ?? 0);
    await updateSyncState(db, {
      phase: 'idle',
      catchingUp: undefined,
      lastSuccess,
      lastError: undefined,
      downloaded: undefined,
      total: undefined,
    });
    return { status: 'synced', pushed: first.pushed + second.pushed, refused: first.refused + second.refused, pulled };
  } catch (error) {
    // Signed out (and wiped) while this run was under way: what it fetched was dropped, and the wiped device
    // keeps no sync state to update.
    if (error instanceof DeviceSignedOutError) return { status: 'signed-out', message: FAILURES['signed-out'].message };
    const failure = error instanceof SyncError ? error.failure : 'local';
    if (failure === 'local') console.error('Sync failed on the device', error);
    const { status, message } = FAILURES[failure];
    if (status === 'revoked') {
      await wipeAndSignOut(db, 'revoked');
      return { status, message };
    }
    const phase = status === 'signed-out' ? 'signed-out' : 'error';
    await updateSyncState(db, { phase, lastError: message, downloaded: undefined, total: undefined });
    return { status, message };
  }
}

/** How long a device goes without asking again for the organisation's sealing key when it has nothing to send. */
const SEAL_KEY_RECHECK_MS = 24 * 60 * 60 * 1000;

/**
 * Learns the organisation's sealing key (a new one after a rotation), for the page to seal the outbox with: on a
 * run with changes to send, or once a day, so that a sync with nothing to do is one request. A key older than
 * the newest still opens on the server (no key is deleted). A server that does not answer (an older one, or no
 * signal) leaves the known key as it is: the push that follows says what is wrong, if anything is.
 */
async function refreshSealKey(engine: Engine): Promise<void> {
  const { db } = engine;
  const known = await getMeta(db, 'serverSealKey');
  const sinceChecked = engine.now() - (known?.checkedAt ?? Number.NEGATIVE_INFINITY);
  const fresh = sinceChecked >= 0 && sinceChecked < SEAL_KEY_RECHECK_MS;
  if (known && fresh && !(await outboxHolds(db))) return;
  let answer;
  try {
    answer = (await engine.transport.sealKey()).body;
  } catch {
    return;
  }
  const checkedAt = engine.now();
  await db.transaction('rw', db.meta, async () => {
    if ((await getMeta(db, 'signedOut')) !== undefined) return;
    await setMeta(db, 'serverSealKey', { keyId: answer.keyId, publicKey: answer.publicKey, checkedAt });
  });
}

/** Server time minus device time, taking the request's midpoint as the moment the server read its clock. */
function offsetOf(response: Timed<{ serverTime: number }>): number {
  return Math.round(response.body.serverTime - (response.sentAt + response.receivedAt) / 2);
}

/** Re-stamping after `clock_ahead` should succeed at once; past this many rounds, leave it for the next sync. */
const MAX_RESTAMP_ROUNDS = 3;

/** A server restored again and again while one pull runs: leave the rest for the next sync. */
const MAX_EPOCH_RESTARTS = 3;

/** Pushes batches until the outbox is empty. For tests; the app calls `syncOnce`, which holds the lock. */
export async function pushOutbox(options: SyncOptions): Promise<{ pushed: number; refused: number }> {
  return pushWith(engineOf(options));
}

/** Pulls every page from the stored cursor. For tests; the app calls `syncOnce`, which holds the lock. */
export async function pullChanges(options: SyncOptions): Promise<number> {
  return pullWith(engineOf(options));
}

/**
 * Batches sent before the answer to the one before has come: the device settles one batch and reads the next while
 * the server applies another, instead of leaving the server idle while it does. Each is kept pending until it is
 * answered for, so that a retry is the same batch under the same id; the answers are settled in the order sent.
 */
const PUSHES_IN_FLIGHT = 2;

async function pushWith(engine: Engine): Promise<{ pushed: number; refused: number }> {
  const { db } = engine;
  const nodeId = await deviceNodeId(db);
  const totals = { pushed: 0, refused: 0 };
  let restampRounds = 0;
  let renamed = false;
  /** The epoch already observed in this run: observing the same one again would change nothing. */
  let epoch: string | undefined;
  const outbox = outboxReader(db, nodeId);
  const inFlight: { batch: PendingBatch; answer: Promise<Timed<PushResponse>> }[] = [];
  try {
    for (;;) {
      while (inFlight.length < PUSHES_IN_FLIGHT) {
        const batch = await outbox.next();
        if (!batch) break;
        const answer = engine.transport.push({
          deviceId: nodeId,
          batchId: batch.batchId,
          changes: batch.items.map((item) => item.change),
        });
        // Awaited in its turn below; until then, a failure must not count as unhandled.
        answer.catch(() => undefined);
        inFlight.push({ batch, answer });
      }
      const sent = inFlight.shift();
      if (!sent) return totals;
      const { batch } = sent;
      let response;
      try {
        response = await sent.answer;
      } catch (error) {
        // The server holds another batch under this id (409 batch_conflict) and applied nothing of this one,
        // whose changes are still in the outbox: send them again under a new id, once per sync.
        if (error instanceof SyncError && error.code === 'batch_conflict' && !renamed) {
          renamed = true;
          await outbox.again(batch);
          continue;
        }
        throw error;
      }
      if (response.body.results.length !== batch.items.length) {
        throw new SyncError('server', 'the server answered for a different number of changes');
      }
      const settled = await settlePush(db, batch, response.body.results, offsetOf(response), engine.now);
      if (response.body.epoch !== epoch) {
        await observePushEpoch(db, response.body.epoch);
        epoch = response.body.epoch;
      }
      totals.pushed += settled.accepted;
      totals.refused += settled.refused;
      if (settled.restamped > 0 && ++restampRounds > MAX_RESTAMP_ROUNDS) {
        throw new SyncError('server', 'the server kept refusing the device clock');
      }
    }
  } finally {
    // A run cut short ends once the batches it sent are answered or have failed, so that the next run does not
    // send them again while they are still on their way (they stay pending, for the next run to resend).
    await Promise.allSettled(inFlight.map((sent) => sent.answer));
  }
}

/** Pages stored in one transaction at most, of those that arrived while the one before was stored. */
const MAX_PAGES_PER_TRANSACTION = 4;

/** Pages handed to a transaction that has not ended yet, and what storing them again takes. */
interface Storing {
  pages: PulledPage[];
  serverOffset: number;
  /** The progress before them. */
  progress: PullProgress;
  done: Promise<PullProgress>;
}

async function pullWith(engine: Engine): Promise<number> {
  const { db } = engine;
  let cursor = await getMeta(db, 'cursor');
  let progress: PullProgress = { downloaded: 0 };
  let restarted = false;
  let restarts = 0;
  /** The pages after the one being stored, asked for while it is stored (see below). */
  let ahead: PagesAhead | undefined;
  /**
   * The epoch of the pages already stored in this run: another page of it would be observed to no effect (no one
   * else writes the epoch while this run holds the sync lock), at the cost of a transaction over every table.
   */
  let stored: string | undefined;
  /** What this run has learnt of the tables it stores into (PullMemory); a restart from the beginning forgets it. */
  let memory: PullMemory = new Map();
  /**
   * The device key the pages are sealed for, read while no transaction of this run is under way (a read then would
   * wait for it): a PIN chosen meanwhile is learnt when a transaction refuses pages sealed for the key before.
   */
  let deviceKey = await getMeta(db, 'deviceKey');
  /** The transaction still under way, if any: the next pages' is asked for before it ends (Following). */
  let storing: Storing | undefined;
  /** Every transaction this run asked for, for it to end only once they have. */
  const transactions: Promise<unknown>[] = [];

  /**
   * Waits for the transaction under way. Should it have refused its pages for the device key (a PIN chosen
   * meanwhile), they are sealed for the key the device holds now and stored again, and so are those of `next`,
   * asked for after it (which then stored nothing); any other failure is the run's. Answers what is still under
   * way: `next`, or nothing.
   */
  const settle = async (next?: Storing): Promise<Storing | undefined> => {
    const current = storing;
    storing = undefined;
    if (!current) return next;
    try {
      await current.done;
      return next;
    } catch (error) {
      if (!(error instanceof SealedForAnotherKeyError)) throw error;
    }
    await Promise.allSettled([next?.done]);
    deviceKey = await getMeta(db, 'deviceKey');
    if (ahead) ahead.deviceKey = deviceKey;
    for (const entry of [current, next]) {
      if (entry) await applyPullPages(db, entry.pages, entry.serverOffset, entry.progress, engine.now, { memory });
    }
    return undefined;
  };

  try {
    for (;;) {
      let response;
      try {
        response = await (ahead?.next() ?? engine.transport.pull(cursor, engine.pullLimit));
      } catch (error) {
        ahead?.stop();
        ahead = undefined;
        await settle();
        // The server no longer knows the cursor (say, restored from a backup): merging is idempotent, so
        // starting again from the beginning is safe, only slower.
        if (error instanceof SyncError && error.failure === 'bad-cursor' && cursor !== undefined && !restarted) {
          restarted = true;
          cursor = undefined;
          memory = new Map();
          await deleteMeta(db, 'cursor');
          continue;
        }
        throw error;
      }
      const page = response.body;
      // A restored server (src/engine/epoch.ts): a page from the old cursor is dropped, and the pull starts again.
      if (page.epoch === undefined || page.epoch !== stored) {
        // Observed once the transactions under way have ended: a restart must not leave them storing older pages.
        if (page.epoch !== undefined) await settle();
        if ((await observeEpoch(db, page.epoch, cursor === undefined)) === 'restart') {
          if (++restarts > MAX_EPOCH_RESTARTS) throw new SyncError('server', 'the server kept changing its epoch');
          ahead?.stop();
          ahead = undefined;
          cursor = undefined;
          progress = { downloaded: 0 };
          stored = undefined;
          memory = new Map();
          continue;
        }
      }
      // A long pull asks for the pages that follow, and seals them, while this one is stored, so that the server's
      // work, the download and the sealing overlap the device's writes. The pages that have arrived meanwhile (of
      // the same epoch) are stored with it, in order, in one transaction with the last one's cursor. Should that
      // fail (or the run stop), the pages after it are dropped, and no cursor moved past what was stored.
      const pages = [response];
      let last = page;
      let lastCursor = cursor;
      if (continues(last, lastCursor)) {
        ahead ??= new PagesAhead(engine, last.cursor, deviceKey);
        ahead.deviceKey = deviceKey;
        for (let following = ahead.arrived(page.epoch); following; following = ahead.arrived(page.epoch)) {
          pages.push(following);
          lastCursor = last.cursor;
          last = following.body;
          if (pages.length === MAX_PAGES_PER_TRANSACTION || !continues(last, lastCursor)) break;
        }
      }
      // Their transaction is asked for before the one storing the pages before them has ended, if it has not: the
      // browser copies their rows meanwhile, and runs it after that one, storing them only if that one stored its
      // pages. Once it has been asked for (and so will run before any asked for later), the one before is waited for.
      // Not while this run has still to learn a table they go to (PullMemory): that takes reads, which would wait.
      const bodies = pages.map(({ body }) => body);
      if (storing && (cursor === undefined || !knowsTablesOf(memory, bodies))) storing = await settle();
      const serverOffset = offsetOf(pages.at(-1) ?? response);
      let isAsked!: () => void;
      const wasAsked = new Promise<void>((resolve) => (isAsked = resolve));
      const following = storing && cursor !== undefined ? { cursor, deviceKey } : undefined;
      const next: Storing = {
        pages: bodies,
        serverOffset,
        progress,
        done: applyPullPages(db, bodies, serverOffset, progress, engine.now, { memory, following, asked: isAsked }),
      };
      transactions.push(next.done);
      // Awaited in settle; until then, a failure must not count as unhandled.
      next.done.catch(() => undefined);
      await Promise.race([wasAsked, next.done.catch(() => undefined)]);
      progress = progressAfter(progress, bodies);
      cursor = last.cursor;
      stored = page.epoch;
      storing = await settle(next);
      if (!continues(last, lastCursor)) {
        await settle();
        // Whatever the restored server lacks goes back to it in this run's second push.
        await finishCatchUp(db);
        return progress.downloaded;
      }
    }
  } finally {
    ahead?.stop();
    // A run cut short ends once its transactions have: the next run's are asked for after them.
    await Promise.allSettled(transactions);
  }
}

/** Whether a pull goes on after `page`, asked for from `cursor`: it says there is more, and it moved on. */
function continues(page: PullResponse, cursor: string | undefined): boolean {
  return page.more && !(page.cursor === cursor && page.changes.length === 0);
}

/** Pages fetched ahead at most, arrived or on their way, while the engine stores the pages before them. */
const MAX_PAGES_AHEAD = 4;

/**
 * The pages that follow a cursor, each asked for as soon as the one before it arrives (so never two requests at
 * once), its sensitive values sealed for `deviceKey` as it was when it was asked for; applyPullPages refuses a
 * page should that key be replaced before it is stored. Asking stops at a page that ends the pull, when
 * MAX_PAGES_AHEAD are waiting (until the engine takes one), or at `stop`.
 */
class PagesAhead {
  deviceKey: PublicSealKey | undefined;
  private readonly waiting: { page: Promise<Timed<PullResponse>>; arrived?: Timed<PullResponse> }[] = [];
  /** Where to go on from once there is room, when asking paused with MAX_PAGES_AHEAD waiting. */
  private pausedAt: string | undefined;
  private stopped = false;

  constructor(
    private readonly engine: Engine,
    cursor: string,
    deviceKey: PublicSealKey | undefined,
  ) {
    this.deviceKey = deviceKey;
    this.ask(cursor);
  }

  /** The next page, arrived or not; a failure to fetch it rejects. Undefined once asking has stopped. */
  next(): Promise<Timed<PullResponse>> | undefined {
    const entry = this.waiting.shift();
    this.resume();
    return entry?.page;
  }

  /** The next page if it has already arrived, and is of `epoch`; otherwise undefined, and it stays next. */
  arrived(epoch: string | undefined): Timed<PullResponse> | undefined {
    const entry = this.waiting[0];
    if (!entry?.arrived || entry.arrived.body.epoch !== epoch) return undefined;
    this.waiting.shift();
    this.resume();
    return entry.arrived;
  }

  stop(): void {
    this.stopped = true;
  }

  private ask(cursor: string): void {
    const deviceKey = this.deviceKey;
    const fetched = this.engine.transport.pull(cursor, this.engine.pullLimit);
    const entry: (typeof this.waiting)[number] = {
      page: fetched.then(async (response) => ({
        ...response,
        body: { ...response.body, changes: await sealPulledFor(response.body.changes, deviceKey) },
      })),
    };
    // The next page is asked for as soon as this one is read, while this one is sealed.
    fetched.then(
      (response) => {
        if (this.stopped || !continues(response.body, cursor)) return;
        if (this.waiting.length < MAX_PAGES_AHEAD) this.ask(response.body.cursor);
        else this.pausedAt = response.body.cursor;
      },
      () => undefined,
    );
    entry.page.then(
      (response) => (entry.arrived = response),
      () => undefined,
    );
    this.waiting.push(entry);
  }

  private resume(): void {
    if (this.pausedAt === undefined || this.stopped || this.waiting.length >= MAX_PAGES_AHEAD) return;
    const cursor = this.pausedAt;
    this.pausedAt = undefined;
    this.ask(cursor);
  }
}

// Web Locks where the platform has them (every browser Coorie supports, pages and workers alike); otherwise
// (jsdom, Node) one sync at a time per database within this JavaScript realm.
const localLocks = new Map<string, Promise<unknown>>();

async function withSyncLock<T>(db: CoorieDb, task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) {
    return navigator.locks.request('sync', task);
  }
  const previous = localLocks.get(db.name) ?? Promise.resolve();
  const result = previous.then(task, task);
  const settled = result.catch(() => undefined);
  localLocks.set(db.name, settled);
  void settled.then(() => {
    if (localLocks.get(db.name) === settled) localLocks.delete(db.name);
  });
  return result;
}
