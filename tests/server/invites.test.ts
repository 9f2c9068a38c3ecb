// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { INVITE_ALPHABET } from '../../src/server/store/invites.ts';
import { loadSealKeyVault, SealKeyVault } from '../../src/server/store/sealKeyVault.ts';
import { hashToken } from '../../src/server/store/signIns.ts';
import { addMember, Client, PASSWORD, setUpOrganisation, uniqueEmail } from './client.ts';
import { databases, useServer } from './helpers.ts';

describe.each(databases())('invitations on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  async function invite(coordinator: Client, email = uniqueEmail('isla'), role = 'visitor') {
    const answer = await coordinator.post('/api/invites', { name: 'Isla', email, role });
    expect(answer.status).toBe(201);
    return { ...(answer.body as { code: string; expiresAt: string }), email };
  }

  it('turns a one-time code into an account, signed in on this device', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const { code, expiresAt, email } = await invite(coordinator);
    expect(code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{10}$`));
    const days = (Date.parse(expiresAt) - Date.now()) / (24 * 60 * 60 * 1000);
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const isla = new Client(server.app);
    // Typed as read out over the phone: lower case, in two groups.
    const typed = `${code.slice(0, 5)} ${code.slice(5)}`.toLowerCase();
    const accepted = await isla.post('/api/invites/accept', { code: typed, password: PASSWORD, device: 'Phone' });
    expect(accepted.status).toBe(201);
    const organisationId = (await coordinator.get('/api/me')).body.user.organisationId;
    expect(accepted.body.user).toMatchObject({ name: 'Isla', email, role: 'visitor', organisationId });
    expect((await isla.get('/api/me')).status).toBe(200);

    const reused = await new Client(server.app).post('/api/invites/accept', {
      code,
      password: PASSWORD,
      device: 'Tablet',
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalid_invite');
  });

  it('refuses an expired code', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const { code } = await invite(coordinator);
    await server.store.db
      .updateTable('invites')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const answer = await new Client(server.app).post('/api/invites/accept', { code, password: PASSWORD, device: 'P' });
    expect(answer.body.error.code).toBe('invalid_invite');
  });

  it("keeps only a hash of the code keyed with the server's secret, which no plain SHA-256 of a code matches", async () => {
    const coordinator = await setUpOrganisation(server.app);
    const { code } = await invite(coordinator);
    const row = await server.store.db.selectFrom('invites').select('code_hash').executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code);
    expect(row.code_hash).not.toBe(hashToken(code));
    expect(row.code_hash).toMatch(/^k1\.[A-Za-z0-9_-]{43}$/);
    expect(row.code_hash).toBe(await (await loadSealKeyVault(server.config)).codeHash('invite', code));
    // Another secret gives another hash: the code cannot be tried against the row without the server's secret.
    const other = await SealKeyVault.fromSecret('another-secret-that-is-also-long-enough-to-pass', 'SEAL_KEY_SECRET');
    expect(await other.codeHash('invite', code)).not.toBe(row.code_hash);
  });

  it('still accepts a live invitation made before codes were keyed (a plain SHA-256)', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const { code, email } = await invite(coordinator);
    await server.store.db
      .updateTable('invites')
      .set({ code_hash: hashToken(code) })
      .execute();
    const answer = await new Client(server.app).post('/api/invites/accept', { code, password: PASSWORD, device: 'P' });
    expect(answer.status).toBe(201);
    expect(answer.body.user).toMatchObject({ email });
  });

  it('is for coordinators, checks the address and the password', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const facilitator = await addMember(coordinator, 'facilitator');
    const refused = await facilitator.post('/api/invites', { name: 'X', email: uniqueEmail(), role: 'visitor' });
    expect(refused.status).toBe(403);
    const email = uniqueEmail();
    await coordinator.post('/api/users', { name: 'Y', email, role: 'visitor', password: PASSWORD });
    const taken = await coordinator.post('/api/invites', { name: 'Y', email, role: 'visitor' });
    expect(taken.status).toBe(409);
    const { code } = await invite(coordinator);
    const weak = await new Client(server.app).post('/api/invites/accept', { code, password: 'short', device: 'P' });
    expect(weak.body.error.code).toBe('weak_password');
    // The weak password did not use the code up.
    const good = await new Client(server.app).post('/api/invites/accept', { code, password: PASSWORD, device: 'P' });
    expect(good.status).toBe(201);
  });

  it('answers 429 after 10 wrong codes from one address, even for a right one', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const { code } = await invite(coordinator);
    const guesser = new Client(server.app);
    for (let i = 0; i < 10; i++) {
      const wrong = await guesser.post('/api/invites/accept', { code: 'AAAAAAAAAA', password: PASSWORD, device: 'P' });
      expect(wrong.status).toBe(400);
    }
    const blocked = await guesser.post('/api/invites/accept', { code, password: PASSWORD, device: 'P' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
    // From another address the right code still works.
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/api/invites/accept',
      remoteAddress: '192.0.2.7',
      payload: { code, password: PASSWORD, device: 'P' },
    });
    expect(elsewhere.statusCode).toBe(201);
  });
});
