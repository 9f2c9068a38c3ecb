// Opens the server database (SQLite by default, PostgreSQL with DATABASE_URL) behind one Kysely instance.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely';
import pg from 'pg';
import type { Database } from '../config.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Schema } from './schema.ts';

export type Dialect = Database['dialect'];

export interface Store {
  db: Kysely<Schema>;
  dialect: Dialect;
  close(): Promise<void>;
}

export function openStore(config: { database: Database }): Store {
  const { database } = config;
  if (database.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle connection dropped by the database (a restart, a failover) must not take the server down:
    // the pool opens a new one on next use.
    pool.on('error', (error) => console.warn('PostgreSQL dropped an idle connection:', error.message));
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SqliteDatabase(database.file);
  // WAL lets readers carry on while a push writes; the busy timeout covers a second process (a seed
  // script, say) holding the write lock for a moment.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Kysely's SQLite adapter reports a single connection, so its runtime driver holds a mutex around every
  // connection use: a transaction keeps the connection until it ends and queries never interleave with it.
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function migrator(db: Kysely<Schema>): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

/** Brings the schema up to date; returns the name of the latest applied migration. */
export async function migrateToLatest(db: Kysely<Schema>): Promise<string | undefined> {
  const { error } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
  return latestMigration(db);
}

/** Undoes every migration: for tests of the `down` steps. */
export async function migrateToNothing(db: Kysely<Schema>): Promise<void> {
  const { error } = await migrator(db).migrateTo(NO_MIGRATIONS);
  if (error) throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
}

/** The name of the latest migration applied to this database, if any. */
export async function latestMigration(db: Kysely<Schema>): Promise<string | undefined> {
  const row = await db
    .withTables<{ kysely_migration: { name: string } }>()
    .selectFrom('kysely_migration')
    .select('name')
    .orderBy('name', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.name;
}
