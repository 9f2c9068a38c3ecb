// `npm run restore -- <file> [--yes]`: puts a backup in place of a stopped server's database and gives it a new
// epoch, so that every device sends again what the backup lacks (README, "Backups and restore"). It refuses while
// a server runs on the data folder (its coorie.pid names a live process) or, for PostgreSQL, while any Coorie
// server process is connected to the database. It says what it will replace and asks, unless given --yes.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { BackupError, describeRestore, restoreBackup, serverRunning } from '../src/server/backup.ts';
import { ConfigError, loadConfig } from '../src/server/config.ts';

const args = process.argv.slice(2);
const yes = args.includes('--yes') || args.includes('-y');
const files = args.filter((arg) => !arg.startsWith('-'));

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

try {
  const [given] = files;
  if (files.length !== 1 || given === undefined) {
    throw new BackupError('Name one backup file: npm run restore -- backups/coorie-2026-12-01T023000.sqlite');
  }
  const file = path.resolve(given);
  const config = loadConfig();
  const running = await serverRunning(config);
  if (running) throw new BackupError(`${running}. Stop every Coorie server process first, then restore.`);
  console.log(describeRestore(config, file));
  if (!yes && !(await confirm('Restore it now?'))) {
    console.log('Nothing was changed. (Run again with --yes to restore without being asked.)');
    process.exit(1);
  }
  const epoch = await restoreBackup(config, file);
  console.log(`Restored. The database's new epoch is ${epoch}: each device pulls everything again and sends`);
  console.log('what the backup lacks at its next sync. Start the server; it re-applies every erasure it recorded.');
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) {
    console.error(`Not restored: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
