// @vitest-environment node
// Purge reaching devices: a note taken back leaves a colleague's tablet on its next sync, with
// her unsent edit to it and anything the server refused about it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDraft } from '../../src/db/drafts.ts';
import { listRejected } from '../../src/db/rejected.ts';
import { saveRecord } from '../../src/db/records.ts';
import { syncOnce } from '../../src/engine/client.ts';
import { createOrganisation, deviceDb, PASSWORD, signInDevice, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('purges on devices', () => {
  it("removes a shared note taken back from a colleague's tablet, her unsent edit to it included", async () => {
    const organisation = await createOrganisation(server.url);
    const email = `isla-${crypto.randomUUID()}@example.org`;
    const added = await organisation.fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Isla', email, role: 'facilitator', password: PASSWORD }),
    });
    expect(added.status).toBe(201);
    const hallFetch = await signInDevice(server.url, email, 'Hall tablet');
    const office = deviceDb('office');
    const hall = deviceDb('hall');
    const sync = (db: typeof office, fetch = organisation.fetch) => syncOnce({ db, baseUrl: server.url, fetch });

    await saveRecord(office, 'attendee', 'p1', { displayName: 'Amy' });
    await saveRecord(office, 'note', 'n1', { attendeeId: 'p1', body: 'Amy laughed a lot today.', visibility: 'team' });
    await saveRecord(office, 'note', 'n2', { attendeeId: 'p1', body: 'Talked about sleep.', visibility: 'team' });
    expect(await sync(office)).toMatchObject({ status: 'synced' });
    expect(await sync(hall, hallFetch)).toMatchObject({ status: 'synced' });
    expect(await hall.records('note').get('n1')).toMatchObject({ body: 'Amy laughed a lot today.' });

    // Offline in the hall, Isla adds to the note; meanwhile its author takes it back.
    await saveRecord(hall, 'note', 'n1', { followUp: 'Ask about the baby group' });
    await saveDraft(hall, 'note:person:p1:', { body: 'half written' });
    await saveRecord(office, 'note', 'n1', { visibility: 'private' });
    expect(await sync(office)).toMatchObject({ status: 'synced' });

    expect(await sync(hall, hallFetch)).toMatchObject({ status: 'synced' });
    expect(await hall.records('note').get('n1')).toBeUndefined();
    expect(await hall.outbox.count()).toBe(0);
    expect(await listRejected(hall)).toEqual([]);
    // Only that note goes: the person, the other shared note and drafts about the person stay.
    expect(await hall.records('note').get('n2')).toMatchObject({ body: 'Talked about sleep.' });
    expect(await hall.records('attendee').get('p1')).toMatchObject({ displayName: 'Amy' });
    expect(await hall.drafts.count()).toBe(1);
  }, 60_000);
});
