// Starts the real Coorie server (built app + API) on a free port with a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  dataDir: string;
  port: number;
  /**
   * With `movableClock`: sets the server's clock to run `shiftMs` ahead of the real time from now on (not added
   * to the shift before), and resolves once the server has taken it.
   */
  moveClock(shiftMs: number): Promise<void>;
  /** Sync pushes the server has answered with 200, from pages and service workers alike (its /metrics). */
  pushesAnswered(): Promise<number>;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
  /** Stops the server and keeps its data folder, to start it again on the same port and data (`at`). */
  halt(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server; `clockShiftMs` moves its clock (see shiftClock.mjs) so that a test can run the whole system
 * at a time of day of its choosing, the same one it gives the browser. `movableClock` lets the test move it again
 * while the server runs (moveClock), as it moves the browser's clock forward.
 */
export async function startServer(
  env: Record<string, string> = {},
  clockShiftMs = 0,
  { movableClock = false, at }: { movableClock?: boolean; at?: { port: number; dataDir: string } } = {},
): Promise<RunningServer> {
  const port = at?.port ?? (await freePort());
  const dataDir = at?.dataDir ?? mkdtempSync(join(tmpdir(), 'coorie-e2e-'));
  const clockFile = join(dataDir, 'clock-shift');
  const metricsToken = randomBytes(16).toString('hex');
  const shift = clockShiftMs === 0 && !movableClock ? [] : ['--import', './tests/e2e/shiftClock.mjs'];
  const child: ChildProcess = spawn(process.execPath, [...shift, '--import', 'tsx', 'src/server/main.ts'], {
    env: {
      E2E_CLOCK_SHIFT_MS: String(clockShiftMs),
      ...(movableClock ? { E2E_CLOCK_FILE: clockFile } : {}),
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
      DATABASE_URL: '',
      METRICS_TOKEN: metricsToken,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server stopped while starting:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (attempt === 299) throw new Error(`The server did not answer within 30 s:\n${output}`);
  }
  const halt = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  return {
    url,
    dataDir,
    port,
    halt,
    async pushesAnswered() {
      const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
      if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
      const line = /^coorie_sync_requests_total\{op="push",status="200"\} (\d+)$/m.exec(await response.text());
      return Number(line?.[1] ?? 0);
    },
    async moveClock(shiftMs: number) {
      if (!movableClock) throw new Error('startServer was not asked for a movable clock');
      const taken = `${clockFile}.taken`;
      rmSync(taken, { force: true });
      writeFileSync(clockFile, String(shiftMs));
      child.kill('SIGUSR2');
      for (let attempt = 0; attempt < 100; attempt++) {
        if (existsSync(taken) && readFileSync(taken, 'utf8') === String(shiftMs)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`The server did not take the new clock within 5 s:\n${output}`);
    },
    async stop() {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
