// Checks, before the server opens its database, that it can write where it must. SQLite opens a file it
// cannot write read-only without a word, so a read-only data folder or database file would otherwise give a
// server that starts and then fails every write; this stops it at start with one line naming the path.
import { closeSync, existsSync, mkdirSync, openSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './config.ts';

/** A reason the server cannot start, in one line for whoever started it: no stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'a part of the path does not exist',
  ECONNREFUSED: 'nothing answers there',
  ENOTFOUND: 'the host is unknown',
  EADDRINUSE: 'the port is in use',
};

/** The cause of a file system error in a few words, such as "permission denied". */
export function describeCause(error: unknown): string {
  // A connection tried on several addresses fails as an AggregateError with the code of its last attempt.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && CAUSES[code] !== undefined) return `${CAUSES[code]} (${code})`;
  return error instanceof Error ? error.message.split('\n')[0] || error.name : String(error);
}

/** Throws a StartupError when the SQLite data folder or database file cannot be written. */
export function checkDataFolder(database: Database): void {
  if (database.dialect !== 'sqlite') return;
  const folder = path.dirname(database.file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StartupError(`the data folder ${folder} cannot be made: ${describeCause(error)}.`);
  }
  if (!statSync(folder).isDirectory()) {
    throw new StartupError(`the data folder ${folder} is a file, not a folder.`);
  }
  // Writing a file is the only test that holds everywhere: access() says yes to root on a read-only mount's
  // permissions, and no to nothing that a real write would refuse.
  const probe = path.join(folder, `.coorie-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (error) {
    throw new StartupError(`the data folder ${folder} is not writable: ${describeCause(error)}.`);
  }
  // SQLite writes the database, its write-ahead log and its shared memory file.
  for (const file of [database.file, `${database.file}-wal`, `${database.file}-shm`]) {
    if (!existsSync(file)) continue;
    try {
      closeSync(openSync(file, 'r+'));
    } catch (error) {
      throw new StartupError(`the database file ${file} is not writable: ${describeCause(error)}.`);
    }
  }
}

/** Where the database is, for a message: the file, or PostgreSQL's host and database without the password. */
export function describeDatabase(database: Database): string {
  if (database.dialect === 'sqlite') return database.file;
  try {
    const url = new URL(database.url);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
