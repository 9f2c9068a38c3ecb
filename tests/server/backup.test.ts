// @vitest-environment node
// Backups taken while the server writes, restored under a new epoch, and erasures that a restore cannot undo.
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import {
  backupName,
  dailyBackupIfDue,
  pidFile,
  pruneBackups,
  restoreBackup,
  serverRunning,
  takeBackup,
} from '../../src/server/backup.ts';
import { loadConfig } from '../../src/server/config.ts';
import { readErasures } from '../../src/server/people/erasureLedger.ts';
import { reapplyErasures } from '../../src/server/people/reapplyErasures.ts';
import { claimJob } from '../../src/server/jobs.ts';
import { readEpoch } from '../../src/server/store/epoch.ts';
import { migrateToLatest, openStore } from '../../src/server/store/index.ts';
import { change, Client, setUpOrganisation } from './client.ts';
import { databases, TEST_PASSWORD_COST, useServer, type TestServer } from './helpers.ts';
import { personChanges, pullAll, push } from './people.ts';
import { pushAgent } from './pushService.ts';

/** Stops the test's server, restores `file` and starts it again as main.ts would; clients follow it. */
async function restoreAndRestart(server: TestServer, file: string, clients: Client[]): Promise<Client[]> {
  await server.app.close();
  await server.store.close();
  await restoreBackup(server.config, file);
  return restart(server, clients);
}

/** Starts the test's stopped server again as main.ts would; clients follow it. */
async function restart(server: TestServer, clients: Client[]): Promise<Client[]> {
  server.store = openStore(server.config);
  await migrateToLatest(server.store.db);
  await reapplyErasures(server.store.db, server.config.erasureLedger);
  server.app = await buildApp({
    config: server.config,
    store: server.store,
    passwordCost: TEST_PASSWORD_COST,
    pushAgent: pushAgent(),
  });
  return clients.map((client) => {
    const next = new Client(server.app);
    next.cookie = client.cookie;
    return next;
  });
}

describe.each(databases())('backup and restore on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database, { BACKUP_KEEP: '3' });

  it('backs up while pushes are being written, and a restore brings back what was committed, under a new epoch', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const health = await coordinator.get('/api/health');
    const epoch = health.body.epoch as string;
    expect((await coordinator.get('/api/sync/pull')).body.epoch).toBe(epoch);
    await push(coordinator, [change('venue', 'v0', { name: 'Forres Town Hall' })]);

    // Pushes go on while the backup is taken: each is a transaction, so the backup holds whole ones only.
    let writing = true;
    let pushed = 0;
    const writer = (async () => {
      while (writing) {
        await push(coordinator, [change('venue', `w${pushed}`, { name: `Hall ${pushed}` })]);
        pushed++;
      }
    })();
    const backup = await takeBackup(server.config);
    writing = false;
    await writer;
    expect(pushed).toBeGreaterThan(0);
    expect(path.basename(backup.file)).toMatch(/^coorie-\d{4}-\d{2}-\d{2}T\d{6}\.(sqlite|pgdump)$/);
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);

    const [after] = await restoreAndRestart(server, backup.file, [coordinator]);
    if (!after) throw new Error('no client');
    const newEpoch = (await after.get('/api/health')).body.epoch as string;
    expect(newEpoch).not.toBe(epoch);
    const pulled = await after.get('/api/sync/pull?limit=1000');
    expect(pulled.body.epoch).toBe(newEpoch);
    const pushAnswer = await after.post('/api/sync/push', {
      protocol: 1,
      deviceId: 'testnode1',
      batchId: 'after-restore',
      changes: [],
    });
    expect(pushAnswer.body.epoch).toBe(newEpoch);
    // Every venue restored is whole, the first one among them; the writes after the backup are not there.
    const { records } = await pullAll(after);
    expect(records.get('venue/v0')?.values).toEqual({ name: 'Forres Town Hall' });
    const restored = [...records.keys()].filter((key) => key.startsWith('venue/w'));
    expect(restored.length).toBeLessThanOrEqual(pushed);
    for (const key of restored) expect(records.get(key)?.values.name).toMatch(/^Hall \d+$/);
  });

  it('keeps BACKUP_KEEP backups, deleting the oldest', async () => {
    await setUpOrganisation(server.app);
    const dir = server.config.backupDir;
    const start = Date.UTC(2026, 10, 1, 2, 30);
    for (let day = 0; day < 5; day++) {
      const { file } = await takeBackup(server.config, start + day * 86_400_000);
      utimesSync(file, (start + day * 86_400_000) / 1000, (start + day * 86_400_000) / 1000);
    }
    expect(pruneBackups(dir, 3)).toEqual([]);
    const kept = readdirSync(dir).sort();
    expect(kept).toEqual([
      backupName(server.store.dialect, start + 2 * 86_400_000),
      backupName(server.store.dialect, start + 3 * 86_400_000),
      backupName(server.store.dialect, start + 4 * 86_400_000),
    ]);
    expect(kept[0]).toMatch(/^coorie-2026-11-03T023000\./);
  });

  it('takes the daily backup once a day, after its time, whichever process asks', async () => {
    await setUpOrganisation(server.app);
    const config = { ...server.config, backupDailyAt: '02:30' };
    const claim = (job: string, slot: number) => claimJob(server.store.db, job, slot, Date.now());
    const before = Date.UTC(2026, 11, 2, 2, 29);
    expect(await dailyBackupIfDue(config, claim, before)).toBeUndefined();
    // Two processes' ticks at once: one takes it.
    const at = Date.UTC(2026, 11, 2, 2, 31);
    const ticks = await Promise.all([dailyBackupIfDue(config, claim, at), dailyBackupIfDue(config, claim, at)]);
    expect(ticks.filter(Boolean)).toHaveLength(1);
    expect(await dailyBackupIfDue(config, claim, at + 3_600_000)).toBeUndefined();
    expect(await dailyBackupIfDue(config, claim, at + 86_400_000)).toBeDefined();
    expect(readdirSync(config.backupDir)).toHaveLength(2);
  });

  it('refuses to restore while a server runs on the data folder', async () => {
    writeFileSync(pidFile(server.config), JSON.stringify({ pid: process.ppid, port: 8080 }));
    expect(await serverRunning(server.config)).toMatch(/is running on this data folder/);
    // A pid file left by a crash names a process that is gone.
    writeFileSync(pidFile(server.config), JSON.stringify({ pid: 2 ** 22 + 17, port: 8080 }));
    if (database.name === 'sqlite') expect(await serverRunning(server.config)).toBeUndefined();
    else expect(await serverRunning(server.config)).toMatch(/connection/); // this test's own server is connected
  });

  it('keeps erasures made after the backup: the ledger erases them again, and their records cannot come back', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, [...personChanges('a1'), ...personChanges('a2', 'Eilidh')]);
    const backup = await takeBackup(server.config);
    // After the backup: a1 erased, and a3 made and erased.
    await push(coordinator, personChanges('a3', 'Shona'));
    expect((await coordinator.post('/api/people/a1/erase')).status).toBe(200);
    expect((await coordinator.post('/api/people/a3/erase')).status).toBe(200);
    expect(readErasures(server.config.erasureLedger).map((entry) => entry.personId)).toEqual(['a1', 'a3']);

    const [after] = await restoreAndRestart(server, backup.file, [coordinator]);
    if (!after) throw new Error('no client');
    const { records } = await pullAll(after);
    expect(records.get('attendee/a1')?.values).toEqual({ deleted: true, erased: true });
    expect(records.get('note/n-a1')?.values).toEqual({ deleted: true, erased: true });
    expect(records.get('attendee/a3')?.values).toEqual({ deleted: true, erased: true });
    expect(records.get('attendee/a2')?.values.displayName).toBe('Eilidh');
    // A device that still held them pushes them again, as after any restore: refused, all of them.
    const again = [...personChanges('a1'), ...personChanges('a3', 'Shona')];
    const results = await push(after, again);
    expect(results.map((result) => result.code)).toEqual(Array(again.length).fill('erased'));
    // Re-applying again (the next start) finds nothing to do.
    expect(await reapplyErasures(server.store.db, server.config.erasureLedger)).toBe(0);
  });

  it('leaves the database as it was when a backup turns out damaged, and keeps nothing aside after a restore', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await push(coordinator, [change('venue', 'v1', { name: 'Forres Town Hall' })]);
    const backup = await takeBackup(server.config);
    await push(coordinator, [change('venue', 'v2', { name: 'Elgin Library' })]);
    const epoch = await readEpoch(server.store.db);
    // The backup cut short, as by a full disk while copying it: pg_dump's file loses the end of its last table's
    // data (after the tables it makes), SQLite's the second half of its pages.
    const bytes = readFileSync(backup.file);
    const damaged = path.join(server.dir, path.basename(backup.file));
    writeFileSync(damaged, bytes.subarray(0, database.name === 'postgres' ? bytes.length - 100 : bytes.length / 2));

    await server.app.close();
    await server.store.close();
    await expect(restoreBackup(server.config, damaged)).rejects.toThrow(/pg_restore failed|damaged|cannot be read/);
    // The server starts on the database as it was: the same epoch, and what was pushed after the backup.
    const [same] = await restart(server, [coordinator]);
    if (!same) throw new Error('no client');
    expect(await readEpoch(server.store.db)).toBe(epoch);
    const { records } = await pullAll(same);
    expect(records.get('venue/v2')?.values).toEqual({ name: 'Elgin Library' });

    // The whole backup restores, and no copy of the replaced database stays behind in it.
    const [after] = await restoreAndRestart(server, backup.file, [same]);
    if (!after) throw new Error('no client');
    expect((await pullAll(after)).records.has('venue/v2')).toBe(false);
    if (database.name === 'postgres') {
      const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_namespace`.execute(server.store.db);
      expect(rows.map((row) => row.name).filter((name) => !/^(pg_|information_schema$)/.test(name))).toEqual([
        'public',
      ]);
    }
  });

  it('says what to name: a file that is not a backup of this kind is refused', async () => {
    await setUpOrganisation(server.app);
    const wrong = path.join(server.dir, database.name === 'sqlite' ? 'x.pgdump' : 'x.sqlite');
    writeFileSync(wrong, 'not a backup');
    await expect(restoreBackup(server.config, wrong)).rejects.toThrow(/is not a (SQLite|PostgreSQL) backup/);
    if (database.name === 'sqlite') {
      const junk = path.join(server.dir, 'junk.sqlite');
      writeFileSync(junk, 'not a database at all, not at all');
      await expect(restoreBackup(server.config, junk)).rejects.toThrow(/cannot be read as a SQLite database/);
      expect(existsSync(server.config.database.dialect === 'sqlite' ? server.config.database.file : '')).toBe(true);
    }
    expect(await readEpoch(server.store.db)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the backup settings', () => {
  it('reads BACKUP_DIR, BACKUP_KEEP and BACKUP_DAILY_AT, and refuses a time that is not one', () => {
    const config = loadConfig({ BACKUP_DIR: '/srv/backups', BACKUP_KEEP: '30', BACKUP_DAILY_AT: '02:30' });
    expect(config).toMatchObject({ backupDir: '/srv/backups', backupKeep: 30, backupDailyAt: '02:30' });
    expect(loadConfig({}).backupDailyAt).toBeUndefined();
    expect(() => loadConfig({ BACKUP_DAILY_AT: '25:00' })).toThrow(/BACKUP_DAILY_AT: must be a time of day/);
  });
});
