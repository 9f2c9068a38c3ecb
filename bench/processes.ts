// `npm run bench:processes`: sync push and pull throughput with one and with two server processes on one
// PostgreSQL database (TEST_DATABASE_URL names the server; a database is made and dropped for each run), side by
// side: 8 devices across 4 organisations push and pull at once, each through process (device mod processes),
// then every device syncs with nothing to do, for the p50/p95 latency of a no-op sync. Pushes within one
// organisation are serialised by design, so the 4 organisations are what two processes can share out.
// BENCH_BATCHES (default 10) batches of BENCH_BATCH (default 100) changes per device. Also part of `npm run bench`
// (BENCH_ONLY=processes runs only this one).
//
// Fair to both: every device pushes a batch and pulls before the clock starts (so neither setup times its
// processes' warm-up), the request bodies are made before it starts, and the CPU the load generator (this
// process, on the same machine) and the server processes use while pushing is reported next to the throughput,
// with how busy the whole machine was. BENCH_CPU_PROF=<folder> has each server process write a CPU profile there.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPgDatabase, dropPgDatabase } from '../tests/server/helpers.ts';
import { startServerProcess, type ServerProcess } from '../tests/server/processes.ts';
import { makeParents } from './seed.ts';

const ORGANISATIONS = 4;
const DEVICES_PER_ORGANISATION = 2;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const NO_OP_ROUNDS = 25;
const PASSWORD = 'a long enough password';

interface Device {
  base: string;
  cookie: string;
  userId: string;
  node: string;
  cursor: string;
}

interface Result {
  processes: number;
  pushSeconds: number;
  /** CPU while pushing, in cores: the load generator's, the server processes' together, the whole machine's. */
  pushCpu: { bench: number; servers: number; machine: number };
  pushedChanges: number;
  pullSeconds: number;
  pulledChanges: number;
  noOp: { p50: number; p95: number };
}

async function call(base: string, url: string, init: RequestInit & { cookie?: string } = {}) {
  const response = await fetch(`${base}${url}`, {
    ...init,
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('coorie_session='))
    ?.split(';')[0];
  return { json: (await response.json()) as Record<string, unknown>, session };
}

async function devices(servers: ServerProcess[]): Promise<Device[]> {
  const all: Device[] = [];
  for (let o = 0; o < ORGANISATIONS; o++) {
    const email = `coordinator${o}@example.org`;
    const body = { organisation: `Bench ${o}`, name: `Coordinator ${o}`, email, password: PASSWORD, device: 'Setup' };
    const setUp = await call(servers[0]!.base, '/api/organisations', { method: 'POST', body: JSON.stringify(body) });
    const userId = (setUp.json.user as { id: string }).id;
    for (let d = 0; d < DEVICES_PER_ORGANISATION; d++) {
      const base = servers[all.length % servers.length]!.base;
      const signIn = { email, password: PASSWORD, device: `Tablet ${d}` };
      const { session } = await call(base, '/api/auth/sign-in', { method: 'POST', body: JSON.stringify(signIn) });
      all.push({ base, cookie: session ?? '', userId, node: `bench${o}d${d}x`, cursor: '' });
    }
  }
  return all;
}

/** CPU seconds a process has used (Linux /proc; 0 elsewhere). */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** The machine's busy CPU seconds, all cores together (Linux /proc/stat; 0 elsewhere). */
function machineBusySeconds(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return (ticks.slice(0, 8).reduce((sum, tick) => sum + tick, 0) - idle) / 100;
  } catch {
    return 0;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function run(processCount: number): Promise<Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coorie-bench-processes-'));
  const url = await createPgDatabase();
  const env = {
    DATA_DIR: dir,
    DATABASE_URL: url,
    OPEN_REGISTRATION: 'true',
    SYNC_RATE_LIMIT: '1000000',
    LOG_LEVEL: 'warn',
  };
  const servers: ServerProcess[] = [];
  try {
    const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
    for (let i = 0; i < processCount; i++) servers.push(await startServerProcess(env, nodeArgs));
    const all = await devices(servers);

    // Warm-up, untimed: a batch from every device and a pull, through every process.
    await Promise.all(
      all.map(async (device, d) => {
        const changes = makeParents(BATCH, device.userId, `${device.node}w`);
        const batch = { protocol: 1, deviceId: device.node, batchId: `warm-${d}`, changes };
        await call(device.base, '/api/sync/push', {
          method: 'POST',
          body: JSON.stringify(batch),
          cookie: device.cookie,
        });
        await call(device.base, '/api/sync/pull?limit=1000', { cookie: device.cookie });
      }),
    );
    // The bodies made before the clock starts, so that the load generator only sends them.
    const bodies = all.map((device, d) => {
      const changes = makeParents(BATCHES * BATCH, device.userId, device.node);
      return Array.from({ length: BATCHES }, (_, b) =>
        JSON.stringify({
          protocol: 1,
          deviceId: device.node,
          batchId: `d${d}-b${b}`,
          changes: changes.slice(b * BATCH, (b + 1) * BATCH),
        }),
      );
    });

    const cpuBefore = {
      bench: process.cpuUsage(),
      servers: servers.map((server) => processCpuSeconds(server.pid)),
      machine: machineBusySeconds(),
    };
    const pushStart = performance.now();
    await Promise.all(
      all.map(async (device, d) => {
        for (const body of bodies[d]!) {
          await call(device.base, '/api/sync/push', { method: 'POST', body, cookie: device.cookie });
        }
      }),
    );
    const pushSeconds = (performance.now() - pushStart) / 1000;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const pushCpu = {
      bench: (benchCpu.user + benchCpu.system) / 1e6 / pushSeconds,
      servers:
        servers.reduce((sum, server, i) => sum + processCpuSeconds(server.pid) - cpuBefore.servers[i]!, 0) /
        pushSeconds,
      machine: (machineBusySeconds() - cpuBefore.machine) / pushSeconds,
    };

    const pullStart = performance.now();
    const pulled = await Promise.all(
      all.map(async (device) => {
        let count = 0;
        for (;;) {
          const query = new URLSearchParams({ limit: '1000', ...(device.cursor ? { cursor: device.cursor } : {}) });
          const { json } = await call(device.base, `/api/sync/pull?${query.toString()}`, { cookie: device.cookie });
          count += (json.changes as unknown[]).length;
          device.cursor = json.cursor as string;
          if (!json.more) return count;
        }
      }),
    );
    const pullSeconds = (performance.now() - pullStart) / 1000;

    // A no-op sync: an empty push and a pull from an up-to-date cursor, what a device does when nothing changed.
    const latencies: number[] = [];
    await Promise.all(
      all.map(async (device, d) => {
        for (let round = 0; round < NO_OP_ROUNDS; round++) {
          const started = performance.now();
          const batch = { protocol: 1, deviceId: device.node, batchId: `noop-${d}-${round}`, changes: [] };
          await call(device.base, '/api/sync/push', {
            method: 'POST',
            body: JSON.stringify(batch),
            cookie: device.cookie,
          });
          const query = new URLSearchParams({ limit: '1000', cursor: device.cursor });
          await call(device.base, `/api/sync/pull?${query.toString()}`, { cookie: device.cookie });
          latencies.push(performance.now() - started);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return {
      processes: processCount,
      pushSeconds,
      pushCpu,
      pushedChanges: all.length * BATCHES * BATCH,
      pullSeconds,
      pulledChanges: pulled.reduce((sum, count) => sum + count, 0),
      noOp: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    };
  } finally {
    for (const server of servers) await server.stop();
    await dropPgDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU in cores (1.00: one core busy the whole time). */
const cores = (value: number) => value.toFixed(2);

export interface ProcessesBench {
  rows: {
    processes: number;
    'push changes/s': number;
    'pull changes/s': number;
    'no-op sync p50 ms': number;
    'no-op sync p95 ms': number;
    'push CPU: bench': string;
    'push CPU: servers': string;
    'push CPU: machine': string;
  }[];
  /** Two processes' push throughput over one process's. */
  ratio: number;
}

/**
 * One and two processes take turns, BENCH_ROUNDS times (default 2), and each keeps its best round: on a shared
 * machine, a neighbour's burst of work should not decide the comparison. Undefined without PostgreSQL.
 */
export async function benchProcesses(): Promise<ProcessesBench | undefined> {
  if (!process.env.TEST_DATABASE_URL) return undefined;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const best = new Map<number, Result>();
  for (let round = 0; round < rounds; round++) {
    for (const count of [1, 2]) {
      const result = await run(count);
      const kept = best.get(count);
      if (!kept || result.pushSeconds < kept.pushSeconds) best.set(count, result);
    }
  }
  const rows = [...best.values()].map((result) => ({
    processes: result.processes,
    'push changes/s': Math.round(result.pushedChanges / result.pushSeconds),
    'pull changes/s': Math.round(result.pulledChanges / result.pullSeconds),
    'no-op sync p50 ms': Math.round(result.noOp.p50),
    'no-op sync p95 ms': Math.round(result.noOp.p95),
    'push CPU: bench': cores(result.pushCpu.bench),
    'push CPU: servers': cores(result.pushCpu.servers),
    'push CPU: machine': cores(result.pushCpu.machine),
  }));
  const [one, two] = rows;
  return { rows, ratio: one && two ? two['push changes/s'] / one['push changes/s'] : 0 };
}

export function printProcesses(result: ProcessesBench | undefined): void {
  if (!result) {
    console.log('(vii) One and two server processes: skipped, it needs PostgreSQL (set TEST_DATABASE_URL).');
    return;
  }
  console.log('(vii) One and two server processes on PostgreSQL, 8 devices across 4 organisations:');
  console.table(result.rows);
  console.log('(push CPU: cores busy while pushing, for the load generator, the server processes, the whole machine)');
  const verdict = result.ratio >= 1.3 ? 'met' : 'NOT met';
  console.log(`Two processes push ${result.ratio.toFixed(2)}× one process's throughput (target ≥ 1.3): ${verdict}`);
}

// `npm run bench:processes` runs this file alone.
if (process.argv[1]?.endsWith(path.join('bench', 'processes.ts'))) printProcesses(await benchProcesses());
