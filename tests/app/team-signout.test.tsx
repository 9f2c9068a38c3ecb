// Leaving a tablet against the real server: signing out sends what waits first, warns with the count
// before anything unsent is lost, and wipes the tablet; a revoked tablet wipes itself and says why; a session
// that merely ended keeps everything.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPageSync } from '../../src/app/sync/pageSync.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { getMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { startTestServer, type TestServer } from '../engine/harness.ts';
import { freshDb, renderApp } from './helpers.tsx';
import { Browser, coordinatorOf, memberOf, PASSWORD } from './teamServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Rows in every table of the device, leaving out the one note of why it was wiped. */
async function rowsLeft(db: CoorieDb): Promise<number> {
  const counts = await Promise.all(db.allTables().map((table) => table.count()));
  const note = (await getMeta(db, 'signedOut')) ? 1 : 0;
  return counts.reduce((sum, count) => sum + count, 0) - note;
}

async function sessionStatus(cookie: string | undefined): Promise<number> {
  const browser = new Browser(server.url);
  browser.cookie = cookie;
  return (await browser.fetch('/api/me')).status;
}

async function attendeesOnServer(email: string): Promise<string[]> {
  const office = new Browser(server.url);
  await office.post('/api/auth/sign-in', { email, password: PASSWORD, device: 'Office check' });
  const page = (await (await office.fetch('/api/sync/pull?limit=1000')).json()) as {
    changes: { kind: string; values: { displayName?: string } }[];
  };
  return page.changes.filter((change) => change.kind === 'attendee').map((change) => change.values.displayName ?? '');
}

const SIGNED_OUT = 'You signed out, and Coorie removed its data from this device.';
const REVOKED = 'A coordinator signed this device out, so Coorie removed its data from it.';

describe('signing out', () => {
  it('sends the changes that wait, ends the session on the server, wipes the tablet and says so', async () => {
    const coordinator = await coordinatorOf(server.url);
    coordinator.browser.use();
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    await renderApp('/settings', { db, user: coordinator.user });
    const cookie = coordinator.browser.cookie;

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));

    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(await screen.findByText(SIGNED_OUT)).toBeInTheDocument();
    expect(await rowsLeft(db)).toBe(0);
    expect(await getMeta(db, 'signedOut')).toMatchObject({ reason: 'signed-out' });
    expect(await attendeesOnServer(coordinator.user.email)).toEqual(['Amy']);
    expect(await sessionStatus(cookie)).toBe(401);
  }, 60_000);

  it('warns with the count when changes cannot be sent, and deletes them only once confirmed', async () => {
    const coordinator = await coordinatorOf(server.url);
    coordinator.browser.use();
    const db = freshDb();
    await renderApp('/settings', { db, user: coordinator.user });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    // No signal in the hall: three parents added on the tablet.
    coordinator.browser.offline = true;
    for (const [id, name] of [
      ['a1', 'Amy'],
      ['a2', 'Bea'],
      ['a3', 'Cara'],
    ]) {
      await saveRecord(db, 'attendee', id!, { displayName: name! });
    }
    const cookie = coordinator.browser.cookie;
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const warning = await screen.findByRole('group', { name: 'Changes will be lost' });
    expect(warning).toHaveTextContent(
      "3 changes on this computer have not reached the server. If you sign out now they will be lost. Coorie can't reach the server just now.",
    );
    expect(warning).toHaveTextContent(
      'If you sign out now, Coorie removes everything from this computer at once, and ends your sign-in on the server the next time this computer is online.',
    );
    await user.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(3);
    expect(await getMeta(db, 'user')).toMatchObject({ email: coordinator.user.email });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out and delete them' }));

    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(await screen.findByText(SIGNED_OUT)).toBeInTheDocument();
    expect(await rowsLeft(db)).toBe(0);
    expect(await getMeta(db, 'signedOut')).toMatchObject({ reason: 'signed-out-offline' });
    // The server has not heard yet; once the tablet is back online, Coorie ends the session there too.
    expect(await sessionStatus(cookie)).toBe(200);
    coordinator.browser.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => expect(await sessionStatus(cookie)).toBe(401));
    await waitFor(async () => expect(await getMeta(db, 'signedOut')).toMatchObject({ reason: 'signed-out' }));
    expect(await attendeesOnServer(coordinator.user.email)).toEqual([]);
  }, 60_000);

  it('counts changes the server refused among those that would be lost', async () => {
    const coordinator = await coordinatorOf(server.url);
    coordinator.browser.use();
    const db = freshDb();
    await db.rejected.add({
      kind: 'attendee',
      id: 'a9',
      values: { displayName: 'Dee' },
      versions: { displayName: '1763800000000-0000-aaaaaaaa' },
      code: 'forbidden',
      message: 'forbidden',
      at: Date.now(),
    });
    await renderApp('/settings', { db, user: coordinator.user });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    const warning = await screen.findByRole('group', { name: 'Changes will be lost' });
    expect(warning).toHaveTextContent(
      '1 change the server refused is kept on this computer (listed under Sync). If you sign out now it will be lost too.',
    );
    expect(warning).not.toHaveTextContent('have not reached the server');
    expect(warning).not.toHaveTextContent("can't reach the server");
    await user.click(screen.getByRole('button', { name: 'Sign out and delete them' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(await db.rejected.count()).toBe(0);
  }, 60_000);
});

describe('a revoked tablet', () => {
  async function revokedTablet() {
    const coordinator = await coordinatorOf(server.url);
    const morag = await memberOf(coordinator.browser, { name: 'Morag Reid', role: 'facilitator', device: 'Forres' });
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    const devices = (await (await coordinator.browser.fetch('/api/devices')).json()) as {
      devices: { id: string; name: string }[];
    };
    const forres = devices.devices.find((device) => device.name === 'Forres');
    const revoked = await coordinator.browser.fetch(`/api/devices/${forres?.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    morag.browser.use();
    return { db, morag };
  }

  it('wipes itself as soon as Coorie opens with signal, and says why on the sign-in screen', async () => {
    const { db, morag } = await revokedTablet();
    await renderApp('/', { db, user: morag.user });

    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(await screen.findByText(REVOKED)).toBeInTheDocument();
    expect(await rowsLeft(db)).toBe(0);
  }, 60_000);

  it('wipes itself when a sync from the page hears that it was revoked', async () => {
    const { db } = await revokedTablet();
    const stop = createPageSync(db).start();
    try {
      await waitFor(async () => expect(await getMeta(db, 'signedOut')).toMatchObject({ reason: 'revoked' }));
      expect(await rowsLeft(db)).toBe(0);
    } finally {
      stop();
    }
  }, 60_000);
});

describe('a session that has ended', () => {
  it('keeps every record and change for the same person to sign in again, with no word of a wipe', async () => {
    const coordinator = await coordinatorOf(server.url);
    const db = freshDb();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    // A cookie the server does not know: 401 unauthenticated, not device_revoked.
    coordinator.browser.cookie = 'coorie_session=long-expired';
    coordinator.browser.use();
    await renderApp('/', { db, user: coordinator.user });

    await screen.findByRole('heading', { level: 1, name: 'Sign in to Coorie' });
    expect(screen.queryByText(REVOKED)).not.toBeInTheDocument();
    expect(screen.queryByText(SIGNED_OUT)).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(1);
    expect(await db.records('attendee').get('a1')).toMatchObject({ displayName: 'Amy' });
  }, 60_000);
});
