// The at-rest benchmark (issue 14): what sealing sensitive fields on the device costs, measured side by side in one
// run in Chromium, with the app's own code (bench/atrestPage.ts, bundled here by Vite) on the app's origin
// against the real server:
//   - writing 500 notes one after another through saveRecord, on a device with a key (sealed for it and for the
//     server) and on one with none (plain): target sealed ≤ 1.3× plain;
//   - the first pull of the bench's data set (50,000 parents, two sensitive fields each) from the real server
//     through applyPullPage, sealing for the device key, against Dexie's bulkPut of the same records: target
//     pull rate ≥ 0.4× bulkPut's (the plain pull is given beside it); the same pulls through the sync engine's
//     own loop (pullChanges, which asks for the next page while storing one) are given beside them;
//   - from the right PIN to a person's 200 notes drawn (NotesList), with the device key unwrapped and the notes
//     opened, against the PIN check alone (one PBKDF2 run either way: the check is the unwrap) and plain notes:
//     target ≤ 2×.
// Each figure is the median of BENCH_ATREST_ROUNDS runs (3), sealed and plain alternating. BENCH_ONLY=atrest runs
// only this one; BENCH_ATREST_SCALE=0.1 pulls a tenth of the data set, for a quick look while developing.
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../tests/e2e/server.ts';
import { createOrganisation, makeParents, pushAll } from './seed.ts';

const SCALE = Number(process.env.BENCH_ATREST_SCALE ?? 1);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ATREST_ROUNDS ?? 3));
export const ATREST_COUNTS = { notesWritten: 500, pulled: Math.max(1, Math.round(50_000 * SCALE)), personNotes: 200 };
/** The engine's page size for a first pull. */
const PULL_LIMIT = 1000;
const TARGETS = { writeRatio: 1.3, pullRatio: 0.4, unlockRatio: 2 };

export interface AtRestBench {
  counts: typeof ATREST_COUNTS;
  rounds: number;
  write: { sealedMs: number[]; plainMs: number[]; ratio: number };
  pull: {
    records: number;
    sealedMs: number[];
    plainMs: number[];
    bulkPutMs: number[];
    /** The same pulls through the sync engine's own loop (pullChanges), for comparison. */
    engineSealedMs: number[];
    enginePlainMs: number[];
    sealedPerSecond: number;
    bulkPutPerSecond: number;
    ratio: number;
  };
  /** `…UnlockMs`: of each, the part up to the page marked unlocked (the PIN checked, the key unwrapped). */
  unlock: { sealedMs: number[]; plainMs: number[]; sealedUnlockMs: number[]; plainUnlockMs: number[]; ratio: number };
  targets: Record<string, boolean>;
}

interface PageApi {
  writeNotes(sealed: boolean, count: number): Promise<number>;
  pull(sealed: boolean, limit: number, engine?: boolean): Promise<{ ms: number; records: number; pages: number }>;
  bulkPut(limit: number): Promise<number>;
  unlockAndShow(sealed: boolean, count: number): Promise<{ ms: number; unlockMs: number }>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** bench/atrestPage.ts and what it imports, as one script. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: { entry: new URL('atrestPage.ts', import.meta.url).pathname, formats: ['iife'], name: 'AtRestBench' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const result of outputs) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('Vite gave no bundle');
}

export async function benchAtRest(browser: Browser): Promise<AtRestBench> {
  const script = await bundle();
  const server = await startServer({ SYNC_RATE_LIMIT: '1000000' });
  try {
    const owner = await createOrganisation(server.url);
    await pushAll(owner, makeParents(ATREST_COUNTS.pulled, owner.userId));
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      bypassCSP: true,
    });
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    // The coordinator's session cookie (for the pull), on a page of the origin where the app does not run: no
    // sync or service worker of its own beside the bench.
    await context.addCookies(
      owner.cookie.split('; ').map((pair) => {
        const [name = '', ...value] = pair.split('=');
        return { name, value: value.join('='), url: server.url };
      }),
    );
    const page = await context.newPage();
    await page.goto('/api/health');
    await page.addScriptTag({ content: script });
    const call = <K extends keyof PageApi>(name: K, ...args: Parameters<PageApi[K]>) =>
      page.evaluate(
        ({ name, args }) => {
          const api = (globalThis as unknown as { atRest: Record<string, (...a: unknown[]) => unknown> }).atRest;
          return api[name]?.(...args);
        },
        { name, args: args as unknown[] },
      ) as Promise<Awaited<ReturnType<PageApi[K]>>>;

    const write = { sealedMs: [] as number[], plainMs: [] as number[] };
    const pull = {
      sealedMs: [] as number[],
      plainMs: [] as number[],
      bulkPutMs: [] as number[],
      engineSealedMs: [] as number[],
      enginePlainMs: [] as number[],
      records: 0,
    };
    const unlock = {
      sealedMs: [] as number[],
      plainMs: [] as number[],
      sealedUnlockMs: [] as number[],
      plainUnlockMs: [] as number[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which goes first, so that neither always meets a warmer or busier browser.
      const order = round % 2 === 0 ? [true, false] : [false, true];
      for (const sealed of order) {
        (sealed ? write.sealedMs : write.plainMs).push(await call('writeNotes', sealed, ATREST_COUNTS.notesWritten));
      }
      for (const sealed of order) {
        const result = await call('pull', sealed, PULL_LIMIT);
        pull.records = result.records;
        (sealed ? pull.sealedMs : pull.plainMs).push(result.ms);
      }
      pull.bulkPutMs.push(await call('bulkPut', PULL_LIMIT));
      for (const sealed of order) {
        const result = await call('pull', sealed, PULL_LIMIT, true);
        (sealed ? pull.engineSealedMs : pull.enginePlainMs).push(result.ms);
      }
      for (const sealed of order) {
        const shown = await call('unlockAndShow', sealed, ATREST_COUNTS.personNotes);
        (sealed ? unlock.sealedMs : unlock.plainMs).push(shown.ms);
        (sealed ? unlock.sealedUnlockMs : unlock.plainUnlockMs).push(shown.unlockMs);
      }
    }
    await context.close();
    const round = (values: number[]) => values.map(Math.round);
    const writeRatio = median(write.sealedMs) / median(write.plainMs);
    const sealedPerSecond = (pull.records / median(pull.sealedMs)) * 1000;
    const bulkPutPerSecond = (pull.records / median(pull.bulkPutMs)) * 1000;
    const pullRatio = sealedPerSecond / bulkPutPerSecond;
    const unlockRatio = median(unlock.sealedMs) / median(unlock.plainMs);
    return {
      counts: ATREST_COUNTS,
      rounds: ROUNDS,
      write: { sealedMs: round(write.sealedMs), plainMs: round(write.plainMs), ratio: writeRatio },
      pull: {
        records: pull.records,
        sealedMs: round(pull.sealedMs),
        plainMs: round(pull.plainMs),
        bulkPutMs: round(pull.bulkPutMs),
        engineSealedMs: round(pull.engineSealedMs),
        enginePlainMs: round(pull.enginePlainMs),
        sealedPerSecond: Math.round(sealedPerSecond),
        bulkPutPerSecond: Math.round(bulkPutPerSecond),
        ratio: pullRatio,
      },
      unlock: {
        sealedMs: round(unlock.sealedMs),
        plainMs: round(unlock.plainMs),
        sealedUnlockMs: round(unlock.sealedUnlockMs),
        plainUnlockMs: round(unlock.plainUnlockMs),
        ratio: unlockRatio,
      },
      targets: {
        atRestWriteWithin1_3xPlain: writeRatio <= TARGETS.writeRatio,
        atRestPullAtLeast0_4xBulkPut: pullRatio >= TARGETS.pullRatio,
        atRestUnlockWithin2xPlain: unlockRatio <= TARGETS.unlockRatio,
      },
    };
  } finally {
    await server.stop();
  }
}

/** A pull's rate over bulkPut's, from the medians. */
const engineRatio = (result: AtRestBench, pullMs: number[]) =>
  (median(result.pull.bulkPutMs) / median(pullMs)).toFixed(2);

export function printAtRest(result: AtRestBench): void {
  const { counts } = result;
  const met = (ok: boolean | undefined) => (ok ? 'met' : 'NOT met');
  console.log(
    `(x) Sealed at rest, median of ${result.rounds} runs each, sealed and plain side by side:\n` +
      `  write ${counts.notesWritten} notes: sealed ${result.write.sealedMs.join(', ')} ms, plain ` +
      `${result.write.plainMs.join(', ')} ms, ratio ${result.write.ratio.toFixed(2)} (≤ ${TARGETS.writeRatio}): ` +
      `${met(result.targets.atRestWriteWithin1_3xPlain)}\n` +
      `  first pull of ${result.pull.records.toLocaleString('en-GB')} records: sealed ${result.pull.sealedMs.join(', ')} ms ` +
      `(${result.pull.sealedPerSecond} records/s), plain ${result.pull.plainMs.join(', ')} ms; bulkPut ` +
      `${result.pull.bulkPutMs.join(', ')} ms (${result.pull.bulkPutPerSecond} records/s); ratio ` +
      `${result.pull.ratio.toFixed(2)} (≥ ${TARGETS.pullRatio}): ${met(result.targets.atRestPullAtLeast0_4xBulkPut)}\n` +
      `  the same first pull through the sync engine's loop (pullChanges): sealed ${result.pull.engineSealedMs.join(', ')} ms ` +
      `(ratio ${engineRatio(result, result.pull.engineSealedMs)}), plain ${result.pull.enginePlainMs.join(', ')} ms ` +
      `(ratio ${engineRatio(result, result.pull.enginePlainMs)})\n` +
      `  unlock and show a person with ${counts.personNotes} notes: sealed ${result.unlock.sealedMs.join(', ')} ms, ` +
      `plain ${result.unlock.plainMs.join(', ')} ms (of which unlocking: sealed ` +
      `${result.unlock.sealedUnlockMs.join(', ')}, plain ${result.unlock.plainUnlockMs.join(', ')}), ratio ` +
      `${result.unlock.ratio.toFixed(2)} ` +
      `(≤ ${TARGETS.unlockRatio}): ${met(result.targets.atRestUnlockWithin2xPlain)}`,
  );
}
