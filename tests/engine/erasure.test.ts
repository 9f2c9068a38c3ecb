// @vitest-environment node
// Erasure reaching devices: a tablet that was offline when a coordinator erased a parent purges
// them on its next sync, unsent edits included, and cannot bring them back.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDraft } from '../../src/db/drafts.ts';
import { listRejected } from '../../src/db/rejected.ts';
import { saveRecord } from '../../src/db/records.ts';
import { syncOnce } from '../../src/engine/client.ts';
import { createOrganisation, deviceDb, signInDevice, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('erasure on devices', () => {
  it('purges an erased parent from a tablet that was offline, drops its unsent edits and refuses to resurrect them', async () => {
    const organisation = await createOrganisation(server.url);
    const office = deviceDb('office');
    const hallFetch = await signInDevice(server.url, organisation.email, 'Hall tablet');
    const hall = deviceDb('hall');
    const sync = (db: typeof office, fetch = organisation.fetch) => syncOnce({ db, baseUrl: server.url, fetch });

    await saveRecord(hall, 'attendee', 'p1', { displayName: 'Amy', cake: 'Carrot cake' });
    await saveRecord(hall, 'checkIn', 's1:p1', { sessionId: 's1', attendeeId: 'p1', present: true });
    await saveRecord(hall, 'attendee', 'p2', { displayName: 'Bea' });
    expect(await sync(hall, hallFetch)).toMatchObject({ status: 'synced' });
    expect(await sync(office)).toMatchObject({ status: 'synced' });

    // The hall tablet goes offline and keeps writing about Amy; meanwhile the coordinator erases her.
    await saveRecord(hall, 'note', 'n1', { attendeeId: 'p1', body: 'Seemed brighter today.' });
    await saveRecord(hall, 'attendee', 'p1', { cake: 'Lemon drizzle' });
    await saveDraft(hall, 'person:p1:edit', { displayName: 'Amy', cake: 'Lemon dri' });
    await saveDraft(hall, 'person:p2:edit', { displayName: 'Bea' });
    const erase = await organisation.fetch(`${server.url}/api/people/p1/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(erase.status).toBe(200);

    // Back in signal: the office and the hall both forget Amy entirely; Bea stays.
    expect(await sync(office)).toMatchObject({ status: 'synced' });
    expect(await office.records('attendee').get('p1')).toBeUndefined();
    expect(await office.records('checkIn').get('s1:p1')).toBeUndefined();
    expect(await sync(hall, hallFetch)).toMatchObject({ status: 'synced' });
    expect(await hall.records('attendee').get('p1')).toBeUndefined();
    expect(await hall.records('note').get('n1')).toBeUndefined();
    expect(await hall.records('attendee').get('p2')).toMatchObject({ displayName: 'Bea' });
    expect(await hall.outbox.count()).toBe(0);
    expect(await listRejected(hall)).toEqual([]);
    expect((await hall.drafts.toArray()).map((draft) => draft.key)).toEqual(['person:p2:edit']);

    // Nothing about her comes back to anyone.
    const fresh = deviceDb('fresh');
    expect(await sync(fresh)).toMatchObject({ status: 'synced' });
    expect(await fresh.records('attendee').get('p1')).toBeUndefined();
    expect(await fresh.records('note').get('n1')).toBeUndefined();
  }, 60_000);
});
