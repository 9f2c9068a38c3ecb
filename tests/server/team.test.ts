// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addMember, Client, PASSWORD, setUpOrganisation, uniqueEmail } from './client.ts';
import { databases, useServer } from './helpers.ts';

describe.each(databases())('the team and its devices on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it('lets a coordinator add people, who can then sign in', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const email = uniqueEmail('morag');
    const created = await coordinator.post('/api/users', { name: 'Morag', email, role: 'visitor', password: PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ name: 'Morag', email, role: 'visitor' });
    const morag = new Client(server.app);
    expect((await morag.post('/api/auth/sign-in', { email, password: PASSWORD, device: 'Phone' })).status).toBe(200);
    const team = await coordinator.get('/api/users');
    expect(team.body.users.map((user: { name: string }) => user.name)).toEqual(['Ailsa', 'Morag']);
    expect(team.body.users[1]).toMatchObject({ role: 'visitor', disabled: false });
  });

  it('answers 409 email_taken and 400 weak_password', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const email = uniqueEmail();
    await coordinator.post('/api/users', { name: 'Morag', email, role: 'visitor', password: PASSWORD });
    const again = await coordinator.post('/api/users', {
      name: 'Morag',
      email: email.toUpperCase(),
      role: 'facilitator',
      password: PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
    const weak = await coordinator.post('/api/users', {
      name: 'Isla',
      email: uniqueEmail(),
      role: 'visitor',
      password: 'x',
    });
    expect(weak.body.error.code).toBe('weak_password');
  });

  it('refuses team management to facilitators and visitors', async () => {
    const coordinator = await setUpOrganisation(server.app);
    for (const role of ['facilitator', 'visitor'] as const) {
      const member = await addMember(coordinator, role);
      const add = await member.post('/api/users', {
        name: 'X',
        email: uniqueEmail(),
        role: 'coordinator',
        password: PASSWORD,
      });
      expect(add.status).toBe(403);
      expect(add.body.error.code).toBe('forbidden');
      expect((await member.get('/api/users')).status).toBe(403);
    }
  });

  it('changes a role, and the change takes effect at once', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const morag = await addMember(coordinator, 'facilitator');
    const { id } = (await morag.get('/api/me')).body.user;
    const changed = await coordinator.patch(`/api/users/${id}`, { role: 'coordinator' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.role).toBe('coordinator');
    expect((await morag.get('/api/users')).status).toBe(200);
  });

  it('disabling someone ends their sessions with device_revoked, and they cannot sign in', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const email = uniqueEmail('morag');
    const created = await coordinator.post('/api/users', { name: 'Morag', email, role: 'visitor', password: PASSWORD });
    const morag = new Client(server.app);
    await morag.post('/api/auth/sign-in', { email, password: PASSWORD, device: 'Phone' });
    const disabled = await coordinator.patch(`/api/users/${created.body.user.id}`, { disabled: true });
    expect(disabled.body.user.disabled).toBe(true);
    const me = await morag.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('device_revoked');
    const again = await new Client(server.app).post('/api/auth/sign-in', {
      email,
      password: PASSWORD,
      device: 'Phone',
    });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('bad_credentials');
  });

  it('never leaves the organisation without a coordinator', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const { id } = (await coordinator.get('/api/me')).body.user;
    const demoted = await coordinator.patch(`/api/users/${id}`, { role: 'visitor' });
    expect(demoted.status).toBe(409);
    expect(demoted.body.error.code).toBe('last_coordinator');
    expect((await coordinator.patch(`/api/users/${id}`, { disabled: true })).status).toBe(409);
  });

  it('cannot see or change another organisation’s users', async () => {
    const moray = await setUpOrganisation(server.app, 'Moray Peers');
    const highland = await setUpOrganisation(server.app, 'Highland Peers');
    const { id } = (await highland.get('/api/me')).body.user;
    const attempt = await moray.patch(`/api/users/${id}`, { disabled: true });
    expect(attempt.status).toBe(404);
    expect((await moray.get('/api/users')).body.users).toHaveLength(1);
    expect((await highland.get('/api/me')).status).toBe(200);
  });

  it('lists devices: all of the organisation’s to a coordinator, only their own to others', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const morag = await addMember(coordinator, 'visitor', 'Morag');
    await addMember(coordinator, 'facilitator', 'Isla');
    const all = await coordinator.get('/api/devices');
    expect(all.status).toBe(200);
    expect(all.body.devices.map((device: { userName: string }) => device.userName).sort()).toEqual([
      'Ailsa',
      'Isla',
      'Morag',
    ]);
    expect(all.body.devices.find((device: { current: boolean }) => device.current)).toMatchObject({
      name: 'Office laptop',
      userName: 'Ailsa',
      lastSeenAt: expect.any(String),
    });
    const own = await morag.get('/api/devices');
    expect(own.body.devices).toEqual([expect.objectContaining({ name: "Morag's tablet", current: true })]);
  });

  it('revokes a device: it then gets device_revoked, and drops off the list', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const morag = await addMember(coordinator, 'visitor');
    const [device] = (await morag.get('/api/devices')).body.devices;
    expect((await coordinator.delete(`/api/devices/${device.id}`)).status).toBe(204);
    const pull = await morag.get('/api/sync/pull');
    expect(pull.status).toBe(401);
    expect(pull.body.error.code).toBe('device_revoked');
    const listed = (await coordinator.get('/api/devices')).body.devices;
    expect(listed.map((listing: { id: string }) => listing.id)).not.toContain(device.id);
  });

  it('lets people revoke their own devices but nobody else’s', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const morag = await addMember(coordinator, 'visitor', 'Morag');
    const isla = await addMember(coordinator, 'facilitator', 'Isla');
    const [islaDevice] = (await isla.get('/api/devices')).body.devices;
    expect((await morag.delete(`/api/devices/${islaDevice.id}`)).status).toBe(404);
    expect((await isla.get('/api/me')).status).toBe(200);
    const outsider = await setUpOrganisation(server.app, 'Highland Peers');
    expect((await outsider.delete(`/api/devices/${islaDevice.id}`)).status).toBe(404);
    const own = await isla.delete(`/api/devices/${islaDevice.id}`);
    expect(own.status).toBe(204);
    expect(own.setCookie.join()).toMatch(/coorie_session=;/);
  });
});
