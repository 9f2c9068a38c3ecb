// @vitest-environment node
// Purge (`purge` in src/sync/protocol.ts): whoever may no longer see a record is told to delete it on their next pull.
import { describe, expect, it } from 'vitest';
import type { Client } from './client.ts';
import { addMember, change, hlc, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { personChanges, push } from './people.ts';

interface Pulled {
  changes: { kind: string; id: string; values: Record<string, unknown> }[];
  purge: { kind: string; id: string }[];
  cursor: string;
}

/** Every page from `cursor`, run together: the changes and purges in the order received. */
async function pull(client: Client, cursor = '', limit = 1000): Promise<Pulled> {
  const all: Pulled = { changes: [], purge: [], cursor };
  for (let page = 0; page < 100; page++) {
    const answer = await client.get(`/api/sync/pull?limit=${limit}${all.cursor ? `&cursor=${all.cursor}` : ''}`);
    expect(answer.status).toBe(200);
    all.changes.push(...answer.body.changes);
    all.purge.push(...answer.body.purge);
    all.cursor = answer.body.cursor;
    if (!answer.body.more) return all;
  }
  throw new Error('pull never finished');
}

const keys = (records: { kind: string; id: string }[]) => records.map((record) => `${record.kind}/${record.id}`);

const note = (id: string, visibility: 'team' | 'private', version = hlc()) =>
  change('note', id, { attendeeId: 'a1', body: 'Kirsty was brighter today.', visibility }, version);

const userId = async (client: Client) => (await client.get('/api/me')).body.user.id as string;

describe.each(databases())('purging what a user may no longer see, on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it('tells the rest of the team to purge a shared note made private, and tells no one else', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const author = await addMember(coordinator, 'facilitator', 'Morag');
    const colleague = await addMember(coordinator, 'visitor', 'Isla');
    await push(author, [change('attendee', 'a1', { displayName: 'Kirsty' }), note('n1', 'team')]);
    const before = await pull(colleague);
    expect(keys(before.changes)).toContain('note/n1');
    const coordinatorBefore = await pull(coordinator);

    await push(author, [change('note', 'n1', { visibility: 'private' }, hlc(Date.now() + 1000))]);

    const after = await pull(colleague, before.cursor);
    expect(after.changes).toEqual([]);
    expect(after.purge).toEqual([{ kind: 'note', id: 'n1' }]);
    // Those who still may see it get the change, and no purge.
    const forCoordinator = await pull(coordinator, coordinatorBefore.cursor);
    expect(keys(forCoordinator.changes)).toEqual(['note/n1']);
    expect(forCoordinator.purge).toEqual([]);
    expect((await pull(author, before.cursor)).purge).toEqual([]);
    // Someone who joins later never held it and is not told it exists.
    const newcomer = await addMember(coordinator, 'facilitator', 'Eilidh');
    const fresh = await pull(newcomer);
    expect(keys(fresh.changes)).toEqual(['attendee/a1']);
    expect(fresh.purge).toEqual([]);

    // Shared again: the colleague's next pull brings it back, whole.
    await push(author, [change('note', 'n1', { visibility: 'team' }, hlc(Date.now() + 2000))]);
    const shared = await pull(colleague, after.cursor);
    expect(shared.changes).toMatchObject([{ kind: 'note', id: 'n1', values: { body: 'Kirsty was brighter today.' } }]);
    expect(shared.purge).toEqual([]);
  });

  it('keeps the purge in commit order across pages, so a small page size misses nothing', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const author = await addMember(coordinator, 'facilitator', 'Morag');
    const colleague = await addMember(coordinator, 'facilitator', 'Isla');
    await push(author, [note('n1', 'team'), note('n2', 'team')]);
    const before = await pull(colleague);
    await push(author, [change('note', 'n1', { visibility: 'private' }, hlc(Date.now() + 1000))]);
    await push(author, [change('attendee', 'a2', { displayName: 'Eilidh' })]);
    await push(author, [change('note', 'n2', { visibility: 'private' }, hlc(Date.now() + 1000))]);
    const after = await pull(colleague, before.cursor, 1);
    expect(after.purge).toEqual([
      { kind: 'note', id: 'n1' },
      { kind: 'note', id: 'n2' },
    ]);
    expect(keys(after.changes)).toEqual(['attendee/a2']);
  });

  it("purges others' private notes from a coordinator's devices when her role is lowered, and sends them when raised", async () => {
    const lead = await setUpOrganisation(server.app);
    const deputy = await addMember(lead, 'coordinator', 'Fiona');
    const author = await addMember(lead, 'facilitator', 'Morag');
    await push(author, [note('n-morag', 'private'), note('n-shared', 'team')]);
    await push(deputy, [note('n-fiona', 'private')]);
    const before = await pull(deputy);
    expect(keys(before.changes).sort()).toEqual(['note/n-fiona', 'note/n-morag', 'note/n-shared']);

    const deputyId = await userId(deputy);
    expect((await lead.patch(`/api/users/${deputyId}`, { role: 'facilitator' })).status).toBe(200);
    const demoted = await pull(deputy, before.cursor);
    expect(demoted.purge).toEqual([{ kind: 'note', id: 'n-morag' }]);
    expect(demoted.changes).toEqual([]);
    // Her own private note and the shared one stay; a first sync now sees only what she may.
    expect(keys((await pull(deputy)).changes).sort()).toEqual(['note/n-fiona', 'note/n-shared']);

    expect((await lead.patch(`/api/users/${deputyId}`, { role: 'coordinator' })).status).toBe(200);
    const promoted = await pull(deputy, demoted.cursor);
    expect(keys(promoted.changes)).toEqual(['note/n-morag']);
    expect(promoted.purge).toEqual([]);
  });

  it('leaves no record of an erased person on any device that held one, whatever it could see', async () => {
    const lead = await setUpOrganisation(server.app);
    const deputy = await addMember(lead, 'coordinator', 'Fiona');
    const author = await addMember(lead, 'facilitator', 'Morag');
    const colleague = await addMember(lead, 'visitor', 'Isla');
    await push(author, [...personChanges('a1'), note('n-shared', 'team')]);
    const colleagueBefore = await pull(colleague);
    const deputyBefore = await pull(deputy);
    expect(keys(deputyBefore.changes)).toContain('note/n-a1');

    // The shared note is taken back, the deputy stops being a coordinator, and then the person is erased,
    // all while the two devices are away.
    await push(author, [change('note', 'n-shared', { visibility: 'private' }, hlc(Date.now() + 1000))]);
    expect((await lead.patch(`/api/users/${await userId(deputy)}`, { role: 'visitor' })).status).toBe(200);
    expect((await lead.post('/api/people/a1/erase')).status).toBe(200);

    for (const [device, before] of [
      [colleague, colleagueBefore],
      [deputy, deputyBefore],
    ] as const) {
      const after = await pull(device, before.cursor);
      const gone = new Set([
        ...keys(after.purge),
        ...keys(after.changes.filter((record) => record.values.erased === true)),
      ]);
      for (const held of keys(before.changes)) expect(gone).toContain(held);
      expect(JSON.stringify(after)).not.toMatch(/Kirsty/);
    }
  });

  it("answers a leaver's devices with device_revoked, which wipes them, while the team keeps her shared notes", async () => {
    const coordinator = await setUpOrganisation(server.app);
    const author = await addMember(coordinator, 'facilitator', 'Morag');
    const colleague = await addMember(coordinator, 'facilitator', 'Isla');
    await push(author, [note('n-private', 'private'), note('n-shared', 'team')]);
    const before = await pull(colleague);

    expect((await coordinator.patch(`/api/users/${await userId(author)}`, { disabled: true })).status).toBe(200);
    const refused = await author.get('/api/sync/pull');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('device_revoked');
    const after = await pull(colleague, before.cursor);
    expect(after.purge).toEqual([]);
    expect(keys((await pull(coordinator)).changes).sort()).toEqual(['note/n-private', 'note/n-shared']);
  });
});
