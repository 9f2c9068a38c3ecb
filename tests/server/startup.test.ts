// @vitest-environment node
// Starting the real server (node --import tsx src/server/main.ts) where it cannot write: it must stop at
// once with one line naming the path and the cause, not a stack trace, and exit non-zero.
//
// Under root, file permissions stop nothing (root writes a 0555 folder), so the server is started as the
// unprivileged user `nobody` (uid 65534) there: the folder is then as read-only to it as to any service
// account. Nothing is skipped either way. PostgreSQL keeps no data folder, so these are SQLite's cases.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerOnce, type ServerRun } from './processes.ts';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Starts the server with `DATA_DIR` and waits for it to exit, or to say it runs (then stops it). */
function startServer(dataDir: string, staticDir: string, databaseUrl = ''): Promise<ServerRun> {
  return startServerOnce(
    // Only what the server needs: no DATABASE_URL from the test's own environment.
    { HOME: dataDir, DATA_DIR: dataDir, STATIC_DIR: staticDir, DATABASE_URL: databaseUrl },
    asRoot ? { uid: NOBODY, gid: NOBODY } : undefined,
  );
}

describe('starting where the server cannot write', { timeout: 60_000 }, () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'coorie-startup-'));
    // mkdtemp makes the folder 0700: `nobody` must be able to reach what is inside.
    chmodSync(root, 0o755);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const folder = (name: string, mode: number) => {
    const dir = path.join(root, name);
    mkdirSync(dir);
    chmodSync(dir, mode);
    return dir;
  };

  const expectOneLine = (run: ServerRun, ...parts: (string | RegExp)[]) => {
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    for (const part of parts) expect(lines[0]).toMatch(part);
  };

  it('starts in a folder it can write (the other cases fail for their cause, not for this harness)', async () => {
    const run = await startServer(folder('writable', 0o777), path.join(root, 'dist'));
    expect(run.stdout, run.stderr).toMatch(/Coorie is running at http:\/\/127\.0\.0\.1:\d+ \(sqlite/);
  });

  it('stops on a read-only data folder, naming it and saying permission is denied', async () => {
    const dir = folder('read-only', 0o555);
    const run = await startServer(dir, path.join(root, 'dist'));
    expectOneLine(run, /^Coorie cannot start: /, dir, /not writable: permission denied/);
  });

  it('stops on a read-only database file, naming it', async () => {
    const dir = folder('read-only-file', 0o777);
    const file = path.join(dir, 'coorie.db');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    const run = await startServer(dir, path.join(root, 'dist'));
    expectOneLine(run, file, /not writable: permission denied/);
  });

  it('stops on a data folder that is a file, or a database file that is a folder', async () => {
    const notAFolder = path.join(root, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    expectOneLine(await startServer(notAFolder, path.join(root, 'dist')), notAFolder, /not a folder/);
    const dir = folder('db-is-a-folder', 0o777);
    mkdirSync(path.join(dir, 'coorie.db'));
    chmodSync(path.join(dir, 'coorie.db'), 0o777);
    expectOneLine(await startServer(dir, path.join(root, 'dist')), path.join(dir, 'coorie.db'), /a folder/);
  });

  it('stops on a database file that is not a database, naming it', async () => {
    const dir = folder('garbage', 0o777);
    const file = path.join(dir, 'coorie.db');
    writeFileSync(file, 'x'.repeat(4096));
    chmodSync(file, 0o666);
    expectOneLine(await startServer(dir, path.join(root, 'dist')), file, /cannot be opened/);
  });

  it('stops when PostgreSQL does not answer, naming it without its password', async () => {
    const url = 'postgres://coorie:secret@127.0.0.1:1/coorie';
    const run = await startServer(folder('postgres', 0o777), path.join(root, 'dist'), url);
    expectOneLine(run, 'PostgreSQL at 127.0.0.1:1/coorie', /nothing answers there \(ECONNREFUSED\)/);
    expect(run.stderr).not.toMatch(/secret/);
  });
});
