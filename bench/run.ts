// `npm run bench`: sync throughput and cost in a real Chromium against the real server, in one run. The
// server side of sync at 10k/50k records on SQLite and PostgreSQL with the default limits: `npm run bench:sync`.
//  (i)–(v) Sync (bench/syncBrowser.ts), on SQLite and on PostgreSQL with TEST_DATABASE_URL, with the default
//        limits and tablets with persistent profiles: (i) a tablet pushes a tenth of the set once no sync is
//        running, beside the same from Node, three times each in turn; (ii) a new tablet's first pull of a mixed
//        set of every kind (BENCH_SCALE=10k|50k|150k, 50k by default); (iii) a sync with nothing to do; (iv)
//        baseline: Dexie's bulkPut of the same rows; (v) baseline: the same records as gzipped JSON. BENCH_ONLY=sync
//        runs only these.
//  (vi)  Reports over a year (bench/reports.ts): ready on screen against the raw IndexedDB read, on a server of
//        its own. BENCH_ONLY=reports runs only this one.
//  (vii) Screens at ten times a group's size, and each against its time with 100 records (bench/screens.ts).
//        BENCH_ONLY=screens runs only this one.
//  (viii) Lighthouse mobile on the sign-in page (bench/lighthouse.ts). BENCH_ONLY=lighthouse runs only this one.
//  (ix)  push and pull throughput and no-op sync latency with one and two server processes on PostgreSQL
//        (bench/processes.ts; needs TEST_DATABASE_URL). BENCH_ONLY=processes runs only this one.
//  (x)   Sealed at rest (bench/atrest.ts): writing 500 notes, the first pull and unlocking a person with 200
//        notes, each with and without the device key, side by side. BENCH_ONLY=atrest runs only this one.
//  (xi)  Cold start offline to the lock screen and from Unlock to Today, CPU 4× slower (bench/coldStart.ts).
//        BENCH_ONLY=coldstart runs only this one.
// Before each part, the machine is left to settle from the part before it (bench/quiet.ts: PostgreSQL, the disk
// and a closed browser winding down); how long each took is printed and kept in results.json (`quietBefore`).
// Prints a table and writes bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AccountPages } from '../tests/e2e/pages/AccountPages.ts';
import { readMeta } from '../tests/e2e/pages/SyncPages.ts';
import { startServer } from '../tests/e2e/server.ts';
import { benchAtRest, printAtRest, type AtRestBench } from './atrest.ts';
import { launchChromium } from './browser.ts';
import { benchColdStart, printColdStart, type ColdStartBench } from './coldStart.ts';
import { benchProcesses, printProcesses } from './processes.ts';
import { describeQuiet, untilQuiet, type Quiet } from './quiet.ts';
import { benchReports, REPORT_COUNTS, type ReportBench } from './reports.ts';
import { benchLighthouse, printLighthouse, type LighthouseBench } from './lighthouse.ts';
import {
  benchScreens,
  compareScreens,
  printScreens,
  SCREEN_COUNTS,
  SMALL_SCREEN_COUNTS,
  type ScreensBench,
} from './screens.ts';
import { COORDINATOR, createOrganisation } from './seed.ts';
import { benchSync, printSync, type SyncBench } from './syncBrowser.ts';

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

async function signedIn(context: BrowserContext, device: string): Promise<Page> {
  const page = await context.newPage();
  await new AccountPages(page).signIn(COORDINATOR.email, COORDINATOR.password, device);
  return page;
}

/**
 * A new device signed in as the coordinator, in a context of its own (its own IndexedDB, in memory), after its
 * first sync: `run` gets its page, and the context closes after.
 */
async function onNewDevice<T>(
  browser: Browser,
  url: string,
  device: string,
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ baseURL: url, locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    // tsx keeps function names with a helper, `__name`, that the functions sent to page.evaluate then call.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await signedIn(context, device);
    await until('the first sync', async () => (await syncMeta(page)).lastSuccess !== undefined);
    return await run(page);
  } finally {
    await context.close();
  }
}

/** (vi) On a server of its own, so that the first sync brings none of the sync benchmark's 50,000 parents. */
async function runReportsBench(browser: Browser): Promise<ReportBench> {
  const server = await startServer();
  try {
    const owner = await createOrganisation(server.url);
    return await onNewDevice(browser, server.url, 'Bench tablet R', (page) => benchReports(page, owner.userId));
  } finally {
    await server.stop();
  }
}

/**
 * (vii) Check-in, People and the other screens at ten times a group's size, and again on another device holding
 * about 100 records, on a server of its own (the records go straight into each device's IndexedDB, not to it).
 */
async function runScreensBench(browser: Browser): Promise<ScreensBench> {
  const server = await startServer();
  try {
    const owner = await createOrganisation(server.url);
    const taps = Number(process.env.BENCH_TAPS ?? 5);
    const small = await onNewDevice(browser, server.url, 'Bench tablet S100', (page) =>
      benchScreens(page, owner.userId, SMALL_SCREEN_COUNTS, taps),
    );
    const full = await onNewDevice(browser, server.url, 'Bench tablet S', (page) =>
      benchScreens(page, owner.userId, SCREEN_COUNTS, taps),
    );
    return compareScreens(full, small);
  } finally {
    await server.stop();
  }
}

/**
 * BENCH_ONLY=sync, screens, lighthouse, atrest or coldstart: that part's figures and their pass/fail into
 * bench/results.json, beside whatever a full run left there.
 */
function writePartResults(
  part: string,
  figures: SyncBench | ScreensBench | LighthouseBench | AtRestBench | ColdStartBench,
): void {
  const file = new URL('results.json', import.meta.url);
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as {
        results?: Record<string, { targets?: object } | undefined>;
        targets?: Record<string, unknown>;
      })
    : {};
  // This part's targets from before go, and with them those of an older layout of the sync part.
  const stale = new Set([
    ...Object.keys(previous.results?.[part]?.targets ?? {}),
    ...(part === 'sync' ? OLD_SYNC : []),
  ]);
  const results = Object.fromEntries(
    Object.entries({ ...previous.results, [part]: figures }).filter(([key]) => !stale.has(key)),
  );
  const kept = Object.entries(previous.targets ?? {}).filter(([key]) => !stale.has(key));
  const targets = { ...Object.fromEntries(kept), ...figures.targets };
  writeFileSync(file, JSON.stringify({ results, targets }, null, 2) + '\n');
}

/** What the sync part wrote before it ran on both databases. */
const OLD_SYNC = [
  'push',
  'pull',
  'noopSync',
  'baselineBulkPut',
  'baselineJson',
  'pullAtLeastHalfBulkPut',
  'noopOneRequestUnder1KB',
  'pullBytesOverGzippedJson',
];

function printReports(result: ReportBench): void {
  console.log(
    `(vi) Reports for a year (${REPORT_COUNTS.checkIns.toLocaleString('en-GB')} check-ins, ` +
      `${REPORT_COUNTS.people.toLocaleString('en-GB')} people, ${REPORT_COUNTS.notes.toLocaleString('en-GB')} notes): ` +
      `raw IndexedDB read ${result.rawReadMs} ms, report ready ${result.reportReadyMs} ms, ` +
      `ratio ${result.ratio.toFixed(2)} (target ≤ 3): ${result.ratio <= 3 ? 'met' : 'NOT met'}`,
  );
}

/** Runs `bench` on a Chromium of its own, closed after whatever happens. */
async function onOwnChromium<T>(bench: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await bench(browser);
  } finally {
    await browser.close();
  }
}

/** How long the machine took to settle before each part (quiet.ts), by part. */
const quietBefore: Record<string, Quiet> = {};

/** Runs one part of the bench once the machine has settled from whatever ran before it. */
async function settled<T>(part: string, bench: () => Promise<T>): Promise<T> {
  const quiet = await untilQuiet();
  quietBefore[part] = quiet;
  console.log(describeQuiet(part, quiet));
  return bench();
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'processes') {
    printProcesses(await settled('processes', benchProcesses));
    return;
  }
  if (process.env.BENCH_ONLY === 'sync') {
    const sync = await settled('sync', benchSync);
    writePartResults('sync', sync);
    printSync(sync);
    return;
  }
  if (process.env.BENCH_ONLY === 'lighthouse') {
    const lighthouse = await settled('lighthouse', benchLighthouse);
    writePartResults('lighthouse', lighthouse);
    printLighthouse(lighthouse);
    return;
  }
  if (process.env.BENCH_ONLY === 'screens') {
    const screens = await settled('screens', () => onOwnChromium(runScreensBench));
    writePartResults('screens', screens);
    printScreens(screens);
    return;
  }
  if (process.env.BENCH_ONLY === 'coldstart') {
    const coldStart = await settled('coldStart', benchColdStart);
    writePartResults('coldStart', coldStart);
    printColdStart(coldStart);
    return;
  }
  if (process.env.BENCH_ONLY === 'atrest') {
    const atRest = await settled('atRest', () => onOwnChromium(benchAtRest));
    writePartResults('atRest', atRest);
    printAtRest(atRest);
    return;
  }
  if (process.env.BENCH_ONLY === 'reports') {
    printReports(await settled('reports', () => onOwnChromium(runReportsBench)));
    return;
  }
  const sync = await settled('sync', benchSync);
  // The screens on a browser of their own, as BENCH_ONLY=screens runs them: not one still freeing the reports'
  // 75,000 records.
  const screens = await settled('screens', () => onOwnChromium(runScreensBench));
  const { reports, atRest } = await onOwnChromium(async (browser) => ({
    reports: await settled('reports', () => runReportsBench(browser)),
    atRest: await settled('atRest', () => benchAtRest(browser)),
  }));
  const coldStart = await settled('coldStart', benchColdStart);
  const lighthouse = await settled('lighthouse', benchLighthouse);
  writeFileSync(
    new URL('results.json', import.meta.url),
    JSON.stringify(
      {
        results: { sync, reports, screens, atRest, coldStart, lighthouse, quietBefore },
        targets: {
          ...sync.targets,
          reportsWithin3xRead: reports.ratio <= 3,
          ...screens.targets,
          ...atRest.targets,
          ...coldStart.targets,
          ...lighthouse.targets,
        },
      },
      null,
      2,
    ) + '\n',
  );
  printSync(sync);
  printReports(reports);
  printScreens(screens);
  printAtRest(atRest);
  printColdStart(coldStart);
  printLighthouse(lighthouse);
  // After the browser benches, with their server stopped: this one starts server processes of its own.
  printProcesses(await settled('processes', benchProcesses));
}

await main();
