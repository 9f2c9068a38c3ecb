// Real server processes (`src/server/main.ts`, as `npm start` runs it) for the tests of several processes on
// one database: each on a port of its own, logging JSON lines that the tests read.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ServerProcess {
  base: string;
  /** The process id, to read its CPU time from /proc. */
  pid: number | undefined;
  /** The address of its /metrics, when it was started with METRICS_PORT. */
  metrics: string | undefined;
  /** Every JSON log line the process wrote so far. */
  logs: Record<string, unknown>[];
  /** SIGTERM, then waits for the process to close its database and exit. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Starts one server process on `env` (DATA_DIR, or DATABASE_URL, and the rest) and waits until it listens.
 * `nodeArgs` go to Node before the script (say `--cpu-prof`, which NODE_OPTIONS does not take).
 */
export async function startServerProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      STATIC_DIR: path.join(env.DATA_DIR ?? '.', 'no-dist'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let output = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      output += `${line}\n`;
      if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const wantsMetrics = env.METRICS_PORT !== undefined && env.METRICS_PORT !== '';
  const [base, metrics] = await new Promise<[string, string | undefined]>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start in time:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const found = /Coorie is running at (http:\/\/\S+)/.exec(output);
      const metricsAt = /Coorie's metrics are at (http:\/\/\S+)/.exec(output);
      if (found?.[1] && (!wantsMetrics || metricsAt?.[1])) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve([found[1], metricsAt?.[1]]);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The server stopped while starting:\n${output}`));
    });
  });

  return {
    base,
    pid: child.pid,
    metrics,
    logs,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** How one start of the real server ended, and what it wrote. */
export interface ServerRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the real server once and waits for it to exit (a server that cannot start), or to say it runs (then
 * stops it), with only `env` and PATH in its environment. What it wrote is kept for the test to read.
 * `user` runs it as another user (uid and gid), for the tests that need file permissions to stop it.
 */
export function startServerOnce(env: Record<string, string>, user?: { uid: number; gid: number }): Promise<ServerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
      ...user,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('Coorie is running at')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
