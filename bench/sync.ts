// `npm run bench:sync`: the server's side of sync at size, on SQLite and (with TEST_DATABASE_URL) PostgreSQL,
// with the default limits (SYNC_RATE_LIMIT included), in a few minutes on a small machine:
//  (a) a first pull of 10,000 and 50,000 records (BENCH_SIZES=10000,50000,150000 to change), in pages of
//      1,000 as the engine asks: first, median and last page times, and any 429 (BENCH_SIZES=none: push only);
//  (b) pushes from one device against the same changes from 8 devices at once, each its own sign-in;
//  (c) the query plans of the pull's queries (EXPLAIN).
// The tablet's side of push and pull (the engine in Chromium) is `npm run bench` (bench/run.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { migrateToLatest, openStore } from '../src/server/store/index.ts';
import { applyChanges } from '../src/server/sync/push.ts';
import { MAX_PULL_LIMIT } from '../src/sync/protocol.ts';
import { createPgDatabase, dropPgDatabase } from '../tests/server/helpers.ts';
import { COORDINATOR, createOrganisation, makeParents } from './seed.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,50000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
const DEVICES = 8;
const PUSHED = 8_000;

interface Bench {
  url: string;
  db: ReturnType<typeof openStore>['db'];
  close(): Promise<void>;
}

async function start(postgres: boolean): Promise<Bench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coorie-bench-'));
  const pgUrl = postgres ? await createPgDatabase() : undefined;
  // Only what a bench needs changed: the limits are the defaults.
  const config = loadConfig({
    DATA_DIR: dataDir,
    STATIC_DIR: path.join(dataDir, 'dist'),
    LOG_LEVEL: 'silent',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
  });
  const store = openStore(config);
  await migrateToLatest(store.db);
  const app = await buildApp({ config, store });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    db: store.db,
    async close() {
      await app.close();
      await store.close();
      if (pgUrl) await dropPgDatabase(pgUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(url: string, device: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password, device }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => Math.round(value * 10) / 10;

/** (a) Every page from the start, as a new tablet's first sync asks for them. */
async function firstPull(url: string, cookie: string) {
  const times: number[] = [];
  let records = 0;
  let tooMany = 0;
  let cursor = '';
  const started = performance.now();
  for (;;) {
    const query = new URLSearchParams({ limit: String(MAX_PULL_LIMIT), ...(cursor ? { cursor } : {}) });
    const at = performance.now();
    const response = await fetch(`${url}/api/sync/pull?${query.toString()}`, { headers: { cookie } });
    if (response.status === 429) {
      tooMany++;
      if (tooMany > 3) throw new Error('429 during a first sync');
      continue;
    }
    if (!response.ok) throw new Error(`Pull failed: ${response.status}`);
    const page = (await response.json()) as { changes: unknown[]; cursor: string; more: boolean };
    times.push(performance.now() - at);
    records += page.changes.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  const total = performance.now() - started;
  return {
    records,
    pages: times.length,
    firstPageMs: ms(times[0] ?? 0),
    medianPageMs: ms(median(times)),
    lastPageMs: ms(times.at(-1) ?? 0),
    lastOverFirst: Math.round(((times.at(-1) ?? 0) / (times[0] ?? 1)) * 100) / 100,
    totalMs: Math.round(total),
    recordsPerSecond: Math.round((records / total) * 1000),
    responses429: tooMany,
  };
}

/** (b) `changes` pushed in batches of 500 by each device at once; answers the changes applied a second. */
async function pushFrom(url: string, cookies: string[], changes: ReturnType<typeof makeParents>) {
  const share = Math.ceil(changes.length / cookies.length);
  const started = performance.now();
  await Promise.all(
    cookies.map(async (cookie, device) => {
      const mine = changes.slice(device * share, (device + 1) * share);
      for (let offset = 0; offset < mine.length; offset += 500) {
        const response = await fetch(`${url}/api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({
            protocol: 1,
            deviceId: `benchdevice${device}`,
            batchId: `bench-${device}-${offset}-${crypto.randomUUID()}`,
            changes: mine.slice(offset, offset + 500),
          }),
        });
        if (!response.ok) throw new Error(`Push failed: ${response.status} ${await response.text()}`);
      }
    }),
  );
  const elapsed = performance.now() - started;
  return {
    devices: cookies.length,
    changes: changes.length,
    ms: Math.round(elapsed),
    perSecond: Math.round((changes.length / elapsed) * 1000),
  };
}

async function explain(bench: Bench, postgres: boolean, organisationId: string) {
  const query = bench.db
    .selectFrom('records')
    .select(['kind', 'id', 'values_json', 'versions_json', 'change_seq'])
    .where('organisation_id', '=', organisationId)
    .where('change_seq', '>', 1000)
    .orderBy('change_seq')
    .limit(MAX_PULL_LIMIT + 1)
    .compile();
  const prefix = postgres ? 'EXPLAIN ' : 'EXPLAIN QUERY PLAN ';
  const result = await bench.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(prefix + query.sql, [...query.parameters]),
  );
  return result.rows.map((row) => String(row['QUERY PLAN'] ?? row.detail)).join(' | ');
}

async function run(postgres: boolean) {
  const name = postgres ? 'PostgreSQL' : 'SQLite';
  const results: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const bench = await start(postgres);
    try {
      const owner = await createOrganisation(bench.url);
      const seedStart = performance.now();
      const parents = makeParents(size, owner.userId);
      const pusher = { id: owner.userId, organisationId: '', role: 'coordinator' as const };
      const org = await bench.db
        .selectFrom('users')
        .select('organisation_id')
        .where('id', '=', owner.userId)
        .executeTakeFirstOrThrow();
      pusher.organisationId = org.organisation_id;
      for (let offset = 0; offset < parents.length; offset += 500) {
        await applyChanges(bench.db, pusher, parents.slice(offset, offset + 500));
      }
      if (postgres) await sql`VACUUM ANALYZE records`.execute(bench.db);
      const seedMs = Math.round(performance.now() - seedStart);
      const cookie = await signIn(bench.url, 'Bench tablet');
      const pull = await firstPull(bench.url, cookie);
      const plan = await explain(bench, postgres, pusher.organisationId);
      results.push({ database: name, size, seedMs, ...pull, plan });
      console.log(`${name} first pull of ${size.toLocaleString('en-GB')}:`, JSON.stringify({ ...pull, plan }));
    } finally {
      await bench.close();
    }
  }
  const bench = await start(postgres);
  try {
    const owner = await createOrganisation(bench.url);
    const cookies = [];
    for (let device = 0; device < DEVICES; device++) cookies.push(await signIn(bench.url, `Bench tablet ${device}`));
    const one = await pushFrom(bench.url, [owner.cookie], makeParents(PUSHED, owner.userId, 'benchone01'));
    const eight = await pushFrom(bench.url, cookies, makeParents(PUSHED, owner.userId, 'bencheight1'));
    const push = {
      database: name,
      one,
      eight,
      eightOverOne: Math.round((eight.perSecond / one.perSecond) * 100) / 100,
    };
    console.log(`${name} push:`, JSON.stringify(push));
    results.push(push);
  } finally {
    await bench.close();
  }
  return results;
}

const all = [...(await run(false)), ...(process.env.TEST_DATABASE_URL ? await run(true) : [])];
console.log(JSON.stringify(all, null, 2));
