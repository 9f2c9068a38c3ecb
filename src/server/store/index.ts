// Opens the server database (SQLite by default, PostgreSQL with DATABASE_URL) behind one Kysely instance.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
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
    // Named, so that a restore can see that a server is still connected (backup.ts, serverRunning).
    const pool = new pg.Pool({ connectionString: database.url, max: 10, application_name: 'coorie' });
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
  const db = new Kysely<Schema>({ dialect: new SqliteKeepingCause(sqlite) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL among them). Kysely then sends its
 * own ROLLBACK, which fails with "no transaction is active" and hides the real cause from the error handler,
 * so a full disk would answer 500 instead of 507. This driver rolls back only a transaction still open.
 */
class SqliteKeepingCause extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const { sqlite } = this;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: sqlite });
  }
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
