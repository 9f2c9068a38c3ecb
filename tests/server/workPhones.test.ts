// @vitest-environment node
// Issue 12, item 4: work phones, set by coordinators and given to every signed-in member of staff to call.
import { describe, expect, it } from 'vitest';
import { addMember, Client, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';

describe.each(databases())('work phones on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  async function memberId(coordinator: Client, name: string): Promise<string> {
    const team = await coordinator.get('/api/users');
    const found = (team.body.users as { id: string; name: string }[]).find((user) => user.name === name);
    if (!found) throw new Error(`no ${name}`);
    return found.id;
  }

  it('lets a coordinator set a UK work phone, kept in E.164, and clear it', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await addMember(coordinator, 'visitor', 'Morag');
    const id = await memberId(coordinator, 'Morag');
    const set = await coordinator.patch(`/api/users/${id}`, { workPhone: ' 07700 900123 ' });
    expect(set.status).toBe(200);
    expect(set.body.user.workPhone).toBe('+447700900123');
    const team = await coordinator.get('/api/users');
    expect(team.body.users.find((user: { id: string }) => user.id === id).workPhone).toBe('+447700900123');
    const landline = await coordinator.patch(`/api/users/${id}`, { workPhone: '+44 (0)1343 563999' });
    expect(landline.body.user.workPhone).toBe('+441343563999');
    const cleared = await coordinator.patch(`/api/users/${id}`, { workPhone: '' });
    expect(cleared.body.user.workPhone).toBeNull();
    await coordinator.patch(`/api/users/${id}`, { workPhone: '07700900123' });
    expect((await coordinator.patch(`/api/users/${id}`, { workPhone: null })).body.user.workPhone).toBeNull();
  });

  it('refuses what is not a UK phone number, and keeps the number out of the audit log', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await addMember(coordinator, 'visitor', 'Morag');
    const id = await memberId(coordinator, 'Morag');
    for (const bad of ['999', '+33 1 23 45 67 89', 'call me', '0770090012', '0'.repeat(41), 7700900123]) {
      const answer = await coordinator.patch(`/api/users/${id}`, { workPhone: bad });
      expect(answer.status, String(bad)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
    }
    await coordinator.patch(`/api/users/${id}`, { workPhone: '07700 900123' });
    const rows = await server.app.store.db
      .selectFrom('audit_log')
      .select('detail_json')
      .where('record_id', '=', id)
      .where('action', '=', 'user_changed')
      .execute();
    expect(rows.map((row) => row.detail_json)).toEqual([expect.stringContaining('"workPhone":"set"')]);
    expect(rows.map((row) => row.detail_json).join()).not.toContain('7700');
  });

  it('lets only a coordinator change a work phone', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Morag');
    const id = await memberId(coordinator, 'Morag');
    const answer = await visitor.patch(`/api/users/${id}`, { workPhone: '07700 900123' });
    expect(answer.status).toBe(403);
  });

  it('tells every signed-in member the team to call, coordinators first, without emails or disabled people', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const visitor = await addMember(coordinator, 'visitor', 'Beth');
    await addMember(coordinator, 'facilitator', 'Fiona');
    await addMember(coordinator, 'coordinator', 'Zara');
    await coordinator.patch(`/api/users/${await memberId(coordinator, 'Zara')}`, { workPhone: '07700 900456' });
    await coordinator.patch(`/api/users/${await memberId(coordinator, 'Fiona')}`, { disabled: true });
    const answer = await visitor.get('/api/team/contacts');
    expect(answer.status).toBe(200);
    expect(answer.body.contacts).toEqual([
      { id: expect.any(String), name: 'Ailsa', role: 'coordinator', workPhone: null },
      { id: expect.any(String), name: 'Zara', role: 'coordinator', workPhone: '+447700900456' },
      { id: expect.any(String), name: 'Beth', role: 'visitor', workPhone: null },
    ]);
    // Another organisation sees only its own people; nobody signed in sees nothing.
    const other = await setUpOrganisation(server.app, 'Elsewhere');
    expect((await other.get('/api/team/contacts')).body.contacts.map((c: { name: string }) => c.name)).toEqual([
      'Ailsa',
    ]);
    expect((await new Client(server.app).get('/api/team/contacts')).status).toBe(401);
  });
});
