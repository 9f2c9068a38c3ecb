// Backups and restore (README, "Backups and restore"): a consistent copy of the database taken while the server
// runs, and putting one back into a stopped server's place under a new epoch.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { TZDate } from '@date-fns/tz';
import SqliteDatabase from 'better-sqlite3';
import { format } from 'date-fns';
import pg from 'pg';
import type { Config } from './config.ts';
import { renewEpoch } from './store/epoch.ts';
import { migrateToLatest, openStore } from './store/index.ts';

const run = promisify(execFile);

/** Something a backup or restore cannot do, in words for whoever ran it. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const PATTERN = /^coorie-\d{4}-\d{2}-\d{2}T\d{6}(-\d+)?\.(sqlite|pgdump)$/;

/** The name of a backup taken at `now`: coorie-2026-12-02T023000.sqlite, London time. */
export function backupName(dialect: Config['database']['dialect'], now: number): string {
  const stamp = format(new TZDate(now, 'Europe/London'), "yyyy-MM-dd'T'HHmmss");
  return `coorie-${stamp}.${dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`;
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** Older backups deleted to keep BACKUP_KEEP. */
  deleted: string[];
}

/**
 * Writes a consistent backup of the database into BACKUP_DIR while the server may be running and writing:
 * SQLite's online backup API, or pg_dump (its own snapshot) for PostgreSQL. The file appears under its name
 * only once complete, readable by its owner alone, and the oldest backups beyond BACKUP_KEEP are deleted.
 */
export async function takeBackup(config: Config, now: number = Date.now()): Promise<BackupResult> {
  const { database, backupDir } = config;
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  let file = path.join(backupDir, backupName(database.dialect, now));
  for (let n = 2; existsSync(file); n++) file = file.replace(/(-\d+)?\.(\w+)$/, `-${n}.$2`);
  const partial = `${file}.partial`;
  try {
    if (database.dialect === 'sqlite') {
      if (!existsSync(database.file)) throw new BackupError(`There is no database at ${database.file} to back up.`);
      const sqlite = new SqliteDatabase(database.file, { fileMustExist: true });
      try {
        sqlite.pragma('busy_timeout = 5000');
        await sqlite.backup(partial);
      } finally {
        sqlite.close();
      }
      // One self-contained file: the copy would otherwise be in WAL mode, and grow -wal and -shm files when read.
      const copy = new SqliteDatabase(partial, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    } else {
      await pgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${database.url}`]);
    }
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { file, bytes: statSync(file).size, deleted: pruneBackups(backupDir, config.backupKeep) };
}

/** Deletes the oldest backups beyond `keep`; returns their paths. */
export function pruneBackups(backupDir: string, keep: number): string[] {
  const backups = readdirSync(backupDir)
    .filter((name) => PATTERN.test(name))
    .map((name) => ({ file: path.join(backupDir, name), at: statSync(path.join(backupDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at || b.file.localeCompare(a.file));
  const old = backups.slice(keep).map((backup) => backup.file);
  for (const file of old) unlinkSync(file);
  return old;
}

/** Runs one of PostgreSQL's client tools, saying what to do when it is missing. */
async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError(
        `${tool} was not found. Install PostgreSQL's client tools of the server's major version (on Debian or ` +
          `Ubuntu: apt-get install postgresql-client), or use your database provider's backups instead.`,
      );
    }
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${tool} failed: ${stderr || (error as Error).message}`);
  }
}

// ---- Is the server running? ----

/** The file a running server keeps in DATA_DIR: its process id and port. */
export const pidFile = (config: Config) => path.join(config.dataDir, 'coorie.pid');

/** Written by main.ts once the server listens; removed when it closes. */
export function writePidFile(config: Config): void {
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(pidFile(config), JSON.stringify({ pid: process.pid, port: config.port }));
}

export function removePidFile(config: Config): void {
  try {
    const held = JSON.parse(readFileSync(pidFile(config), 'utf8')) as { pid?: number };
    if (held.pid === process.pid) unlinkSync(pidFile(config));
  } catch {
    // Gone already.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PostgreSQL's name for the server's connections (store/index.ts), by which a restore finds them. */
export const PG_APPLICATION_NAME = 'coorie';

/**
 * Why the server looks to be running, or undefined: a live process named in DATA_DIR's coorie.pid (a pid file
 * left by a crash names a process that is gone), and for PostgreSQL any connection to the database from a
 * Coorie server, wherever it runs.
 */
export async function serverRunning(config: Config): Promise<string | undefined> {
  if (existsSync(pidFile(config))) {
    try {
      const held = JSON.parse(readFileSync(pidFile(config), 'utf8')) as { pid?: number; port?: number };
      if (typeof held.pid === 'number' && held.pid !== process.pid && alive(held.pid)) {
        return `a Coorie server (process ${held.pid}, port ${held.port ?? '?'}) is running on this data folder`;
      }
    } catch {
      // An unreadable pid file names nobody.
    }
  }
  if (config.database.dialect === 'postgres') {
    const client = new pg.Client({ connectionString: config.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()`,
        [PG_APPLICATION_NAME],
      );
      const count = Number(rows[0]?.count ?? 0);
      if (count > 0) return `${count} connection(s) from Coorie server processes are open to the database`;
    } finally {
      await client.end();
    }
  }
  return undefined;
}

// ---- The daily backup ----

/**
 * Takes the daily backup if it is due at `now` (BACKUP_DAILY_AT, London time, has passed today) and no process has
 * claimed today's yet: the claim is a row in the database, so with several server processes one of them takes
 * it. Returns the backup taken, if any. main.ts calls it every minute.
 */
export async function dailyBackupIfDue(
  config: Config,
  claim: (job: string, slot: number) => Promise<boolean>,
  now: number = Date.now(),
): Promise<BackupResult | undefined> {
  if (!config.backupDailyAt) return undefined;
  const london = new TZDate(now, 'Europe/London');
  if (format(london, 'HH:mm') < config.backupDailyAt) return undefined;
  // The slot is the London date, counted in days from 1970-01-01 (jobs.ts claims each slot once).
  const day = Date.UTC(london.getFullYear(), london.getMonth(), london.getDate()) / 86_400_000;
  if (!(await claim('daily-backup', day))) return undefined;
  return takeBackup(config, now);
}

// ---- Restore ----

/** What a restore of `file` would replace, in a sentence. */
export function describeRestore(config: Config, file: string): string {
  const at = statSync(file).mtime.toISOString();
  const target =
    config.database.dialect === 'sqlite'
      ? `the SQLite database ${config.database.file} (kept beside it as coorie.db.before-restore-…)`
      : `everything in the PostgreSQL database ${describePg(config.database.url)}`;
  return `This replaces ${target} with the backup ${file} (written ${at}). Changes made since that backup stay only on the devices that made or received them; they send them again at their next sync.`;
}

function describePg(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname.slice(1)} on ${parsed.host}`;
}

/**
 * Puts a backup in the database's place and gives the database a new epoch, so that every device pulls from
 * the start and sends again what the backup lacks. The server must be stopped (see serverRunning). Returns the
 * new epoch.
 */
export async function restoreBackup(config: Config, file: string, now: number = Date.now()): Promise<string> {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}.`);
  const { database } = config;
  if (database.dialect === 'sqlite') {
    if (!file.endsWith('.sqlite')) throw new BackupError(`${file} is not a SQLite backup (coorie-….sqlite).`);
    checkSqliteBackup(file);
    mkdirSync(path.dirname(database.file), { recursive: true });
    const incoming = `${database.file}.restoring`;
    copyFileSync(file, incoming);
    chmodSync(incoming, 0o600);
    if (existsSync(database.file)) {
      const kept = `${database.file}.before-restore-${format(new TZDate(now, 'Europe/London'), "yyyy-MM-dd'T'HHmmss")}`;
      renameSync(database.file, kept);
      // The old database's write-ahead log belongs to it, not to the backup.
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(database.file + suffix)) renameSync(database.file + suffix, kept + suffix);
      }
    }
    renameSync(incoming, database.file);
  } else {
    if (!file.endsWith('.pgdump')) throw new BackupError(`${file} is not a PostgreSQL backup (coorie-….pgdump).`);
    await restorePg(database.url, file, now);
  }
  // A backup from before a migration is brought up to date, as the server would at start.
  const store = openStore(config);
  try {
    await migrateToLatest(store.db);
    return await renewEpoch(store.db);
  } finally {
    await store.close();
  }
}

/**
 * Replaces the `public` schema with the backup's. The old schema is set aside under another name until the backup
 * is in whole (pg_restore in one transaction), and put back if it cannot be: a damaged or truncated backup, or a
 * pg_restore older than the pg_dump that wrote it, leaves the database as it was.
 */
async function restorePg(url: string, file: string, now: number): Promise<void> {
  const aside = `coorie_before_restore_${now}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`ALTER SCHEMA public RENAME TO ${aside}`);
    await client.query('CREATE SCHEMA public');
    await client.query('COMMIT');
    try {
      await pgTool('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file]);
    } catch (error) {
      await client.query('BEGIN');
      await client.query('DROP SCHEMA public CASCADE');
      await client.query(`ALTER SCHEMA ${aside} RENAME TO public`);
      await client.query('COMMIT');
      throw error;
    }
    await client.query(`DROP SCHEMA ${aside} CASCADE`);
  } finally {
    await client.end();
  }
}

function checkSqliteBackup(file: string): void {
  let sqlite: SqliteDatabase.Database | undefined;
  try {
    sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The backup ${file} is damaged: ${String(check)}.`);
    const migrated = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'kysely_migration'").get();
    if (migrated === undefined) throw new BackupError(`${file} is not a Coorie database.`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a SQLite database: ${(error as Error).message}`);
  } finally {
    sqlite?.close();
  }
}
