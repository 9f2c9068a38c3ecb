// @vitest-environment node
// Device sign-ins end: after 14 days without use, and 90 days after sign-in whatever happens; a device
// in use renews on its own. The clock is the test's: only Date is faked, so the databases run as ever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, PASSWORD, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-03-02T09:00:00Z');

describe.each(databases())('sign-in expiry on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const at = (days: number) => vi.setSystemTime(START + days * DAY);

  async function tabletOf(coordinator: Client): Promise<Client> {
    const { email } = (await coordinator.get('/api/me')).body.user;
    const tablet = new Client(server.app);
    const signedIn = await tablet.post('/api/auth/sign-in', { email, password: PASSWORD, device: 'Tablet' });
    expect(signedIn.status).toBe(200);
    return tablet;
  }

  it('keeps a device in use signed in without a new sign-in, and ends one unused for 14 days', async () => {
    const office = await setUpOrganisation(server.app);
    const tablet = await tabletOf(office);
    for (const day of [13, 26, 39]) {
      at(day);
      expect((await tablet.get('/api/me')).status, `day ${day}`).toBe(200);
      expect((await office.get('/api/me')).status).toBe(200);
    }
    at(39 + 13);
    expect((await office.get('/api/me')).status).toBe(200);
    at(39 + 14);
    const ended = await tablet.get('/api/me');
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe('session_expired');
    expect((await tablet.get('/api/sync/pull')).body.error.code).toBe('session_expired');
    // An ended sign-in is not a live device any more.
    const devices = (await office.get('/api/devices')).body.devices as { name: string }[];
    expect(devices.map((device) => device.name)).toEqual(['Office laptop']);
    // Signing in again starts a fresh sign-in.
    expect((await tabletOf(office).then((again) => again.get('/api/me'))).status).toBe(200);
  });

  it('ends a sign-in 90 days after sign-in, however much it is used', async () => {
    const office = await setUpOrganisation(server.app);
    for (let day = 10; day < 90; day += 10) {
      at(day);
      expect((await office.get('/api/me')).status, `day ${day}`).toBe(200);
    }
    at(90);
    const ended = await office.get('/api/me');
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe('session_expired');
  });

  it('gives the cookie the longest a sign-in can last, so the browser never holds one past its end', async () => {
    const office = new Client(server.app);
    const created = await office.post('/api/organisations', {
      organisation: 'Moray Peers',
      name: 'Ailsa',
      email: 'ailsa@example.org',
      password: PASSWORD,
    });
    const cookie = created.setCookie.find((line) => line.startsWith('coorie_session=')) ?? '';
    expect(cookie).toMatch(/; Max-Age=7776000;/);
  });
});
