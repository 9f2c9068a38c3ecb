// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Client, PASSWORD, setUpOrganisation, uniqueEmail } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { createOrganisation, DEMO_COORDINATOR_EMAIL } from '../../src/server/store/organisations.ts';
import { createUser } from '../../src/server/store/users.ts';

const setup = (email = uniqueEmail('ailsa')) => ({
  organisation: 'Moray Peers',
  name: 'Ailsa',
  email,
  password: PASSWORD,
  device: 'Office laptop',
});

describe.each(databases())('first-run setup and sign-in on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  it('sets up the organisation with its first coordinator, signed in', async () => {
    const client = new Client(server.app);
    const created = await client.post('/api/organisations', setup('Ailsa.Grant@Example.org'));
    expect(created.status).toBe(201);
    expect(created.body.user).toEqual({
      id: expect.any(String),
      name: 'Ailsa',
      email: 'ailsa.grant@example.org',
      role: 'coordinator',
      organisationId: expect.any(String),
    });
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      // Whether a coordinator marked them as a peer researcher, so the device knows who may design questionnaires.
      user: { ...created.body.user, peerResearcher: false },
      device: { id: expect.any(String), name: 'Office laptop' },
      organisation: { name: 'Moray Peers' },
    });
  });

  it('sets a session cookie that scripts cannot read and other sites do not get', async () => {
    const created = await new Client(server.app).post('/api/organisations', setup());
    const cookie = created.setCookie.find((line) => line.startsWith('coorie_session='));
    expect(cookie).toMatch(/^coorie_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('keeps only a hash of the session token', async () => {
    const client = new Client(server.app);
    await client.post('/api/organisations', setup());
    const token = client.cookie?.split('=')[1] ?? '';
    const sessions = await server.store.db.selectFrom('device_sessions').select('token_hash').execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash).not.toContain(token);
  });

  it('tells the app whether to offer first-run setup', async () => {
    const client = new Client(server.app);
    expect((await client.get('/api/setup')).body).toEqual({ firstRun: true, openRegistration: false, demo: false });
    await setUpOrganisation(server.app);
    expect((await client.get('/api/setup')).body).toEqual({ firstRun: false, openRegistration: false, demo: false });
  });

  it('still lets the charity set up its own organisation when only the demo one is here', async () => {
    const demo = await createOrganisation(server.store.db, { name: 'Moray Parents Together (demo)' });
    await createUser(server.store.db, {
      organisationId: demo.id,
      name: 'Morag (coordinator)',
      email: DEMO_COORDINATOR_EMAIL,
      role: 'coordinator',
      password: PASSWORD,
    });
    const client = new Client(server.app);
    expect((await client.get('/api/setup')).body).toEqual({ firstRun: true, openRegistration: false, demo: true });
    expect((await client.post('/api/organisations', setup())).status).toBe(201);
    expect((await client.get('/api/setup')).body).toEqual({ firstRun: false, openRegistration: false, demo: true });
    const third = await new Client(server.app).post('/api/organisations', setup());
    expect(third.status).toBe(403);
    expect(third.body.error.code).toBe('registration_closed');
  });

  it('closes registration once an organisation exists', async () => {
    await setUpOrganisation(server.app);
    const second = await new Client(server.app).post('/api/organisations', setup());
    expect(second.status).toBe(403);
    expect(second.body.error.code).toBe('registration_closed');
  });

  it('refuses a password shorter than 10 characters', async () => {
    const answer = await new Client(server.app).post('/api/organisations', { ...setup(), password: 'short pw' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('weak_password');
    expect(answer.body.error.message).toMatch(/10 characters/);
  });

  it('says which fields are wrong', async () => {
    const answer = await new Client(server.app).post('/api/organisations', {
      organisation: '',
      name: 'Ailsa',
      email: 'not an email',
      password: PASSWORD,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    const paths = answer.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['organisation', 'email']));
  });

  it('signs in with any case of the email, on a named device', async () => {
    await new Client(server.app).post('/api/organisations', setup('ailsa@example.org'));
    const tablet = new Client(server.app);
    const answer = await tablet.post('/api/auth/sign-in', {
      email: ' AILSA@example.org ',
      password: PASSWORD,
      device: 'Buckie tablet',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.user.email).toBe('ailsa@example.org');
    expect((await tablet.get('/api/me')).body.device.name).toBe('Buckie tablet');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    await new Client(server.app).post('/api/organisations', setup('ailsa@example.org'));
    const client = new Client(server.app);
    const wrong = await client.post('/api/auth/sign-in', {
      email: 'ailsa@example.org',
      password: 'not the password',
      device: 'Tablet',
    });
    const unknown = await client.post('/api/auth/sign-in', {
      email: 'nobody@example.org',
      password: PASSWORD,
      device: 'Tablet',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('bad_credentials');
    expect(client.cookie).toBeUndefined();
  });

  it('stops sign-in for an email after 5 failures, even with the right password', async () => {
    await new Client(server.app).post('/api/organisations', setup('ailsa@example.org'));
    const client = new Client(server.app);
    const attempt = (password: string) =>
      client.post('/api/auth/sign-in', { email: 'ailsa@example.org', password, device: 'Tablet' });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong password ${i}`)).status).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
  });

  it('stops sign-in from one address after 20 failures across emails', async () => {
    await new Client(server.app).post('/api/organisations', setup('ailsa@example.org'));
    const client = new Client(server.app);
    for (let i = 0; i < 20; i++) {
      const guess = await client.post('/api/auth/sign-in', {
        email: `guess${i}@example.org`,
        password: PASSWORD,
        device: 'Tablet',
      });
      expect(guess.status).toBe(401);
    }
    const blocked = await client.post('/api/auth/sign-in', {
      email: 'ailsa@example.org',
      password: PASSWORD,
      device: 'Tablet',
    });
    expect(blocked.status).toBe(429);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const client = await setUpOrganisation(server.app);
    const stolen = client.cookie ?? '';
    const out = await client.post('/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.setCookie.join()).toMatch(/coorie_session=;/);
    const replayed = await client.get('/api/me', { cookie: stolen });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('device_revoked');
  });

  it('answers 401 unauthenticated without a cookie, or with one it never issued', async () => {
    const none = await new Client(server.app).get('/api/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    const forged = await new Client(server.app).get('/api/me', { cookie: 'coorie_session=forged' });
    expect(forged.body.error.code).toBe('unauthenticated');
  });
});

describe.each(databases())('cookies behind a proxy on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { TRUST_PROXY: 'true' });

  it('marks the cookie Secure when the request came over https', async () => {
    const created = await new Client(server.app).post('/api/organisations', setup(), { 'x-forwarded-proto': 'https' });
    expect(created.setCookie.join()).toMatch(/; Secure/);
  });
});

describe.each(databases())('with OPEN_REGISTRATION and COOKIE_SECURE on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true', COOKIE_SECURE: 'true' });

  it('lets a second organisation register, but not with a used email', async () => {
    const first = await new Client(server.app).post('/api/organisations', setup('ailsa@example.org'));
    expect(first.setCookie.join()).toMatch(/; Secure/);
    const second = await new Client(server.app).post('/api/organisations', setup('fiona@example.org'));
    expect(second.status).toBe(201);
    expect(second.body.user.organisationId).not.toBe(first.body.user.organisationId);
    const taken = await new Client(server.app).post('/api/organisations', setup('AILSA@example.org'));
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
  });
});
