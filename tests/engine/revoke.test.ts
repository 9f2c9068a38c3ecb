// @vitest-environment node
// Wipe on revoke, in the sync engine that the service worker runs: a device a coordinator signed out
// (or whose user was disabled) wipes itself the next time it reaches the real server; a device whose session
// merely ended keeps everything for the same person to sign in again.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberSignedIn, wipeAndSignOut } from '../../src/db/account.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { getMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { syncOnce } from '../../src/engine/client.ts';
import type { FetchLike } from '../../src/engine/transport.ts';
import {
  cookieFetch,
  createOrganisation,
  deviceDb,
  PASSWORD,
  signInDevice,
  startTestServer,
  type Organisation,
  type TestServer,
} from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function call(fetcher: FetchLike, method: string, path: string, body?: unknown): Promise<Response> {
  return fetcher(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A facilitator added by the coordinator, signed in on a tablet of their own with a little data on it. */
async function facilitatorTablet(organisation: Organisation, device: string) {
  const email = `facilitator-${crypto.randomUUID()}@example.org`;
  const added = await call(organisation.fetch, 'POST', '/api/users', {
    name: 'Eilidh',
    email,
    role: 'facilitator',
    password: PASSWORD,
  });
  expect(added.status).toBe(201);
  const { user } = (await added.json()) as { user: { id: string } };
  const fetch = await signInDevice(server.url, email, device);
  const db = deviceDb(device);
  await rememberSignedIn(db, { id: user.id, name: 'Eilidh', email, role: 'facilitator', organisationId: 'o' }, device);
  await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
  expect(await syncOnce({ db, baseUrl: server.url, fetch })).toMatchObject({ status: 'synced' });
  return { db, fetch, userId: user.id };
}

async function deviceIdOf(organisation: Organisation, name: string): Promise<string> {
  const answer = await call(organisation.fetch, 'GET', '/api/devices');
  const { devices } = (await answer.json()) as { devices: { id: string; name: string }[] };
  const found = devices.find((device) => device.name === name);
  if (!found) throw new Error(`no device called ${name}`);
  return found.id;
}

/** Every row of every table, except the note of why the device was wiped. */
async function everything(db: CoorieDb): Promise<number> {
  const counts = await Promise.all(db.allTables().map((table) => table.count()));
  const notes = (await getMeta(db, 'signedOut')) ? 1 : 0;
  return counts.reduce((sum, count) => sum + count, 0) - notes;
}

describe('a revoked device', () => {
  it('wipes itself, unsent changes and all, when the server answers device_revoked', async () => {
    const organisation = await createOrganisation(server.url);
    const tablet = await facilitatorTablet(organisation, 'Forres tablet');
    // Offline for a while: a new note, not yet sent. Meanwhile the coordinator signs the tablet out.
    await saveRecord(tablet.db, 'note', 'n1', { attendeeId: 'a1', body: 'Talked about sleep.' });
    expect(await tablet.db.outbox.count()).toBe(1);
    const revoked = await call(
      organisation.fetch,
      'DELETE',
      `/api/devices/${await deviceIdOf(organisation, 'Forres tablet')}`,
    );
    expect(revoked.status).toBe(204);

    const outcome = await syncOnce({ db: tablet.db, baseUrl: server.url, fetch: tablet.fetch });

    expect(outcome).toMatchObject({ status: 'revoked' });
    expect(await everything(tablet.db)).toBe(0);
    expect(await tablet.db.records('attendee').get('a1')).toBeUndefined();
    expect(await getMeta(tablet.db, 'user')).toBeUndefined();
    expect(await getMeta(tablet.db, 'signedOut')).toMatchObject({ reason: 'revoked' });
  }, 60_000);

  it('wipes itself when the coordinator disables its user', async () => {
    const organisation = await createOrganisation(server.url);
    const tablet = await facilitatorTablet(organisation, 'Keith tablet');
    const disabled = await call(organisation.fetch, 'PATCH', `/api/users/${tablet.userId}`, { disabled: true });
    expect(disabled.status).toBe(200);

    expect(await syncOnce({ db: tablet.db, baseUrl: server.url, fetch: tablet.fetch })).toMatchObject({
      status: 'revoked',
    });
    expect(await everything(tablet.db)).toBe(0);
  }, 60_000);

  it('syncs nothing once wiped, even with a cookie that still works, until someone signs in', async () => {
    const organisation = await createOrganisation(server.url);
    const tablet = await facilitatorTablet(organisation, 'Elgin tablet');
    // Signed out with no signal: the data went, the server session did not.
    await wipeAndSignOut(tablet.db, 'signed-out-offline');

    expect(await syncOnce({ db: tablet.db, baseUrl: server.url, fetch: tablet.fetch })).toMatchObject({
      status: 'signed-out',
    });
    expect(await tablet.db.records('attendee').count()).toBe(0);
  }, 60_000);

  it('drops what a sync under way fetches once the device has been signed out and wiped', async () => {
    const organisation = await createOrganisation(server.url);
    const tablet = await facilitatorTablet(organisation, 'Keith tablet');
    const other = await facilitatorTablet(organisation, 'Buckie tablet');
    await saveRecord(other.db, 'attendee', 'a2', { displayName: 'Beth' });
    expect(await syncOnce({ db: other.db, baseUrl: server.url, fetch: other.fetch })).toMatchObject({
      status: 'synced',
    });
    // The person signs out (and the tablet wipes) while the pull's answer is on its way.
    const signingOutMidPull: FetchLike = async (input, init) => {
      const answer = await tablet.fetch(input, init);
      if (String(input).includes('/api/sync/pull')) await wipeAndSignOut(tablet.db, 'signed-out');
      return answer;
    };

    const outcome = await syncOnce({ db: tablet.db, baseUrl: server.url, fetch: signingOutMidPull });

    expect(outcome).toMatchObject({ status: 'signed-out' });
    expect(await tablet.db.records('attendee').count()).toBe(0);
    expect(await getMeta(tablet.db, 'cursor')).toBeUndefined();
  }, 60_000);
});

describe('a session that ended', () => {
  it('keeps the records and the outbox on a plain 401, and asks to sign in again', async () => {
    const organisation = await createOrganisation(server.url);
    const tablet = await facilitatorTablet(organisation, 'Buckie tablet');
    await saveRecord(tablet.db, 'attendee', 'a2', { displayName: 'Bea' });
    // The server does not know this cookie at all (an expired or unknown session): 401 unauthenticated.
    const stranger = cookieFetch();
    stranger.cookie = 'coorie_session=not-a-session-the-server-knows';

    const outcome = await syncOnce({ db: tablet.db, baseUrl: server.url, fetch: stranger });

    expect(outcome).toMatchObject({ status: 'signed-out', message: 'Please sign in again' });
    expect(await tablet.db.outbox.count()).toBe(1);
    expect(await tablet.db.records('attendee').get('a1')).toMatchObject({ displayName: 'Amy' });
    expect(await tablet.db.records('attendee').get('a2')).toMatchObject({ displayName: 'Bea' });
    expect(await getMeta(tablet.db, 'user')).toMatchObject({ name: 'Eilidh' });
    expect(await getMeta(tablet.db, 'signedOut')).toBeUndefined();
  }, 60_000);
});
