// `npm run bench`: sync throughput and cost in a real Chromium against the real server, in one run. The
// server side of sync at 10k/50k records on SQLite and PostgreSQL with the default limits: `npm run bench:sync`.
//  (i)   a tablet pushes 10,000 queued changes through the real engine ("Sync now" in Settings);
//  (ii)  a new tablet's first sync pulls 50,000 records (those 10,000 and 40,000 seeded over HTTP);
//  (iii) a sync with nothing to do: requests, bytes on the wire, time;
//  (iv)  baseline: Dexie's bulkPut of the same 50,000 rows in the same browser;
//  (v)   baseline: the same 50,000 records as plain JSON, gzipped by Node;
//  (vi)  Reports over a year (bench/reports.ts): ready on screen against the raw IndexedDB read, on a server of
//        its own. BENCH_ONLY=reports runs only this one.
//  (vii) Screens at ten times a group's size (bench/screens.ts). BENCH_ONLY=screens runs only this one.
//  (viii) Lighthouse mobile on the sign-in page (bench/lighthouse.ts). BENCH_ONLY=lighthouse runs only this one.
//  (ix)  push and pull throughput and no-op sync latency with one and two server processes on PostgreSQL
//        (bench/processes.ts; needs TEST_DATABASE_URL). BENCH_ONLY=processes runs only this one.
//  (x)   Sealed at rest (bench/atrest.ts): writing 500 notes, the first pull and unlocking a person with 200
//        notes, each with and without the device key, side by side. BENCH_ONLY=atrest runs only this one.
// Prints a table and writes bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Dexie } from 'dexie';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { AccountPages } from '../tests/e2e/pages/AccountPages.ts';
import { countRows, queueParents, readMeta } from '../tests/e2e/pages/SyncPages.ts';
import { startServer } from '../tests/e2e/server.ts';
import { benchAtRest, printAtRest, type AtRestBench } from './atrest.ts';
import { benchProcesses, printProcesses } from './processes.ts';
import { benchReports, REPORT_COUNTS, type ReportBench } from './reports.ts';
import { benchLighthouse, printLighthouse, type LighthouseBench } from './lighthouse.ts';
import { benchScreens, printScreens, type ScreensBench } from './screens.ts';
import { COORDINATOR, createOrganisation, makeParents, pullAll, pushAll } from './seed.ts';

const PUSHED = 10_000;
const PULLED = 50_000;

interface SyncMeta {
  phase?: string;
  lastSuccess?: number;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const syncMeta = async (page: Page) => ((await readMeta(page, 'sync')) as SyncMeta | null) ?? {};

/** Every API request a context makes (the page's and its service worker's), with its size once finished. */
function recordRequests(context: BrowserContext) {
  const finished: {
    url: string;
    at: number;
    bytes: { sent: number; received: number; requestHeaders: number; responseHeaders: number; body: number };
  }[] = [];
  const started: { url: string; at: number }[] = [];
  context.on('request', (request: Request) => {
    if (request.url().includes('/api/')) started.push({ url: request.url(), at: Date.now() });
  });
  context.on('requestfinished', (request: Request) => {
    if (!request.url().includes('/api/')) return;
    void request.sizes().then((sizes) =>
      finished.push({
        url: request.url(),
        at: Date.now(),
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
  return { started, finished };
}

async function signedIn(context: BrowserContext, device: string): Promise<Page> {
  const page = await context.newPage();
  await new AccountPages(page).signIn(COORDINATOR.email, COORDINATOR.password, device);
  return page;
}

/** Opens Settings through the app's own navigation (a page load would start a sync of its own). */
async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const button = page.getByRole('button', { name: 'Sync now' });
  await until('Sync now to be enabled', () => button.isEnabled());
}

/** Presses "Sync now"; answers with the last success before, to tell when this sync has finished. */
async function pressSyncNow(page: Page): Promise<number> {
  const before = (await syncMeta(page)).lastSuccess ?? 0;
  await page.getByRole('button', { name: 'Sync now' }).click();
  return before;
}

const rate = (records: number, ms: number) => Math.round((records / ms) * 1000);

/** (vi) On a server of its own, so that the first sync brings none of the sync benchmark's 50,000 parents. */
async function runReportsBench(browser: Browser): Promise<ReportBench> {
  const server = await startServer();
  try {
    const owner = await createOrganisation(server.url);
    const context = await browser.newContext({ baseURL: server.url, locale: 'en-GB', timezoneId: 'Europe/London' });
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await signedIn(context, 'Bench tablet R');
    await until('the first sync', async () => (await syncMeta(page)).lastSuccess !== undefined);
    const result = await benchReports(page, owner.userId);
    await context.close();
    return result;
  } finally {
    await server.stop();
  }
}

/** (vii) Check-in and People at ten times a group's size, on a server of its own. */
async function runScreensBench(browser: Browser): Promise<ScreensBench> {
  const server = await startServer();
  try {
    const owner = await createOrganisation(server.url);
    const context = await browser.newContext({ baseURL: server.url, locale: 'en-GB', timezoneId: 'Europe/London' });
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await signedIn(context, 'Bench tablet S');
    await until('the first sync', async () => (await syncMeta(page)).lastSuccess !== undefined);
    const result = await benchScreens(page, owner.userId, Number(process.env.BENCH_TAPS ?? 5));
    await context.close();
    return result;
  } finally {
    await server.stop();
  }
}

/**
 * BENCH_ONLY=screens, lighthouse or atrest: that part's figures and their pass/fail into bench/results.json, beside
 * whatever a full run left there.
 */
function writePartResults(part: string, figures: ScreensBench | LighthouseBench | AtRestBench): void {
  const file = new URL('results.json', import.meta.url);
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: object; targets?: object })
    : {};
  const results = { ...previous.results, [part]: figures };
  const targets = { ...previous.targets, ...figures.targets };
  writeFileSync(file, JSON.stringify({ results, targets }, null, 2) + '\n');
}

function printReports(result: ReportBench): void {
  console.log(
    `(vi) Reports for a year (${REPORT_COUNTS.checkIns.toLocaleString('en-GB')} check-ins, ` +
      `${REPORT_COUNTS.people.toLocaleString('en-GB')} people, ${REPORT_COUNTS.notes.toLocaleString('en-GB')} notes): ` +
      `raw IndexedDB read ${result.rawReadMs} ms, report ready ${result.reportReadyMs} ms, ` +
      `ratio ${result.ratio.toFixed(2)} (target ≤ 3): ${result.ratio <= 3 ? 'met' : 'NOT met'}`,
  );
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'processes') {
    printProcesses(await benchProcesses());
    return;
  }
  if (process.env.BENCH_ONLY === 'lighthouse') {
    const lighthouse = await benchLighthouse();
    writePartResults('lighthouse', lighthouse);
    printLighthouse(lighthouse);
    return;
  }
  if (process.env.BENCH_ONLY === 'screens') {
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const screens = await runScreensBench(browser);
      writePartResults('screens', screens);
      printScreens(screens);
    } finally {
      await browser.close();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'atrest') {
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const atRest = await benchAtRest(browser);
      writePartResults('atRest', atRest);
      printAtRest(atRest);
    } finally {
      await browser.close();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'reports') {
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      printReports(await runReportsBench(browser));
    } finally {
      await browser.close();
    }
    return;
  }
  // The seeding client pushes and pulls far faster than any tablet: lift the per-device sync rate limit, which
  // is not what is being measured.
  const server = await startServer({ SYNC_RATE_LIMIT: '1000000' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contextOptions = { baseURL: server.url, locale: 'en-GB', timezoneId: 'Europe/London' };
  const newContext = async (options: { bypassCSP?: boolean } = {}) => {
    const context = await browser.newContext({ ...contextOptions, ...options });
    // tsx keeps function names with a helper, `__name`, that the functions sent to page.evaluate then call.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    return context;
  };
  try {
    const owner = await createOrganisation(server.url);

    // (i) Push: 10,000 parents queued on a tablet, then "Sync now"; done when the outbox is empty.
    const tabletA = await newContext();
    const pageA = await signedIn(tabletA, 'Bench tablet A');
    await until('the first sync', async () => (await syncMeta(pageA)).lastSuccess !== undefined);
    await queueParents(pageA, 'Pushed parent', PUSHED, owner.userId);
    await openSettings(pageA);
    const pushRequests = recordRequests(tabletA);
    const pushStart = Date.now();
    const beforePush = await pressSyncNow(pageA);
    await until('the push to finish', async () => {
      const meta = await syncMeta(pageA);
      return meta.phase === 'idle' && (meta.lastSuccess ?? 0) > beforePush && (await countRows(pageA, 'outbox')) === 0;
    });
    const pushMs = Date.now() - pushStart;
    await tabletA.close();

    // (ii) Pull: the server gets 40,000 more from "another device", then a new tablet's first sync.
    await pushAll(owner, makeParents(PULLED - PUSHED, owner.userId));
    const records = await pullAll(owner);
    if (records.length !== PULLED) throw new Error(`The server holds ${records.length} records, not ${PULLED}`);
    const tabletB = await newContext();
    const pullRequests = recordRequests(tabletB);
    const pageB = await signedIn(tabletB, 'Bench tablet B');
    await until('the first pull', async () => {
      const meta = await syncMeta(pageB);
      return meta.phase === 'idle' && meta.lastSuccess !== undefined;
    });
    const pulledAt = Date.now();
    const received = await countRows(pageB, 'attendee');
    if (received !== PULLED) throw new Error(`The new tablet holds ${received} parents, not ${PULLED}`);
    const pulls = pullRequests.finished.filter((request) => request.url.includes('/api/sync/pull'));
    const firstPull = pullRequests.started.find((request) => request.url.includes('/api/sync/pull'));
    if (!firstPull) throw new Error('The new tablet never pulled');
    const pullMs = pulledAt - firstPull.at;
    const pullBytes = pulls.reduce((sum, request) => sum + request.bytes.received, 0);

    // (iii) A sync with nothing to do, on the tablet that has everything.
    await openSettings(pageB);
    const noopFrom = pullRequests.started.length;
    const noopStart = Date.now();
    const beforeNoop = await pressSyncNow(pageB);
    await until('the no-op sync', async () => ((await syncMeta(pageB)).lastSuccess ?? 0) > beforeNoop);
    const noopMs = Date.now() - noopStart;
    await until('its request to finish', async () => pullRequests.finished.length >= pullRequests.started.length);
    const noop = pullRequests.finished.filter(
      (request) => request.at >= noopStart && request.url.includes('/api/sync/'),
    );
    const noopRequests = pullRequests.started.slice(noopFrom).filter((request) => request.url.includes('/api/sync/'));
    const noopBytes = noop.reduce((sum, request) => sum + request.bytes.sent + request.bytes.received, 0);
    await tabletB.close();

    // (iv) Baseline: Dexie's bulkPut of the same rows into a table with the same index, on the same origin.
    const baseline = await newContext({ bypassCSP: true });
    const pageC = await baseline.newPage();
    await pageC.goto('/sign-in');
    await pageC.addScriptTag({ path: createRequire(import.meta.url).resolve('dexie/dist/dexie.js') });
    const rows = records.map((record) => ({ ...record.values, id: record.id, _v: record.versions }));
    const bulkPutMs = await pageC.evaluate(async (all) => {
      const { Dexie } = window as unknown as { Dexie: new (name: string) => Dexie };
      const db = new Dexie('bench-baseline');
      db.version(1).stores({ attendee: 'id, displayName' });
      await db.open();
      const start = performance.now();
      await db.table('attendee').bulkPut(all);
      const ms = performance.now() - start;
      db.close();
      return ms;
    }, rows);
    await baseline.close();

    // (v) Baseline: the same records as plain JSON, gzipped.
    const json = Buffer.from(JSON.stringify(records));
    const gzipped = gzipSync(json).length;

    const results = {
      push: {
        records: PUSHED,
        ms: pushMs,
        recordsPerSecond: rate(PUSHED, pushMs),
        requests: pushRequests.started.length,
      },
      pull: {
        records: PULLED,
        ms: pullMs,
        recordsPerSecond: rate(PULLED, pullMs),
        requests: pulls.length,
        bytesOnWire: pullBytes,
      },
      noopSync: {
        requests: noopRequests.length,
        bytesOnWire: noopBytes,
        requestHeaderBytes: noop.reduce((sum, request) => sum + request.bytes.requestHeaders, 0),
        responseHeaderBytes: noop.reduce((sum, request) => sum + request.bytes.responseHeaders, 0),
        responseBodyBytes: noop.reduce((sum, request) => sum + request.bytes.body, 0),
        ms: noopMs,
      },
      baselineBulkPut: { records: PULLED, ms: Math.round(bulkPutMs), recordsPerSecond: rate(PULLED, bulkPutMs) },
      baselineJson: { records: PULLED, bytes: json.length, gzippedBytes: gzipped },
    };
    const targets = {
      pullAtLeastHalfBulkPut: results.pull.recordsPerSecond / results.baselineBulkPut.recordsPerSecond,
      noopOneRequestUnder1KB: noopRequests.length === 1 && noopBytes < 1024,
      pullBytesOverGzippedJson: pullBytes / gzipped,
    };
    const reports = await runReportsBench(browser);
    const screens = await runScreensBench(browser);
    const atRest = await benchAtRest(browser);
    const lighthouse = await benchLighthouse();
    writeFileSync(
      new URL('results.json', import.meta.url),
      JSON.stringify(
        {
          results: { ...results, reports, screens, atRest, lighthouse },
          targets: {
            ...targets,
            reportsWithin3xRead: reports.ratio <= 3,
            ...screens.targets,
            ...atRest.targets,
            ...lighthouse.targets,
          },
        },
        null,
        2,
      ) + '\n',
    );
    printTable(results, targets);
    printReports(reports);
    printScreens(screens);
    printAtRest(atRest);
    printLighthouse(lighthouse);
  } finally {
    await browser.close();
    await server.stop();
  }
  // After the browser benches, with their server stopped: this one starts server processes of its own.
  printProcesses(await benchProcesses());
}

function printTable(results: Record<string, Record<string, number>>, targets: Record<string, number | boolean>) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = [
    [
      '(i) push 10,000 changes',
      `${results.push?.ms} ms`,
      `${results.push?.recordsPerSecond} records/s`,
      `${results.push?.requests} requests`,
    ],
    [
      '(ii) first pull of 50,000',
      `${results.pull?.ms} ms`,
      `${results.pull?.recordsPerSecond} records/s`,
      `${kb(results.pull?.bytesOnWire ?? 0)} in ${results.pull?.requests} requests`,
    ],
    [
      '(iii) sync with nothing to do',
      `${results.noopSync?.ms} ms`,
      `${results.noopSync?.requests} request(s)`,
      `${results.noopSync?.bytesOnWire} bytes (headers ${results.noopSync?.requestHeaderBytes} + ${results.noopSync?.responseHeaderBytes}, body ${results.noopSync?.responseBodyBytes})`,
    ],
    [
      '(iv) Dexie bulkPut of 50,000',
      `${results.baselineBulkPut?.ms} ms`,
      `${results.baselineBulkPut?.recordsPerSecond} records/s`,
      '',
    ],
    [
      '(v) 50,000 records as JSON',
      kb(results.baselineJson?.bytes ?? 0),
      `${kb(results.baselineJson?.gzippedBytes ?? 0)} gzipped`,
      '',
    ],
  ];
  console.table(lines.map(([what, a, b, c]) => ({ what, time: a, rate: b, wire: c })));
  console.log(
    `Targets: pull / bulkPut = ${Number(targets.pullAtLeastHalfBulkPut).toFixed(2)} (≥ 0.5); ` +
      `no-op sync one request under 1 KB: ${String(targets.noopOneRequestUnder1KB)}; ` +
      `pull bytes / gzipped JSON = ${Number(targets.pullBytesOverGzippedJson).toFixed(2)} (≤ 1.3)`,
  );
}

await main();
