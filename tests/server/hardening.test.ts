// @vitest-environment node
// The safety checks, one test each: body limits, the sync rate limit, Secure cookies behind an https proxy
// and refusing cross-site writes, on every write route: accounts, team, invites, devices, privacy and sync.
import { describe, expect, it } from 'vitest';
import { Client, PASSWORD, setUpOrganisation, uniqueEmail } from './client.ts';
import { databases, useServer } from './helpers.ts';

const WRITE_ROUTES: [string, string][] = [
  ['POST', '/api/organisations'],
  ['POST', '/api/auth/sign-in'],
  ['POST', '/api/users'],
  ['PATCH', '/api/users/u1'],
  ['POST', '/api/invites'],
  ['POST', '/api/invites/accept'],
  ['POST', '/api/people/a1/erase'],
  ['PUT', '/api/organisation/retention'],
  ['POST', '/api/retention/run'],
];

describe.each(databases())('hardening on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it('answers 413 to a body over 64 KiB on every write route but push', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const big = { name: 'x'.repeat(70 * 1024) };
    for (const [method, url] of WRITE_ROUTES) {
      const answer = await coordinator.call(method as 'POST', url, big);
      expect({ url, status: answer.status }).toEqual({ url, status: 413 });
    }
  });

  it('refuses writes from another site on every write route', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const routes: [string, string][] = [...WRITE_ROUTES, ['POST', '/api/sync/push'], ['DELETE', '/api/devices/d1']];
    for (const [method, url] of routes) {
      const answer = await coordinator.call(method as 'POST', url, {}, { origin: 'https://evil.example' });
      expect({ url, code: answer.body.error?.code }).toEqual({ url, code: 'cross_site' });
    }
  });

  it('limits each device sign-in to 120 sync requests a minute, without touching other devices', async () => {
    const coordinator = await setUpOrganisation(server.app);
    for (let i = 0; i < 120; i++) {
      const answer = await coordinator.get('/api/sync/pull');
      expect(answer.status).toBe(200);
    }
    const over = await coordinator.post('/api/sync/push', { protocol: 1, deviceId: 'd', batchId: 'b', changes: [] });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('too_many_requests');
    const otherDevice = await setUpOrganisation(server.app, 'Highland Parents');
    expect((await otherDevice.get('/api/sync/pull')).status).toBe(200);
    // Account routes are not sync: the same device can still see who it is.
    expect((await coordinator.get('/api/me')).status).toBe(200);
  });
});

describe.each(databases())('behind an https proxy on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { TRUST_PROXY: 'true' });

  it('marks the cookie of an accepted invitation Secure, and not over plain http', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const coordinator = new Client(server.app);
    await coordinator.post(
      '/api/organisations',
      { organisation: 'Moray Peers', name: 'Ailsa', email: uniqueEmail(), password: PASSWORD },
      https,
    );
    const codes = [];
    for (let i = 0; i < 2; i++) {
      const invite = await coordinator.post('/api/invites', { name: 'Isla', email: uniqueEmail(), role: 'visitor' });
      codes.push(invite.body.code as string);
    }
    const secure = await new Client(server.app).post(
      '/api/invites/accept',
      { code: codes[0], password: PASSWORD, device: 'Phone' },
      https,
    );
    expect(secure.setCookie.join()).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
    expect(secure.setCookie.join()).toMatch(/; Secure/);
    const plain = await new Client(server.app).post('/api/invites/accept', {
      code: codes[1],
      password: PASSWORD,
      device: 'Phone',
    });
    expect(plain.status).toBe(201);
    expect(plain.setCookie.join()).not.toMatch(/Secure/);
  });
});
