// @vitest-environment node
// Text limits hold for what is stored: padding cannot smuggle a long value past a limit.
import { describe, expect, it } from 'vitest';
import { change, Client, hlc, PASSWORD, pushBody, setUpOrganisation, uniqueEmail } from './client.ts';
import { databases, useServer } from './helpers.ts';

// Account requests may be 64 KiB, so their padding stays under that (a million spaces there is 413).
const pad = (value: string, spaces = 15_000) => `${' '.repeat(spaces)}${value}${' '.repeat(10)}`;

describe.each(databases())('text limits on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  it('refuses a record whose text is over the limit once its spaces are counted, and stores nothing', async () => {
    const client = await setUpOrganisation(server.app);
    const answer = await client.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'a1', { displayName: pad('Jo', 900_000) }),
        change('venue', 'v1', { name: 'Hall' }),
      ]),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({ status: 'rejected', code: 'invalid_value' });
    expect(answer.body.results[0].message).toMatch(/displayName must be at most 80 characters/);
    expect(answer.body.results[1]).toEqual({ status: 'applied' });
    const pulled = await client.get('/api/sync/pull');
    expect(pulled.body.changes.map((record: { id: string }) => record.id)).toEqual(['v1']);
    const stored = await server.store.db.selectFrom('records').select('values_json').execute();
    expect(stored.every((row) => row.values_json.length < 1000)).toBe(true);
  });

  it('keeps single-line fields on one line: only that change is refused, and line breaks stay in notes', async () => {
    const client = await setUpOrganisation(server.app);
    const answer = await client.post(
      '/api/sync/push',
      pushBody([
        change('attendee', 'a1', { displayName: 'Kirsty' }),
        change('attendee', 'a2', { displayName: 'Jo\nSmith' }),
        change('session', 's1', { title: 'Baby\r\nmassage', startsAt: '2026-11-24T10:00:00Z' }),
        change('attendee', 'a1', { locality: 'Elgin\t' }, hlc(Date.now() + 1000)),
        change('note', 'n1', { attendeeId: 'a1', body: 'Slept better.\nTalked about her mum.' }),
      ]),
    );
    expect(answer.status).toBe(200);
    const results = answer.body.results as { status: string; code?: string; message?: string }[];
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({
      code: 'invalid_value',
      message: expect.stringMatching(/displayName must be one line/),
    });
    expect(results[2]).toMatchObject({
      code: 'invalid_value',
      message: expect.stringMatching(/title must be one line/),
    });
    expect(results[3]).toMatchObject({
      code: 'invalid_value',
      message: expect.stringMatching(/locality must be one line/),
    });
    const pulled = await client.get('/api/sync/pull');
    const byId = new Map(
      pulled.body.changes.map((record: { id: string; values: Record<string, unknown> }) => [record.id, record.values]),
    );
    expect([...byId.keys()].sort()).toEqual(['a1', 'n1']);
    expect(byId.get('a1')).not.toHaveProperty('locality');
    expect(byId.get('n1')).toMatchObject({ body: 'Slept better.\nTalked about her mum.' });
  });

  it('stores account names, organisation names, device names and invited names trimmed', async () => {
    const coordinator = new Client(server.app);
    const email = uniqueEmail('ailsa');
    const created = await coordinator.post('/api/organisations', {
      organisation: pad('Moray Peers'),
      name: pad('Jo'),
      email,
      password: PASSWORD,
      device: pad('Office laptop'),
    });
    expect(created.status).toBe(201);
    expect(created.body.user.name).toBe('Jo');

    const member = await coordinator.post('/api/users', {
      name: pad('Morag'),
      email: uniqueEmail('morag'),
      role: 'facilitator',
      password: PASSWORD,
    });
    expect(member.status).toBe(201);
    const renamed = await coordinator.patch(`/api/users/${member.body.user.id}`, { name: pad('Morag Bain', 60_000) });
    expect(renamed.status).toBe(200);
    const invited = await coordinator.post('/api/invites', {
      name: pad('Shona'),
      email: uniqueEmail('shona'),
      role: 'visitor',
    });
    expect(invited.status).toBe(201);

    const { db } = server.store;
    expect((await db.selectFrom('organisations').select('name').execute()).map((row) => row.name)).toEqual([
      'Moray Peers',
    ]);
    const names = (await db.selectFrom('users').select('name').execute()).map((row) => row.name);
    expect(names.sort()).toEqual(['Jo', 'Morag Bain']);
    expect((await db.selectFrom('device_sessions').select('device_name').execute())[0]?.device_name).toBe(
      'Office laptop',
    );
    expect((await db.selectFrom('invites').select('name').execute())[0]?.name).toBe('Shona');
  });

  it('counts a name after trimming, so a long name padded with spaces is still refused', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const answer = await coordinator.post('/api/users', {
      name: pad('M'.repeat(81)),
      email: uniqueEmail('morag'),
      role: 'facilitator',
      password: PASSWORD,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([{ path: 'name', message: 'must be at most 80 characters' }]);
    const million = await coordinator.post('/api/users', {
      name: pad('Jo', 1_000_000),
      email: uniqueEmail('jo'),
      role: 'facilitator',
      password: PASSWORD,
    });
    expect(million.status).toBe(413);
    expect((await server.store.db.selectFrom('users').select('name').execute()).map((row) => row.name)).toEqual([
      'Ailsa',
    ]);
  });
});
