// Test harness for the server: every suite runs on a real SQLite file and, when TEST_DATABASE_URL is set,
// on a real PostgreSQL database made for this test file and dropped after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import { migrateToLatest, openStore, type Store } from '../../src/server/store/index.ts';
import { createPgDatabase, dropPgDatabase } from './pgDatabase.ts';
import { pushAgent } from './pushService.ts';

export { createPgDatabase, dropPgDatabase };

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
}

/** The databases to run every suite on: `describe.each(databases())('... on $name', ...)`. */
export function databases(): TestDatabase[] {
  return process.env.TEST_DATABASE_URL ? [{ name: 'sqlite' }, { name: 'postgres' }] : [{ name: 'sqlite' }];
}

// Generous: on a busy machine, creating a PostgreSQL database or closing a pool can take seconds.
const HOOK_TIMEOUT = 30_000;

// Scrypt at a 32nd of its real cost: the tests make hundreds of hashes, and what they check (which password
// matches, how failures are counted) does not depend on the cost.
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

const TABLES = [
  'publicity',
  'rate_limits',
  'scheduled_jobs',
  'push_alerts',
  'push_subscriptions',
  'push_keys',
  'seal_keys',
  'audit_log',
  'record_changes',
  'sight_changes',
  'invites',
  'invite_failures',
  'applied_batches',
  'records',
  'sign_in_failures',
  'trusted_devices',
  'device_sessions',
  'users',
  'organisations',
] as const;

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  config: Config;
  /** A temp folder of this test, for static files and the like. */
  dir: string;
}

/** The environment a real server process needs to start on this test's folder and database, plus `env`. */
export function realServerEnv(server: TestServer, env: Record<string, string> = {}): Record<string, string> {
  const { database } = server.config;
  return {
    DATA_DIR: server.dir,
    STATIC_DIR: path.join(server.dir, 'dist'),
    DATABASE_URL: database.dialect === 'postgres' ? database.url : '',
    ...env,
  };
}

/**
 * Gives each test a migrated, empty database and a built app. PostgreSQL: one database per file, emptied
 * before each test. SQLite: a new file per test.
 */
export function useServer(database: TestDatabase, env: Record<string, string> = {}): TestServer {
  const server = {} as TestServer;
  let root = '';
  let pgUrl = '';

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'coorie-server-'));
    if (database.name === 'postgres') pgUrl = await createPgDatabase();
  }, HOOK_TIMEOUT);

  beforeEach(async () => {
    server.dir = mkdtempSync(path.join(root, 'test-'));
    server.config = loadConfig({
      DATA_DIR: server.dir,
      STATIC_DIR: path.join(server.dir, 'dist'),
      BACKUP_DIR: path.join(server.dir, 'backups'),
      LOG_LEVEL: 'silent',
      // The stand-in push service (pushService.ts) listens here.
      PUSH_SERVICE_HOSTS: '127.0.0.1',
      ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
      ...env,
    });
    server.store = openStore(server.config);
    await migrateToLatest(server.store.db);
    if (database.name === 'postgres') {
      for (const table of TABLES) await server.store.db.deleteFrom(table).execute();
    }
    server.app = await buildApp({
      config: server.config,
      store: server.store,
      passwordCost: TEST_PASSWORD_COST,
      pushAgent: pushAgent(),
    });
  }, HOOK_TIMEOUT);

  afterEach(async () => {
    await server.app.close();
    await server.store.close();
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    if (pgUrl) await dropPgDatabase(pgUrl);
    rmSync(root, { recursive: true, force: true });
  }, HOOK_TIMEOUT);

  return server;
}
