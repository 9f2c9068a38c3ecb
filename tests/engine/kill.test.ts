// @vitest-environment node
// The server process killed (SIGKILL) in the middle of pushes and restarted on the same SQLite file:
// nothing the tablet wrote is lost, nothing is stored twice, and the other tablet ends with the same data.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { getMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { syncOnce } from '../../src/engine/client.ts';
import type { FetchLike } from '../../src/engine/transport.ts';
import { createOrganisation, deviceDb, freePort, signInDevice, spawnServer, type SpawnedServer } from './harness.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'coorie-kill-'));
let running: SpawnedServer | undefined;
afterAll(async () => {
  await running?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server killed mid-push', () => {
  it('loses nothing and doubles nothing once restarted', { timeout: 120_000 }, async () => {
    const port = await freePort();
    running = await spawnServer(dataDir, port);
    const { url } = running;
    const organisation = await createOrganisation(url);
    const otherFetch = await signInDevice(url, organisation.email, 'Hall tablet 2');
    const a = deviceDb('a');

    await saveRecord(a, 'attendee', 'p0', { displayName: 'Amy' });
    let notes = 0;
    // Long notes, so that a few dozen fill a push to its byte limit: every sync below needs a second push,
    // which is where the kill lands.
    const writeNotes = (count: number) =>
      a.transaction('rw', a.allTables(), async () => {
        for (const end = notes + count; notes < end; notes++) {
          await saveRecord(a, 'note', `n${notes}`, {
            attendeeId: 'p0',
            body: `Note ${notes}. ${'Slept well. '.repeat(1_500)}`,
          });
        }
      });
    await writeNotes(100);

    // Each round kills the server during the second push of a sync, a little later each time, so the kill
    // lands before, during or after the server's transaction; each case must come out the same.
    for (const [round, delayMs] of [0, 40, 120].entries()) {
      if (round > 0) await writeNotes(60);
      let pushes = 0;
      const killing: FetchLike = async (target, init) => {
        if (!target.includes('/api/sync/push') || ++pushes !== 2) return organisation.fetch(target, init);
        const answer = organisation.fetch(target, init);
        answer.catch(() => {}); // Awaited below; this only keeps a failure during the wait from going unhandled.
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        await running?.kill();
        return answer;
      };
      expect(await syncOnce({ db: a, baseUrl: url, fetch: killing })).toMatchObject({ status: 'offline' });
      // Work goes on while the server is down.
      await saveRecord(a, 'session', `s${round}`, {
        title: `Written while the server was down ${round}`,
        startsAt: '2026-11-24T10:00:00Z',
      });
      await saveRecord(a, 'attendee', 'p0', { cake: `Round ${round} cake` });
      running = await spawnServer(dataDir, port);
    }

    const expected = notes + 1 + 3;
    expect(await syncOnce({ db: a, baseUrl: url, fetch: organisation.fetch })).toMatchObject({ status: 'synced' });
    expect(await a.outbox.count()).toBe(0);
    expect(await getMeta(a, 'pendingBatches')).toBeUndefined();

    const b = deviceDb('b');
    const pulled = await syncOnce({ db: b, baseUrl: url, fetch: otherFetch });
    // Each record once: the server numbered no record twice, and pulls send each record once.
    expect(pulled).toMatchObject({ status: 'synced', pulled: expected });
    for (const kind of ['attendee', 'session', 'note'] as const) {
      expect(await b.records(kind).toArray()).toEqual(await a.records(kind).toArray());
    }
    expect((await b.records('attendee').get('p0'))?.cake).toBe('Round 2 cake');
    expect(await b.records('note').count()).toBe(220);
    expect((await b.records('note').get('n219'))?.body).toMatch(/^Note 219\. Slept well/);

    await running.kill();
    const file = new Database(path.join(dataDir, 'coorie.db'), { readonly: true });
    try {
      const { count } = file.prepare('SELECT count(*) AS count FROM records').get() as { count: number };
      expect(count).toBe(expected);
    } finally {
      file.close();
    }
    await Promise.all([a.delete(), b.delete()]);
  });
});
