// @vitest-environment node
// Sign-in limits hold under concurrency and across processes: each attempt is counted in the
// database before its password is checked. A device that signed in before keeps a count of its own.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/server/store/index.ts';
import { Client, PASSWORD, uniqueEmail } from './client.ts';
import { databases, TEST_PASSWORD_COST, useServer } from './helpers.ts';

const DEVICE_COOKIE = 'coorie_device';

/** The `name=value` of a cookie an answer set. */
function cookieFrom(setCookie: string[], name: string): string | undefined {
  return setCookie.find((line) => line.startsWith(`${name}=`))?.split(';')[0];
}

describe.each(databases())('sign-in limits on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database);

  /** A coordinator's account, with the office laptop it was set up on (signed in). */
  async function account() {
    const email = uniqueEmail('ailsa');
    const office = new Client(server.app);
    const setup = await office.post('/api/organisations', {
      organisation: 'Moray Peers',
      name: 'Ailsa',
      email,
      password: PASSWORD,
      device: 'Office laptop',
    });
    expect(setup.status).toBe(201);
    return { email, office };
  }

  const signIn = (email: string, password: string, cookie?: string) =>
    new Client(server.app).post(
      '/api/auth/sign-in',
      { email, password, device: 'Tablet' },
      cookie === undefined ? {} : { cookie },
    );

  it('lets only 5 of 30 simultaneous wrong guesses over real HTTP reach a password check', async () => {
    const { email } = await account();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${base}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: `wrong guess ${i}`, device: 'Attacker' }),
        }),
      ),
    );
    const statuses = guesses.map((guess) => guess.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    const audited = await server.store.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'sign_in_failed')
      .execute();
    expect(audited.length).toBeLessThanOrEqual(5);
  });

  it('holds across two server processes on one database', async () => {
    const { email } = await account();
    // A second app with its own connection to the same database, as a second process behind a load balancer.
    const otherStore = openStore(server.config);
    const other = await buildApp({ config: server.config, store: otherStore, passwordCost: TEST_PASSWORD_COST });
    try {
      const guess = (app: FastifyInstance, i: number) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email, password: `wrong guess ${i}`, device: 'Attacker' },
        });
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => guess(i % 2 === 0 ? server.app : other, i)),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25);
      // Guessing on, one at a time on either process, the account's password is checked 5 times in all.
      for (let i = 30; i < 40; i++) statuses.push((await guess(i % 2 === 0 ? server.app : other, i)).statusCode);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    } finally {
      await other.close();
      await otherStore.close();
    }
  });

  it('lets the owner sign in from a device that signed in before, while the account is under attack', async () => {
    const { email } = await account();
    const first = await signIn(email, PASSWORD);
    expect(first.status).toBe(200);
    const trusted = cookieFrom(first.setCookie, DEVICE_COOKIE);
    expect(trusted).toMatch(/^coorie_device=[A-Za-z0-9_-]{43}$/);
    const line = first.setCookie.find((set) => set.startsWith(`${DEVICE_COOKIE}=`)) ?? '';
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Strict/);
    expect(line).toMatch(/; Path=\/api\/auth/);

    for (let i = 0; i < 8; i++) await signIn(email, `wrong guess ${i}`);
    const elsewhere = await signIn(email, PASSWORD);
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.body.error.code).toBe('too_many_attempts');

    const own = await signIn(email, PASSWORD, trusted);
    expect(own.status).toBe(200);
    expect(own.body.user.email).toBe(email);
    // Still blocked for everyone else: the owner's sign-in did not reset the attacker's count.
    expect((await signIn(email, PASSWORD)).status).toBe(429);
  });

  it('gives a trusted device a limit of its own, and no help with another account', async () => {
    const { email, office } = await account();
    const trusted = cookieFrom((await signIn(email, PASSWORD)).setCookie, DEVICE_COOKIE);
    for (let i = 0; i < 5; i++) expect((await signIn(email, `wrong ${i}`, trusted)).status).toBe(401);
    expect((await signIn(email, PASSWORD, trusted)).status).toBe(429);
    // Its failures are its own: other devices can still sign in.
    expect((await signIn(email, PASSWORD)).status).toBe(200);

    const morag = await addMemberEmail(office);
    for (let i = 0; i < 6; i++) await signIn(morag, `wrong ${i}`);
    expect((await signIn(morag, PASSWORD, trusted)).status).toBe(429);
  });

  it('keeps trusting a device that signed out, and stops when a coordinator revokes it', async () => {
    const { email, office } = await account();
    const tablet = new Client(server.app);
    const first = await tablet.post('/api/auth/sign-in', { email, password: PASSWORD, device: 'Tablet' });
    const trusted = cookieFrom(first.setCookie, DEVICE_COOKIE) ?? '';
    expect((await tablet.post('/api/auth/sign-out')).status).toBe(204);
    for (let i = 0; i < 6; i++) await signIn(email, `wrong ${i}`);
    const again = await tablet.post(
      '/api/auth/sign-in',
      { email, password: PASSWORD, device: 'Tablet' },
      { cookie: trusted },
    );
    expect(again.status).toBe(200);

    // Lost: the coordinator revokes it from the office laptop, which was signed in all along.
    const tabletId = (await tablet.get('/api/me')).body.device.id as string;
    expect((await office.delete(`/api/devices/${tabletId}`)).status).toBe(204);
    expect((await signIn(email, PASSWORD, trusted)).status).toBe(429);
  });

  async function addMemberEmail(coordinator: Client): Promise<string> {
    const email = uniqueEmail('morag');
    const created = await coordinator.post('/api/users', {
      name: 'Morag',
      email,
      role: 'facilitator',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    return email;
  }
});
