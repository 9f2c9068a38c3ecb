// The real server for sync tests: in this process over real HTTP, or as its own process (to kill it), plus
// devices that each keep their own cookie and their own IndexedDB database, as separate tablets would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { migrateToLatest, openStore, type Store } from '../../src/server/store/index.ts';
import { CoorieDb } from '../../src/db/database.ts';
import type { FetchLike } from '../../src/engine/transport.ts';
import { freePort } from '../e2e/server.ts';
import { createPgDatabase, dropPgDatabase } from '../server/helpers.ts';

export const PASSWORD = 'a long test password';

export interface TestServer {
  url: string;
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

/** The real app on a free port; on PostgreSQL (a database made for it) when asked, else a temp SQLite file. */
export async function startTestServer(options: { postgres?: boolean } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coorie-sync-'));
  const pgUrl = options.postgres ? await createPgDatabase() : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    STATIC_DIR: path.join(dataDir, 'dist'),
    LOG_LEVEL: 'silent',
    OPEN_REGISTRATION: 'true',
    // The property tests sync far faster than a device would: lift the per-session sync rate limit.
    SYNC_RATE_LIMIT: '1000000',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
  });
  const store = openStore(config);
  await migrateToLatest(store.db);
  const app = await buildApp({ config, store });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    store,
    dataDir,
    async close() {
      await app.close();
      await store.close();
      if (pgUrl) await dropPgDatabase(pgUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SpawnedServer {
  url: string;
  /** Ends the process at once, as a power cut or an out-of-memory kill would. */
  kill(): Promise<void>;
}

/** `src/server/main.ts` as its own process, on the SQLite file in `dataDir`. */
export async function spawnServer(dataDir: string, port: number): Promise<SpawnedServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: path.join(dataDir, 'dist'),
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      OPEN_REGISTRATION: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (output.includes('Coorie is running')) done(resolve);
    };
    const onExit = () => done(() => reject(new Error(`The server stopped while starting:\n${output}`)));
    const done = (settle: () => void) => {
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
  return {
    url,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export { freePort };

/** A fetch that keeps the session cookie like a browser does for its own origin. */
export function cookieFetch(): FetchLike & { cookie?: string } {
  const jarFetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (jarFetch.cookie) headers.set('cookie', jarFetch.cookie);
    const response = await fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name, value = ''] = pair.split('=');
      if (name === 'coorie_session') jarFetch.cookie = value ? `coorie_session=${value}` : undefined;
    }
    return response;
  };
  jarFetch.cookie = undefined as string | undefined;
  return jarFetch;
}

async function postJson(fetcher: FetchLike, url: string, body: unknown): Promise<Response> {
  const response = await fetcher(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response;
}

export interface Organisation {
  email: string;
  /** The first coordinator's device, signed in by the setup itself. */
  fetch: FetchLike;
}

/** A new organisation with its first coordinator (the server runs with OPEN_REGISTRATION). */
export async function createOrganisation(serverUrl: string, name = 'Moray peer support'): Promise<Organisation> {
  const email = `coordinator-${crypto.randomUUID()}@example.org`;
  const fetcher = cookieFetch();
  await postJson(fetcher, `${serverUrl}/api/organisations`, {
    organisation: name,
    name: 'Morag',
    email,
    password: PASSWORD,
    device: 'Office laptop',
  });
  return { email, fetch: fetcher };
}

/** Another device signed in as the same person: its own cookie, its own device session. */
export async function signInDevice(serverUrl: string, email: string, device: string): Promise<FetchLike> {
  const fetcher = cookieFetch();
  await postJson(fetcher, `${serverUrl}/api/auth/sign-in`, { email, password: PASSWORD, device });
  return fetcher;
}

/** A fresh device database (fake-indexeddb must be loaded), uniquely named so that tests never share one. */
export function deviceDb(label: string): CoorieDb {
  return new CoorieDb(`device-${label}-${crypto.randomUUID()}`);
}
