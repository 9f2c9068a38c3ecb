// The tablet's side of sync in `npm run bench` (parts i–v), in Debian's Chromium with a persistent profile on disk
// (IndexedDB as a tablet keeps it, not an incognito context's memory), against the real server with its default
// limits, on SQLite and, when TEST_DATABASE_URL is set, on a PostgreSQL database of its own (dropped after).
// The data set is bench/mixed.ts: every synced kind in realistic proportions and sizes. BENCH_SCALE=10k, 50k
// (the default) or 150k sets how many records a new tablet pulls; a tenth of that is pushed.
//  (i)   Push: a tablet writes a tenth of the set through the app's saveRecord (rows sealed for its device key,
//        outbox sealed for the server's), waits until no sync is running, and presses "Sync now"; timed until
//        the outbox is empty (the whole sync beside it). The same number of changes of the same make, sealed the
//        same way, pushed from Node (bench/seed.ts pushAll) beside it: target tablet ≥ 0.5× Node's rate. The
//        server is warmed up by a push from Node first, and the outbox alone is watched, from inside the page, while
//        the push is timed. Three pushes each side, tablet and Node in turn, and the medians compared.
//  (ii)  First pull: the rest seeded over HTTP by a second start of the server on the same data with the rate
//        limit lifted (seeding is not what is measured; on PostgreSQL it ends with VACUUM ANALYZE, the upkeep that
//        burst of writes sets off), then the measured server again and a new tablet's first sync of everything,
//        timed from its first pull request until its success is seen in meta, watched from another page of the
//        tablet from that request on (the time until its own page answers is given beside; a sync asked for
//        meanwhile may follow at once, so the end is the success, not "idle"). The tablet signs in once the
//        service worker controls its page, as it does before anyone has typed the form, so the worker runs the
//        sync; its PIN is chosen after (iv), so the pull stores the rows unsealed that (iv) puts: targets
//        no 429, rate ≥ 0.6× (iv)'s,
//        last page ≤ 1.5× the first, each page's time being the server's own, until its answer is ready to send
//        (its Server-Timing header), and the first and last being the medians of the first and the last
//        END_PAGES pages that carry records: on 2 cores a single page's time swings 5× either way as the tablet's
//        writes take the cores (the single first and last pages are given beside them). Beside it, the time from
//        each request's start to the first byte of its answer as the browser saw it: on a 2-core machine that also
//        counts the wait for a core while the page and the browser store the pages before, which the first page
//        never has; and to the end of the answer. And where the machine's CPU went while the pull was timed
//        (bench/cpu.ts): on 2 cores the browser's IndexedDB backend, the page, the network and the server share them.
//  (iii) A sync with nothing to do: one request under 1 KB.
//  (iv)  Baseline: Dexie's bulkPut of the very rows the pull stored into a fresh database of the app's schema, the
//        median of three.
//  (v)   Baseline: the same records as plain JSON, gzipped by Node: pull bytes ≤ 1.3× that.
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { BrowserContext, Page, Request, Response } from 'playwright-core';
import { build } from 'vite';
import { sealerFor, sealValues } from '../src/db/sealing.ts';
import type { Change } from '../src/sync/protocol.ts';
import { AccountPages } from '../tests/e2e/pages/AccountPages.ts';
import { readMeta } from '../tests/e2e/pages/SyncPages.ts';
import { startServer, type RunningServer } from '../tests/e2e/server.ts';
import { createPgDatabase, dropPgDatabase } from '../tests/server/helpers.ts';
import { sampleCpu, type CpuUse } from './cpu.ts';
import { openTablet, startWorkerProfile, type Profiling, type Tablet } from './browser.ts';
import { makeMixed } from './mixed.ts';
import { createOrganisation, pullAll, pushAll, type Server } from './seed.ts';

const SCALES: Record<string, number> = { '10k': 10_000, '50k': 50_000, '150k': 150_000 };
const scaleName = process.env.BENCH_SCALE ?? '50k';
const PULLED = SCALES[scaleName] ?? Number(scaleName);
if (!Number.isInteger(PULLED) || PULLED < 2_000) throw new Error('BENCH_SCALE is 10k, 50k, 150k or a count ≥ 2000');
/** A fixed share of the set: as much as a busy tablet holds after a fortnight or two offline, at 50k. */
const PUSHED = Math.round(PULLED / 10);
/** Pushed from Node before anything is timed, part of the set a new tablet pulls. */
const WARM_UP = 500;
/**
 * Pushes timed each side, taken in turn, the median kept: one push each made too noisy a ratio, as Node's push of
 * the same changes alone took from 0.97 to 1.41 s at 50k on SQLite from one run to the next on a quiet machine.
 */
const PUSH_ROUNDS = 3;
const TARGETS = { pushOverNode: 0.5, pullOverBulkPut: 0.6, lastOverFirstPage: 1.5, pullBytesOverGzip: 1.3 };
/** Pages at each end of a first pull whose median server time stands for its first and its last page. */
const END_PAGES = 5;
/** How many times the quiet pull is asked for, each page's median taken (quietPageServerMs). */
const QUIET_PULLS = 3;

export interface SyncRun {
  database: 'SQLite' | 'PostgreSQL';
  /** The records of each kind the new tablet pulled, most first. */
  kinds: Record<string, number>;
  /**
   * `ms` until the outbox is empty, `syncMs` until that sync has finished (its pull after the push too): the
   * medians of PUSH_ROUNDS pushes, each `roundsMs`; `requests` the most one push made, `responses429` all of them.
   */
  push: {
    records: number;
    ms: number;
    syncMs: number;
    recordsPerSecond: number;
    requests: number;
    responses429: number;
    roundsMs: number[];
  };
  /** The median of PUSH_ROUNDS pushes, each `roundsMs`, taken in turn with the tablet's. */
  nodePush: { records: number; ms: number; recordsPerSecond: number; requests: number; roundsMs: number[] };
  pull: {
    records: number;
    ms: number;
    /** Until the tablet's own page (on the screen for choosing a PIN) answered that the sync was over. */
    answeredMs: number;
    recordsPerSecond: number;
    requests: number;
    /** Each pull request's time and response body, in the order they started. */
    pageMs: number[];
    pageBodyBytes: number[];
    bytesOnWire: number;
    firstPageMs: number;
    medianPageMs: number;
    lastPageMs: number;
    firstPageFirstByteMs: number;
    medianPageFirstByteMs: number;
    lastPageFirstByteMs: number;
    firstPageServerMs: number;
    medianPageServerMs: number;
    lastPageServerMs: number;
    /** The medians of the first and the last END_PAGES pages' server times in the tablet's pull. */
    firstPagesServerMs: number;
    lastPagesServerMs: number;
    pageServerMs: number[];
    /**
     * The same pages asked for again from here, one at a time, once the tablet is done (quietPageServerMs): each
     * page's server time (its median over QUIET_PULLS pulls), and the medians of the first and last END_PAGES, which
     * the target compares.
     */
    quietPageServerMs: number[];
    quietFirstPagesServerMs: number;
    quietLastPagesServerMs: number;
    responses429: number;
    /** Where the machine's CPU went from the first pull request until this script saw the pull's success. */
    cpu: CpuUse;
  };
  noopSync: {
    requests: number;
    paths: string[];
    bytesOnWire: number;
    requestHeaderBytes: number;
    responseHeaderBytes: number;
    responseBodyBytes: number;
    ms: number;
  };
  /** `ms`: the median of the three puts in `allMs`. */
  baselineBulkPut: { records: number; ms: number; allMs: number[]; recordsPerSecond: number };
  baselineJson: { records: number; bytes: number; gzippedBytes: number };
  /** Unrounded, so that a target is met or not by the figure itself; printed to two places. */
  ratios: {
    pushOverNode: number;
    pullOverBulkPut: number;
    /** The quiet pages' (the target's), and the tablet's pull's, beside it. */
    lastOverFirstPage: number;
    tabletLastOverFirstPage: number;
    pullBytesOverGzip: number;
  };
}

export interface SyncBench {
  scale: string;
  pulled: number;
  pushed: number;
  kinds: Record<string, number>;
  runs: SyncRun[];
  targets: Record<string, boolean>;
}

interface SyncMeta {
  phase?: string;
  lastSuccess?: number;
}

interface PageApi {
  hasKeys(): Promise<boolean>;
  prepare(changes: { kind: string; id: string; values: Record<string, unknown> }[]): Promise<number>;
  queue(userId: string): Promise<number>;
  counts(): Promise<Record<string, number>>;
  outboxEmptyAt(): Promise<number>;
  bulkPut(): Promise<{ ms: number[]; rows: number }>;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits, inside `page`, until the device's first sync has stored its success, and answers when it saw it (the
 * page's clock is this machine's): one connection to the database, read every 25 ms, rather than a connection
 * opened and a round trip from here for each look, so that watching costs the machine next to nothing while the
 * pull it watches is timed. Gives up as `until` does.
 */
async function firstSuccess(page: Page, timeoutMs = 600_000): Promise<number> {
  const seenAt = await page.evaluate(async (timeoutMs) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('coorie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    // Should the app need to upgrade its database meanwhile, this connection does not hold it up.
    db.onversionchange = () => db.close();
    const end = Date.now() + timeoutMs;
    try {
      while (Date.now() <= end) {
        const entry = await new Promise<{ value?: { lastSuccess?: number } } | undefined>((resolve, reject) => {
          const request = db.transaction('meta').objectStore('meta').get('sync');
          request.onsuccess = () => resolve(request.result as { value?: { lastSuccess?: number } } | undefined);
          request.onerror = () => reject(request.error);
        });
        if (entry?.value?.lastSuccess !== undefined) return Date.now();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return undefined;
    } finally {
      db.close();
    }
  }, timeoutMs);
  if (seenAt === undefined) throw new Error('Gave up waiting: the first pull');
  return seenAt;
}

const syncMeta = async (page: Page) => ((await readMeta(page, 'sync')) as SyncMeta | null) ?? {};
const idle = async (page: Page) => (await syncMeta(page)).phase === 'idle';
const rate = (records: number, ms: number) => Math.round((records / ms) * 1000);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** bench/syncPage.ts and what it imports, as one script that sets `globalThis.SyncBench`. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: { entry: new URL('syncPage.ts', import.meta.url).pathname, formats: ['iife'], name: 'SyncBench' },
    },
  });
  for (const result of Array.isArray(output) ? output : [output]) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('Vite gave no bundle');
}

/** Calls the bundle's `name` in the page, loading the bundle first when the page has not got it. */
async function call<K extends keyof PageApi>(
  page: Page,
  script: string,
  name: K,
  ...args: Parameters<PageApi[K]>
): Promise<Awaited<ReturnType<PageApi[K]>>> {
  if (!(await page.evaluate(() => 'SyncBench' in globalThis))) {
    // Zod's probe for `new Function` passes while the bundle is evaluated but its compiled validators later meet
    // the app's CSP: jitless from the start, as the app's own Zod is under that CSP.
    await page.evaluate(() => {
      const zod = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
      (zod.__zod_globalConfig ??= {}).jitless = true;
    });
    await page.evaluate(`${script}\nvoid 0;`);
  }
  return page.evaluate(
    ({ name, args }) => {
      const api = (globalThis as unknown as { SyncBench: Record<string, (...a: unknown[]) => unknown> }).SyncBench;
      return api[name]?.(...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<PageApi[K]>>>;
}

interface Finished {
  url: string;
  startedAt: number;
  ms: number;
  /** To the first byte of the answer: the server's work on it, the way there and back, and any wait on a busy machine. */
  firstByteMs: number;
  /** The server's own time for it, until its answer was ready to send (its Server-Timing header). */
  serverMs: number | undefined;
  bytes: { sent: number; received: number; requestHeaders: number; responseHeaders: number; body: number };
}

/** The duration a Server-Timing header gives (`app;dur=12.3`), in milliseconds. */
function serverTiming(header: string | null | undefined): number | undefined {
  const duration = /dur=([\d.]+)/.exec(header ?? '')?.[1];
  return duration === undefined ? undefined : Number(duration);
}

/**
 * The server's time for each page of a first pull of everything `server`'s user may see, asked for from here one
 * page at a time (pullAll: as the engine asks, a thousand records a page, Brotli accepted), leaving out a short last
 * page: what a page costs the server at the start of a large sync against its end. The tablet's own pages are
 * timed too, but there the server shares two cores with a browser that writes hardest towards the end of the pull,
 * so their first and last pages compare the machine's load at those moments as much as the server's work (the
 * medians of five swung from 0.3 to 2.2 between runs of the same code). The whole pull is asked for QUIET_PULLS
 * times and each page's median taken: at 10k a page takes the server about 25 ms, and one pause of 20 ms (a garbage
 * collection, PostgreSQL's autovacuum) in a single pass moved the ratio of five pages to five from 0.63 to 1.78.
 */
async function quietPageServerMs(server: Server): Promise<number[]> {
  const passes: number[][] = [];
  for (let pass = 0; pass < QUIET_PULLS; pass++) {
    const pages: { ms: number; changes: number }[] = [];
    await pullAll(server, (page, response) => {
      const ms = serverTiming(response.headers.get('server-timing'));
      if (ms === undefined) throw new Error('No Server-Timing on a pull page');
      pages.push({ ms, changes: page.changes.length });
    });
    const largest = Math.max(...pages.map((page) => page.changes));
    passes.push(pages.filter((page) => page.changes >= largest / 4).map((page) => page.ms));
  }
  const [first = [], ...others] = passes;
  if (others.some((pages) => pages.length !== first.length))
    throw new Error(`The quiet pulls had ${passes.map((pages) => pages.length).join(', ')} pages`);
  return first.map((_, index) => median(passes.map((pages) => pages[index] ?? 0)));
}

/**
 * Every sync request a tablet makes (the page's and its service worker's): when it started, how long until the
 * end of its response, its size; and every 429 the server answered.
 */
function recordRequests(context: BrowserContext) {
  const started: { url: string; at: number }[] = [];
  const finished: Finished[] = [];
  const tooMany: { url: string; at: number }[] = [];
  const isSync = (url: string) => url.includes('/api/sync/');
  context.on('request', (request: Request) => {
    if (isSync(request.url())) started.push({ url: request.url(), at: Date.now() });
  });
  context.on('response', (response: Response) => {
    if (isSync(response.url()) && response.status() === 429) tooMany.push({ url: response.url(), at: Date.now() });
  });
  context.on('requestfinished', (request: Request) => {
    if (!isSync(request.url())) return;
    const timing = request.timing();
    void Promise.all([request.sizes(), request.response()]).then(async ([sizes, response]) =>
      finished.push({
        url: request.url(),
        startedAt: timing.startTime,
        ms: timing.responseEnd,
        firstByteMs: timing.responseStart,
        serverMs: serverTiming(await response?.headerValue('server-timing')),
        bytes: {
          sent: sizes.requestHeadersSize + sizes.requestBodySize,
          received: sizes.responseHeadersSize + sizes.responseBodySize,
          requestHeaders: sizes.requestHeadersSize,
          responseHeaders: sizes.responseHeadersSize,
          body: sizes.responseBodySize,
        },
      }),
    );
  });
  return { started, finished, tooMany };
}

/**
 * Someone using the tablet, as the volunteer typing its changes would be: a tap every minute keeps Coorie's idle
 * lock (src/app/lock/idle.ts, five minutes) from closing in. At 150k, queueing the changes and the first pull each
 * take longer than that, and the lock screen syncs as it shows: it sent the queue before "Sync now".
 */
function keepInUse(context: BrowserContext): () => void {
  const tap = () =>
    context
      .pages()
      .map((page) => page.evaluate(() => window.dispatchEvent(new Event('pointerdown'))).catch(() => undefined));
  const timer = setInterval(tap, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Opens Settings through the app's own navigation (a page load would start a sync of its own). */
async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const button = page.getByRole('button', { name: 'Sync now' });
  await until('Sync now to be enabled', () => button.isEnabled());
}

/** Presses "Sync now" once no sync is running; answers with the last success before, to tell when it is done. */
async function pressSyncNow(page: Page): Promise<number> {
  await until('no sync to be running', () => idle(page));
  const before = (await syncMeta(page)).lastSuccess ?? 0;
  await page.getByRole('button', { name: 'Sync now' }).click();
  return before;
}

/** The changes with their sensitive values sealed for the organisation's key, as a device's outbox holds them. */
async function sealedForServer(server: Server, changes: Change[]): Promise<Change[]> {
  const response = await fetch(`${server.url}/api/sync/seal-key`, { headers: { cookie: server.cookie } });
  if (!response.ok) throw new Error(`No seal key: ${response.status}`);
  const sealer = await sealerFor((await response.json()) as { keyId: string; publicKey: string });
  return Promise.all(
    changes.map(async (change) => ({
      ...change,
      values: await sealValues(change.kind, change.id, change.values, sealer),
    })),
  );
}

async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

const countKinds = (changes: Change[]) => {
  const counts: Record<string, number> = {};
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return counts;
};

async function runOn(postgres: boolean, script: string): Promise<SyncRun> {
  const pgUrl = postgres ? await createPgDatabase() : undefined;
  const dbEnv: Record<string, string> = pgUrl ? { DATABASE_URL: pgUrl } : {};
  // The measured server: the default limits, SYNC_RATE_LIMIT included.
  let server: RunningServer = await startServer(dbEnv);
  const restart = async (env: Record<string, string>) => {
    await server.halt();
    server = await startServer({ ...dbEnv, ...env }, 0, { at: { port: server.port, dataDir: server.dataDir } });
  };
  const tablets: Tablet[] = [];
  try {
    const owner = await createOrganisation(server.url);
    // The server warmed up first, as a server that has run for a while is: the tablet's push, timed first, must
    // not pay for the server's first requests when Node's push, timed after it, does not.
    await pushAll(owner, await sealedForServer(owner, makeMixed(WARM_UP, owner.userId, 'benchwarm01')));

    // (i) Push, from a tablet that has had its first sync and knows the server's seal key.
    const tabletA = await openTablet(server.url, 'Bench tablet A');
    tablets.push(tabletA);
    const stopUsingA = keepInUse(tabletA.context);
    const pageA = tabletA.page;
    await until('the first sync and both keys', async () => {
      const meta = await syncMeta(pageA);
      return meta.phase === 'idle' && meta.lastSuccess !== undefined && (await call(pageA, script, 'hasKeys'));
    });
    /** One timed push of PUSHED changes from the tablet, its changes written first through the app's saveRecord. */
    const pushFromTablet = async (round: number) => {
      const queued = makeMixed(PUSHED, owner.userId, `benchtabl${round}1`);
      await call(
        pageA,
        script,
        'prepare',
        queued.map(({ kind, id, values }) => ({ kind, id, values })),
      );
      // The app syncs by itself once a minute while its page is visible: the page passes for hidden while the
      // changes go in (no visibilitychange, so no sync either way), that none leave before "Sync now".
      await until('no sync to be running', () => idle(pageA));
      await pageA.evaluate(() =>
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }),
      );
      const outbox = await call(pageA, script, 'queue', owner.userId);
      await pageA.evaluate(() => Reflect.deleteProperty(document, 'visibilityState'));
      if (outbox !== PUSHED) throw new Error(`The tablet's outbox holds ${outbox} changes, not ${PUSHED}`);
      await openSettings(pageA);
      await until('no sync to be running', () => idle(pageA));
      const waiting = (await call(pageA, script, 'counts')).outbox;
      if (waiting !== PUSHED) throw new Error(`The app sent ${PUSHED - (waiting ?? 0)} changes before Sync now`);
      const requests = recordRequests(tabletA.context);
      // BENCH_PROFILE=<name>: a CPU profile of the service worker that runs the first push, in
      // <name>-push-sqlite.cpuprofile (or -postgresql).
      const profiling =
        process.env.BENCH_PROFILE && round === 0
          ? await startWorkerProfile(await tabletA.context.newCDPSession(pageA), 500)
          : undefined;
      // Watched from the start, in the page: the push's end is the moment its outbox is empty (the sync then
      // pulls, timed apart), seen there rather than by a look from here.
      const emptied = call(pageA, script, 'outboxEmptyAt');
      // Awaited once the button is pressed; should pressing fail first, this must not count as unhandled.
      emptied.catch(() => undefined);
      const before = await pressSyncNow(pageA);
      const start = Date.now();
      const ms = (await emptied) - start;
      await profiling?.stop(`${process.env.BENCH_PROFILE}-push-${postgres ? 'postgresql' : 'sqlite'}.cpuprofile`);
      await until('the sync to finish', async () => {
        const meta = await syncMeta(pageA);
        return meta.phase === 'idle' && (meta.lastSuccess ?? 0) > before;
      });
      return {
        ms,
        syncMs: Date.now() - start,
        requests: requests.started.filter((request) => request.url.includes('/api/sync/push')).length,
        responses429: requests.tooMany.length,
      };
    };
    /** The same number of changes of the same make, sealed the same way, pushed from Node. */
    const pushFromNode = async (round: number) => {
      const changes = await sealedForServer(owner, makeMixed(PUSHED, owner.userId, `benchnode${round}1`));
      const start = Date.now();
      const requests = await pushAll(owner, changes);
      return { ms: Date.now() - start, requests };
    };
    // Each side in turn, PUSH_ROUNDS times: each meets the server as large and as warm as the other, on average.
    const tabletPushes: Awaited<ReturnType<typeof pushFromTablet>>[] = [];
    const nodePushes: Awaited<ReturnType<typeof pushFromNode>>[] = [];
    for (let round = 0; round < PUSH_ROUNDS; round++) {
      tabletPushes.push(await pushFromTablet(round));
      nodePushes.push(await pushFromNode(round));
    }
    stopUsingA();
    await tabletA.close();

    // (ii) The rest of the set, seeded with the limit lifted, then the measured server again.
    await restart({ SYNC_RATE_LIMIT: '1000000' });
    await pushAll(owner, makeMixed(PULLED - 2 * PUSH_ROUNDS * PUSHED - WARM_UP, owner.userId, 'benchseed01'));
    const records = await pullAll(owner);
    if (records.length !== PULLED) throw new Error(`The server holds ${records.length} records, not ${PULLED}`);
    // PostgreSQL's own upkeep after that burst of writes (autovacuum and its fresh statistics) is part of the
    // seeding, not of the pull: done now, as bench/sync.ts does, rather than beside the measured pull.
    if (pgUrl) await vacuumAnalyze(pgUrl);
    await restart({});

    let pullRequests: ReturnType<typeof recordRequests> | undefined;
    // BENCH_PROFILE=<name>: a CPU profile of the new tablet's service worker, which runs its first sync, from
    // sign-in to the end of that sync, in <name>-sqlite.cpuprofile (or -postgresql), for Chromium's developer tools.
    let profiling: Profiling | undefined;
    /** When the pull's end was seen, and the machine's CPU until then. */
    let watcher: Promise<{ pulledAt: number; pullCpu: CpuUse }> | undefined;
    // The PIN is chosen once the pull and its baseline (iv) are done: the pull stores the records unsealed, as it
    // does while someone reads the screen for choosing a PIN, and (iv) puts those very rows. Chosen during the pull,
    // its sealing pass (src/db/sealAtRest.ts) would rewrite them beside the pull and the baseline, and the baseline
    // would put as many sealed rows as that pass had reached: 0.87 to 1.36 s for the same records at 10k. The pull's
    // rate with sealing has its own target in the at-rest part (bench/atrest.ts).
    const before = async (context: BrowserContext) => {
      pullRequests = recordRequests(context);
      context.on('request', (request) => {
        if (!request.url().includes('/api/sync/pull') || watcher) return;
        const cpu = sampleCpu();
        // The pull's end: its sync's success stored. Not "idle", which a sync asked for while the first ran puts off
        // by a run of its own (at 10k, two no-op syncs followed the first at once), nor as the tablet's page answers,
        // nor once the sign-in here returns (it once waited for Today, and put the pull's end 2.5 s late at 10k).
        // Watched from a page of the same origin where the app does not run, opened only now.
        watcher = context.newPage().then(async (page) => {
          try {
            await page.goto('/api/health');
            const pulledAt = await firstSuccess(page);
            return { pulledAt, pullCpu: cpu.stop() };
          } finally {
            await page.close();
          }
        });
        // Awaited below, once the sign-in returns; until then, a failure must not count as unhandled.
        watcher.catch(() => undefined);
      });
    };
    const beforeSignIn = async (page: Page) => {
      if (process.env.BENCH_PROFILE)
        profiling = await startWorkerProfile(await page.context().newCDPSession(page), 500);
    };
    const tabletB = await openTablet(server.url, 'Bench tablet B', { before, beforeSignIn, choosePin: false });
    tablets.push(tabletB);
    const stopUsingB = keepInUse(tabletB.context);
    const requests = pullRequests!;
    const pageB = tabletB.page;
    await until('the first pull', async () => watcher !== undefined);
    const { pulledAt, pullCpu } = await watcher!;
    await until('the tablet page to answer', async () => {
      const meta = await syncMeta(pageB);
      return meta.phase === 'idle' && meta.lastSuccess !== undefined;
    });
    const answeredAt = Date.now();
    await profiling?.stop(`${process.env.BENCH_PROFILE}-${postgres ? 'postgresql' : 'sqlite'}.cpuprofile`);
    const expected = countKinds(records);
    const held = await call(pageB, script, 'counts');
    for (const [kind, count] of Object.entries(expected)) {
      if (held[kind] !== count) throw new Error(`The new tablet holds ${held[kind]} of ${kind}, not ${count}`);
    }
    await until('every pull request to finish', async () => requests.finished.length >= requests.started.length);
    const firstPull = requests.started.find((request) => request.url.includes('/api/sync/pull'));
    if (!firstPull) throw new Error('The new tablet never pulled');
    const pulls = requests.finished
      .filter((request) => request.url.includes('/api/sync/pull'))
      .sort((a, b) => a.startedAt - b.startedAt);
    // The pages that carry records: the pull that only learns there is nothing more (a later sync's, or one
    // after a page that ended exactly at the end) is left out of first and last.
    const largest = Math.max(...pulls.map((request) => request.bytes.body));
    const carrying = pulls.filter((request) => request.bytes.body >= largest / 4);
    const pages = carrying.map((request) => request.ms);
    const firstBytes = carrying.map((request) => request.firstByteMs);
    const serverTimes = carrying.map((request) => {
      if (request.serverMs === undefined) throw new Error(`No Server-Timing on ${request.url}`);
      return request.serverMs;
    });
    const pullMs = pulledAt - firstPull.at;
    const pullBytes = pulls.reduce((sum, request) => sum + request.bytes.received, 0);
    const pull429 = requests.tooMany.length;

    // (iv) Baseline: the same rows put raw, on a page of the same origin where the app does not run, while the
    // tablet's page waits for its PIN.
    const baselinePage = await tabletB.context.newPage();
    await baselinePage.goto('/api/health');
    const bulk = await call(baselinePage, script, 'bulkPut');
    if (bulk.rows !== PULLED) throw new Error(`The baseline put ${bulk.rows} rows, not ${PULLED}`);
    await baselinePage.close();

    // (iii) A sync with nothing to do, on the tablet that has everything, once its PIN is chosen and what the app
    // does after that has ended: the sync it starts as it opens (a second, counted here), and its sealing of the
    // records pulled in clear (src/db/sealAtRest.ts), which would share the machine with the timings that follow.
    const pullsBefore = requests.finished.length;
    await new AccountPages(pageB).openApp();
    await until(
      'the sync the app starts as it opens',
      async () => requests.finished.length > pullsBefore && (await idle(pageB)),
    );
    await until('the records pulled in clear to be sealed', async () => {
      const sealing = (await readMeta(pageB, 'sealProgress')) as { finished?: boolean } | null;
      return sealing?.finished === true;
    });
    await openSettings(pageB);
    const noopFrom = requests.started.length;
    const noopFinishedFrom = requests.finished.length;
    const beforeNoop = await pressSyncNow(pageB);
    const noopStart = Date.now();
    await until('the no-op sync', async () => ((await syncMeta(pageB)).lastSuccess ?? 0) > beforeNoop);
    const noopMs = Date.now() - noopStart;
    await until('its request to finish', async () => requests.finished.length >= requests.started.length);
    const noop = requests.finished.slice(noopFinishedFrom);
    const noopRequests = requests.started.slice(noopFrom);
    const noopBytes = noop.reduce((sum, request) => sum + request.bytes.sent + request.bytes.received, 0);

    stopUsingB();
    await pageB.close();

    // The server's time for each page of the same pull, with nothing else running.
    const quietPages = await quietPageServerMs(owner);

    // (v) Baseline: the same records as plain JSON, gzipped.
    const json = Buffer.from(JSON.stringify(records));
    const gzipped = gzipSync(json).length;

    const pushMs = median(tabletPushes.map((round) => round.ms));
    const push = {
      records: PUSHED,
      ms: pushMs,
      syncMs: median(tabletPushes.map((round) => round.syncMs)),
      recordsPerSecond: rate(PUSHED, pushMs),
      requests: Math.max(...tabletPushes.map((round) => round.requests)),
      responses429: tabletPushes.reduce((sum, round) => sum + round.responses429, 0),
      roundsMs: tabletPushes.map((round) => round.ms),
    };
    const nodeMs = median(nodePushes.map((round) => round.ms));
    const nodePush = {
      records: PUSHED,
      ms: nodeMs,
      recordsPerSecond: rate(PUSHED, nodeMs),
      requests: Math.max(...nodePushes.map((round) => round.requests)),
      roundsMs: nodePushes.map((round) => round.ms),
    };
    const pull = {
      records: PULLED,
      ms: pullMs,
      answeredMs: answeredAt - firstPull.at,
      recordsPerSecond: rate(PULLED, pullMs),
      requests: pulls.length,
      pageMs: pulls.map((request) => Math.round(request.ms)),
      pageBodyBytes: pulls.map((request) => request.bytes.body),
      bytesOnWire: pullBytes,
      firstPageMs: Math.round(pages[0] ?? 0),
      medianPageMs: Math.round(median(pages)),
      lastPageMs: Math.round(pages.at(-1) ?? 0),
      firstPageFirstByteMs: Math.round(firstBytes[0] ?? 0),
      medianPageFirstByteMs: Math.round(median(firstBytes)),
      lastPageFirstByteMs: Math.round(firstBytes.at(-1) ?? 0),
      firstPageServerMs: serverTimes[0] ?? 0,
      medianPageServerMs: median(serverTimes),
      lastPageServerMs: serverTimes.at(-1) ?? 0,
      firstPagesServerMs: median(serverTimes.slice(0, END_PAGES)),
      lastPagesServerMs: median(serverTimes.slice(-END_PAGES)),
      pageServerMs: serverTimes,
      quietPageServerMs: quietPages,
      quietFirstPagesServerMs: median(quietPages.slice(0, END_PAGES)),
      quietLastPagesServerMs: median(quietPages.slice(-END_PAGES)),
      responses429: pull429,
      cpu: pullCpu,
    };
    const bulkMs = median(bulk.ms);
    const baselineBulkPut = {
      records: PULLED,
      ms: Math.round(bulkMs),
      allMs: bulk.ms.map(Math.round),
      recordsPerSecond: rate(PULLED, bulkMs),
    };
    return {
      database: postgres ? 'PostgreSQL' : 'SQLite',
      kinds: Object.fromEntries(Object.entries(expected).sort(([, a], [, b]) => b - a)),
      push,
      nodePush,
      pull,
      noopSync: {
        requests: noopRequests.length,
        paths: noopRequests.map((request) => new URL(request.url).pathname),
        bytesOnWire: noopBytes,
        requestHeaderBytes: noop.reduce((sum, request) => sum + request.bytes.requestHeaders, 0),
        responseHeaderBytes: noop.reduce((sum, request) => sum + request.bytes.responseHeaders, 0),
        responseBodyBytes: noop.reduce((sum, request) => sum + request.bytes.body, 0),
        ms: noopMs,
      },
      baselineBulkPut,
      baselineJson: { records: PULLED, bytes: json.length, gzippedBytes: gzipped },
      ratios: {
        // The same records each side: the rates' ratio is the inverse of the times'.
        pushOverNode: nodeMs / pushMs,
        pullOverBulkPut: bulkMs / pullMs,
        lastOverFirstPage: pull.quietLastPagesServerMs / (pull.quietFirstPagesServerMs || 1),
        tabletLastOverFirstPage: pull.lastPagesServerMs / (pull.firstPagesServerMs || 1),
        pullBytesOverGzip: pullBytes / gzipped,
      },
    };
  } finally {
    for (const tablet of tablets) await tablet.close().catch(() => undefined);
    await server.stop();
    if (pgUrl) await dropPgDatabase(pgUrl);
  }
}

/** "92 % of 2 cores: browser thread pool (IndexedDB) 9.3 s, page main thread 4.7 s, …" (parts over 0.1 s). */
function cpuText({ cores, busy, parts }: CpuUse): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const shown = Object.entries(parts).filter(([, ms]) => ms >= 100);
  return `${Math.round(busy * 100)} % of ${cores} cores: ${shown.map(([part, ms]) => `${part} ${seconds(ms)}`).join(', ')}`;
}

function targetsOf(run: SyncRun): Record<string, boolean> {
  const prefix = `sync${run.database}`;
  return {
    [`${prefix}No429InFirstSync`]: run.pull.responses429 === 0,
    [`${prefix}TabletPushAtLeast0_5xNode`]: run.ratios.pushOverNode >= TARGETS.pushOverNode,
    [`${prefix}PullAtLeast0_6xBulkPut`]: run.ratios.pullOverBulkPut >= TARGETS.pullOverBulkPut,
    [`${prefix}LastPageWithin1_5xFirst`]: run.ratios.lastOverFirstPage <= TARGETS.lastOverFirstPage,
    [`${prefix}NoopOneRequestUnder1KB`]: run.noopSync.requests === 1 && run.noopSync.bytesOnWire < 1024,
    [`${prefix}PullBytesWithin1_3xGzippedJson`]: run.ratios.pullBytesOverGzip <= TARGETS.pullBytesOverGzip,
  };
}

/** Parts (i)–(v) on SQLite, then on PostgreSQL when TEST_DATABASE_URL is set. */
export async function benchSync(): Promise<SyncBench> {
  const script = await bundle();
  const runs = [await runOn(false, script)];
  if (process.env.TEST_DATABASE_URL) runs.push(await runOn(true, script));
  return {
    scale: scaleName,
    pulled: PULLED,
    pushed: PUSHED,
    kinds: runs[0]?.kinds ?? {},
    runs,
    targets: Object.assign({}, ...runs.map(targetsOf)) as Record<string, boolean>,
  };
}

export function printSync(result: SyncBench): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const n = (value: number) => value.toLocaleString('en-GB');
  const met = (ok: boolean | undefined) => (ok ? 'met' : 'NOT met');
  console.log(
    `Sync at ${result.scale}: a new tablet pulls ${n(result.pulled)} records of every kind, a tablet pushes ` +
      `${n(result.pushed)} (a tenth); ${Object.entries(result.kinds)
        .map(([kind, count]) => `${kind} ${n(count)}`)
        .join(', ')}`,
  );
  for (const run of result.runs) {
    const targets = targetsOf(run);
    const check = (name: string) => met(targets[`sync${run.database}${name}`]);
    console.log(`${run.database}:`);
    console.table([
      {
        what: `(i) tablet pushes ${n(run.push.records)}`,
        time: `${run.push.ms} ms (sync ${run.push.syncMs} ms; median of ${run.push.roundsMs.join(', ')})`,
        rate: `${run.push.recordsPerSecond} records/s`,
        wire: `${run.push.requests} requests, ${run.push.responses429} × 429`,
      },
      {
        what: `(i) Node pushes ${n(run.nodePush.records)}`,
        time: `${run.nodePush.ms} ms (median of ${run.nodePush.roundsMs.join(', ')})`,
        rate: `${run.nodePush.recordsPerSecond} records/s`,
        wire: `${run.nodePush.requests} requests`,
      },
      {
        what: `(ii) first pull of ${n(run.pull.records)}`,
        time: `${run.pull.ms} ms (the tablet's page answered after ${run.pull.answeredMs} ms)`,
        rate: `${run.pull.recordsPerSecond} records/s`,
        wire: `${kb(run.pull.bytesOnWire)} in ${run.pull.requests} requests, ${run.pull.responses429} × 429`,
      },
      {
        what: '(ii) pull pages',
        time:
          `server, asked from here with nothing else running: first ${END_PAGES} ${run.pull.quietFirstPagesServerMs} ms, ` +
          `last ${END_PAGES} ${run.pull.quietLastPagesServerMs} (medians); server, in the tablet's pull: first ` +
          `${END_PAGES} ${run.pull.firstPagesServerMs} ms, last ${END_PAGES} ` +
          `${run.pull.lastPagesServerMs} (medians); first ${run.pull.firstPageServerMs} ms, ` +
          `median ${run.pull.medianPageServerMs}, last ${run.pull.lastPageServerMs}; ` +
          `to first byte: first ${run.pull.firstPageFirstByteMs} ms, median ${run.pull.medianPageFirstByteMs}, ` +
          `last ${run.pull.lastPageFirstByteMs}; to the end: first ${run.pull.firstPageMs}, ` +
          `median ${run.pull.medianPageMs}, last ${run.pull.lastPageMs}`,
        rate: '',
        wire: '',
      },
      {
        what: '(ii) CPU during the pull',
        time: cpuText(run.pull.cpu),
        rate: '',
        wire: '',
      },
      {
        what: '(iii) sync with nothing to do',
        time: `${run.noopSync.ms} ms`,
        rate: `${run.noopSync.requests} request(s)`,
        wire: `${run.noopSync.bytesOnWire} bytes (headers ${run.noopSync.requestHeaderBytes} + ${run.noopSync.responseHeaderBytes}, body ${run.noopSync.responseBodyBytes})`,
      },
      {
        what: `(iv) Dexie bulkPut of ${n(run.baselineBulkPut.records)}`,
        time: `${run.baselineBulkPut.ms} ms (median of ${run.baselineBulkPut.allMs.join(', ')})`,
        rate: `${run.baselineBulkPut.recordsPerSecond} records/s`,
        wire: '',
      },
      {
        what: `(v) ${n(run.baselineJson.records)} records as JSON`,
        time: kb(run.baselineJson.bytes),
        rate: `${kb(run.baselineJson.gzippedBytes)} gzipped`,
        wire: '',
      },
    ]);
    const ratio = (value: number) => value.toFixed(2);
    console.log(
      `Targets (${run.database}): no 429 in the first sync: ${check('No429InFirstSync')}; tablet push / Node = ` +
        `${ratio(run.ratios.pushOverNode)} (≥ ${TARGETS.pushOverNode}): ${check('TabletPushAtLeast0_5xNode')}; pull / bulkPut = ` +
        `${ratio(run.ratios.pullOverBulkPut)} (≥ ${TARGETS.pullOverBulkPut}): ${check('PullAtLeast0_6xBulkPut')}; last page / ` +
        `first (medians of ${END_PAGES}, asked with nothing else running) = ${ratio(run.ratios.lastOverFirstPage)} ` +
        `(≤ ${TARGETS.lastOverFirstPage}): ${check('LastPageWithin1_5xFirst')} (in the tablet's pull ` +
        `${ratio(run.ratios.tabletLastOverFirstPage)}); ` +
        `no-op sync one request under 1 KB: ${check('NoopOneRequestUnder1KB')}; pull bytes / gzipped JSON = ` +
        `${ratio(run.ratios.pullBytesOverGzip)} (≤ ${TARGETS.pullBytesOverGzip}): ${check('PullBytesWithin1_3xGzippedJson')}`,
    );
  }
}
