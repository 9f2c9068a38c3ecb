// @vitest-environment node
// A full disk during a push: a coded answer, nothing half-applied, and the same batch goes
// through once there is room again.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/index.ts';
import { change, pushBody, setUpOrganisation, uniqueEmail, type Answer } from './client.ts';
import { databases, useServer, type TestDatabase } from './helpers.ts';

/**
 * Makes the database refuse to grow, for real where the database allows it. SQLite: `max_page_count` at
 * the file's present size, so SQLite itself answers SQLITE_FULL. PostgreSQL cannot be given a small disk
 * from a test, so a trigger raises the very error (SQLSTATE 53100, disk_full) a full disk does.
 */
async function fillDisk(database: TestDatabase, store: Store, table = 'records'): Promise<() => Promise<void>> {
  const { db } = store;
  if (database.name === 'sqlite') {
    const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(db);
    await sql.raw(`PRAGMA max_page_count = ${rows[0]?.page_count ?? 1}`).execute(db);
    return async () => {
      await sql.raw('PRAGMA max_page_count = 1073741823').execute(db);
    };
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION coorie_test_disk_full() RETURNS trigger AS $$ BEGIN
         RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full';
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER coorie_test_disk_full BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION coorie_test_disk_full()`,
    )
    .execute(db);
  return async () => {
    await sql.raw(`DROP TRIGGER coorie_test_disk_full ON ${table}`).execute(db);
  };
}

describe.each(databases())('a full disk during a push on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  it('answers 507 storage_full, applies nothing, and takes the same batch once there is room', async () => {
    const client = await setUpOrganisation(server.app);
    const changes = Array.from({ length: 200 }, (_, i) =>
      change('session', `s${i}`, {
        title: `Drop-in ${i}`,
        startsAt: '2026-11-24T10:00:00Z',
        reflection: 'x'.repeat(2000),
      }),
    );
    const batch = pushBody(changes, 'when-full');
    const makeRoom = await fillDisk(database, server.store);

    const full = await client.post('/api/sync/push', batch);
    expect(full.status).toBe(507);
    expect(full.body).toEqual({
      error: { code: 'storage_full', message: 'The server is full; your changes are kept and will be sent later.' },
    });
    expect(await server.store.db.selectFrom('records').select('id').execute()).toEqual([]);

    await makeRoom();
    const later = await client.post('/api/sync/push', batch);
    expect(later.status).toBe(200);
    expect(new Set(later.body.results.map((result: { status: string }) => result.status))).toEqual(
      new Set(['applied']),
    );
    expect(await server.store.db.selectFrom('records').select('id').execute()).toHaveLength(200);
  });
});

describe.each(databases())('a full disk on a write other than a push, on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database);

  it('answers 507 storage_full in the one error shape, keeps nothing of the refused write, and recovers', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const invite = () =>
      coordinator.post('/api/invites', { name: 'Isla', email: uniqueEmail('isla'), role: 'facilitator' });
    const makeRoom = await fillDisk(database, server.store, 'invites');

    // On SQLite the pages already there still hold some room, so the first invitations may fit; the disk is
    // full for real once that room is used up. PostgreSQL refuses the first.
    const answers: Answer[] = [];
    for (let i = 0; i < 300 && answers.at(-1)?.status !== 507; i++) answers.push(await invite());
    const full = answers.at(-1);
    expect(answers.slice(0, -1).every((answer) => answer.status === 201)).toBe(true);
    expect(full?.status).toBe(507);
    expect(full?.body).toEqual({
      error: { code: 'storage_full', message: 'The server is full, so nothing was saved. Please try again later.' },
    });

    // Nothing of the refused invitation is kept, neither the invitation nor its audit entry.
    const made = answers.length - 1;
    const { db } = server.store;
    expect(await db.selectFrom('invites').select('id').execute()).toHaveLength(made);
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'invite_created').execute()).toHaveLength(
      made,
    );
    // Reading still works on a full disk.
    expect((await coordinator.get('/api/users')).status).toBe(200);

    await makeRoom();
    expect((await invite()).status).toBe(201);
  });
});
