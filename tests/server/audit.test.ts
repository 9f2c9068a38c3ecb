// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addMember, change, Client, hlc, PASSWORD, setUpOrganisation, uniqueEmail } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { push } from './people.ts';

type Entry = { action: string; userName: string | null; kind: string | null; detail: Record<string, unknown> };

describe.each(databases())('the audit log and record history on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it('logs sign-ins, failures, team changes and revoked devices, never a password, for coordinators only', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const email = uniqueEmail('isla');
    const created = await coordinator.post('/api/users', { name: 'Isla', email, role: 'visitor', password: PASSWORD });
    const isla = new Client(server.app);
    await isla.post('/api/auth/sign-in', { email, password: 'wrong password here', device: 'Phone' });
    await isla.post('/api/auth/sign-in', { email, password: PASSWORD, device: 'Phone' });
    const devices = await coordinator.get('/api/devices');
    const phone = devices.body.devices.find((device: { name: string }) => device.name === 'Phone');
    await coordinator.delete(`/api/devices/${phone.id}`);
    await coordinator.patch(`/api/users/${created.body.user.id}`, { role: 'facilitator' });
    await isla.post('/api/auth/sign-out');

    const log = await coordinator.get('/api/audit');
    expect(log.status).toBe(200);
    const actions = (log.body.entries as Entry[]).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user_created', 'sign_in_failed', 'sign_in', 'device_revoked', 'user_changed']),
    );
    const failure = (log.body.entries as Entry[]).find((entry) => entry.action === 'sign_in_failed');
    expect(failure?.detail).toMatchObject({ email, reason: 'wrong_password' });
    expect(JSON.stringify(log.body)).not.toMatch(/wrong password here|a long enough password/);

    const aboutIsla = await coordinator.get(`/api/audit?kind=user&id=${created.body.user.id}`);
    expect((aboutIsla.body.entries as Entry[]).map((entry) => entry.action)).toEqual(['user_changed', 'user_created']);
    expect((aboutIsla.body.entries as Entry[])[0]?.detail).toEqual({ role: 'facilitator' });

    const member = await addMember(coordinator, 'facilitator');
    expect((await member.get('/api/audit')).status).toBe(403);
    const other = await setUpOrganisation(server.app, 'Highland Parents');
    const othersLog = await other.get('/api/audit');
    expect((othersLog.body.entries as Entry[]).every((entry) => entry.action !== 'user_created')).toBe(true);
    expect((await coordinator.get('/api/audit?limit=0')).status).toBe(400);
  });

  it('logs a sign-out', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const member = await addMember(coordinator, 'visitor', 'Fiona');
    await member.post('/api/auth/sign-out');
    const log = await coordinator.get('/api/audit?action=sign_out');
    expect(log.body.entries).toEqual([expect.objectContaining({ action: 'sign_out', userName: 'Fiona' })]);
  });

  it("keeps each record's change history: who changed which fields, to what, from which device", async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Morag');
    await push(visitor, [change('attendee', 'a1', { displayName: 'Kirsty' }, hlc(Date.now() - 1000))]);
    await push(coordinator, [change('attendee', 'a1', { displayName: 'Kirsty', cake: 'scone' })]);
    // A change that changes nothing adds nothing.
    await push(coordinator, [change('attendee', 'a1', { cake: 'scone' }, hlc(Date.now() - 5000))]);

    const history = await coordinator.get('/api/records/attendee/a1/history');
    expect(history.status).toBe(200);
    expect(history.body.changes).toEqual([
      expect.objectContaining({ userName: 'Morag', values: { displayName: 'Kirsty' } }),
      // A newer version of the same value is a change too: the merge took it.
      expect.objectContaining({ userName: 'Ailsa', values: { displayName: 'Kirsty', cake: 'scone' } }),
    ]);
    expect(history.body.changes[0].deviceId).toEqual(expect.any(String));

    expect((await visitor.get('/api/records/attendee/a1/history')).status).toBe(403);
    expect((await coordinator.get('/api/records/attendee/nobody/history')).status).toBe(404);
    expect((await coordinator.get('/api/records/wizard/a1/history')).status).toBe(404);
    const other = await setUpOrganisation(server.app, 'Highland Parents');
    expect((await other.get('/api/records/attendee/a1/history')).status).toBe(404);
  });
});
