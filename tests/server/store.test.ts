// @vitest-environment node
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latestMigration, migrateToLatest, migrateToNothing } from '../../src/server/store/index.ts';
import { migrations } from '../../src/server/store/migrations/index.ts';
import { Client } from './client.ts';
import { databases, useServer } from './helpers.ts';

const LATEST = Object.keys(migrations).at(-1);

describe.each(databases())('the store on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  it('migrates a fresh database, and health reports the database and the migration', async () => {
    expect(await latestMigration(server.store.db)).toBe(LATEST);
    const health = await new Client(server.app).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      database: database.name,
      migration: LATEST,
      epoch: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('keeps the SQLite file in DATA_DIR', () => {
    if (server.config.database.dialect === 'sqlite') expect(existsSync(server.config.database.file)).toBe(true);
    else expect(server.store.dialect).toBe('postgres');
  });

  it('undoes every migration and applies them again', async () => {
    await migrateToNothing(server.store.db);
    await expect(server.store.db.selectFrom('records').selectAll().execute()).rejects.toThrow();
    expect(await migrateToLatest(server.store.db)).toBe(LATEST);
    expect(await server.store.db.selectFrom('records').selectAll().execute()).toEqual([]);
  });

  it('migrating again changes nothing', async () => {
    expect(await migrateToLatest(server.store.db)).toBe(LATEST);
  });

  it('answers 503 from health, without details, when the database is gone', async () => {
    await server.store.db.destroy();
    const health = await new Client(server.app).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.error.code).toBe('database_unavailable');
  });
});
