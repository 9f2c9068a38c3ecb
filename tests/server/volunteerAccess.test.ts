// @vitest-environment node
// Who reads and writes the volunteer records, one assertion per cell (README, "Who can see and change what"):
// the member they are about (a facilitator), their supervisor (a coordinator), another coordinator, a colleague
// (a visitor), a coordinator of another organisation, and someone signed out.
import { describe, expect, it } from 'vitest';
import { addMember, change, Client, hlc, setUpOrganisation } from './client.ts';
import { expectRecordCells } from './accessCells.ts';
import { databases, useServer } from './helpers.ts';
import { pullAll, push } from './people.ts';

const WHO = ['signedOut', 'otherOrganisation', 'colleague', 'member', 'supervisor', 'otherCoordinator'] as const;
type Who = (typeof WHO)[number];
type Clients = Record<Who, Client> & { ids: Record<'member' | 'supervisor' | 'colleague', string> };

const userId = async (client: Client) => (await client.get('/api/me')).body.user.id as string;

async function world(app: Client['app']): Promise<Clients> {
  const supervisor = await setUpOrganisation(app, 'Moray Peers');
  const member = await addMember(supervisor, 'facilitator', 'Morag');
  const colleague = await addMember(supervisor, 'visitor', 'Isla');
  return {
    supervisor,
    member,
    colleague,
    otherCoordinator: await addMember(supervisor, 'coordinator', 'Fiona'),
    otherOrganisation: await setUpOrganisation(app, 'Highland Parents'),
    signedOut: new Client(app),
    ids: { member: await userId(member), supervisor: await userId(supervisor), colleague: await userId(colleague) },
  };
}

interface Rule {
  kind: string;
  values: (ids: Clients['ids']) => Record<string, unknown>;
  /** Who first writes the record (someone allowed to). */
  author: Who;
  read: Who[];
  write: Who[];
}

const MEMBER_AND_COORDINATORS: Who[] = ['member', 'supervisor', 'otherCoordinator'];
const RULES: Rule[] = [
  {
    kind: 'training',
    values: (ids) => ({ memberId: ids.member, name: 'Safeguarding level 1', completedOn: '2026-03-02' }),
    author: 'member',
    read: MEMBER_AND_COORDINATORS,
    write: MEMBER_AND_COORDINATORS,
  },
  {
    kind: 'hours',
    values: (ids) => ({ memberId: ids.member, on: '2026-03-02', hours: 1.5, what: 'Phone round' }),
    author: 'member',
    read: MEMBER_AND_COORDINATORS,
    write: MEMBER_AND_COORDINATORS,
  },
  {
    kind: 'supervision',
    values: (ids) => ({ memberId: ids.member, supervisorId: ids.supervisor, on: '2026-03-02' }),
    author: 'member',
    read: MEMBER_AND_COORDINATORS,
    write: MEMBER_AND_COORDINATORS,
  },
  {
    kind: 'pvg',
    values: (ids) => ({ memberId: ids.member, status: 'member', renewBy: '2027-03-01' }),
    author: 'supervisor',
    read: MEMBER_AND_COORDINATORS,
    write: ['supervisor', 'otherCoordinator'],
  },
  {
    kind: 'supervisionNote',
    values: (ids) => ({
      supervisionId: 'sv1',
      memberId: ids.member,
      supervisorId: ids.supervisor,
      content: 'Finding the home visits heavy going.',
    }),
    author: 'member',
    read: ['member', 'supervisor'],
    write: ['member', 'supervisor'],
  },
];

describe.each(databases())('volunteer records: access on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it.each(RULES)('$kind', async (rule) => {
    const clients = await world(server.app);
    const values = rule.values(clients.ids);
    const [created] = await push(clients[rule.author], [change(rule.kind, 'r1', values, hlc(Date.now() - 10_000))]);
    expect(created?.status).toBe('applied');
    await expectRecordCells(clients, WHO, rule);
    const { records } = await pullAll(clients.member);
    expect(records.get(`${rule.kind}/r1`)?.values).toMatchObject(values);
  });

  it('refuses a record about a colleague from anyone but a coordinator, and moving a record to someone else', async () => {
    const clients = await world(server.app);
    const { member, colleague } = clients.ids;
    const training = { name: 'First aid', completedOn: '2026-03-02' };
    const [aboutColleague] = await push(clients.member, [
      change('training', 't1', { ...training, memberId: colleague }),
    ]);
    expect(aboutColleague?.code).toBe('forbidden');
    const [byCoordinator] = await push(clients.otherCoordinator, [
      change('training', 't2', { ...training, memberId: member }),
    ]);
    expect(byCoordinator?.status).toBe('applied');
    // Not even a coordinator moves a record from one member to another: it would leave the first one's devices.
    const [moved] = await push(clients.supervisor, [change('training', 't2', { memberId: colleague })]);
    expect(moved?.code).toBe('forbidden');
    // A member's own PVG status is the organisation's check: refused from the member.
    const [selfPvg] = await push(clients.member, [
      change('pvg', `pvg:${member}`, { memberId: member, status: 'member' }),
    ]);
    expect(selfPvg?.code).toBe('forbidden');
    // A supervision note written by someone outside the pair is refused, a coordinator included.
    const note = { supervisionId: 'sv1', memberId: member, supervisorId: clients.ids.supervisor, content: 'x' };
    const [outsider] = await push(clients.otherCoordinator, [change('supervisionNote', 'sv1:note', note)]);
    expect(outsider?.code).toBe('forbidden');
  });

  it('keeps the history of a supervision note from coordinators outside the pair', async () => {
    const clients = await world(server.app);
    const note = {
      supervisionId: 'sv1',
      memberId: clients.ids.member,
      supervisorId: clients.ids.supervisor,
      content: 'Talked about a hard visit.',
    };
    await push(clients.member, [change('supervisionNote', 'sv1:note', note)]);
    expect((await clients.supervisor.get('/api/records/supervisionNote/sv1:note/history')).status).toBe(200);
    const other = await clients.otherCoordinator.get('/api/records/supervisionNote/sv1:note/history');
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('hard visit');
  });

  it("purges a member's records from a coordinator lowered to facilitator, and keeps their own", async () => {
    const clients = await world(server.app);
    const otherId = await userId(clients.otherCoordinator);
    await push(clients.member, [
      change('training', 't1', { memberId: clients.ids.member, name: 'Safeguarding', completedOn: '2026-03-02' }),
    ]);
    await push(clients.supervisor, [
      change('pvg', `pvg:${otherId}`, { memberId: otherId, status: 'member', renewBy: '2027-01-01' }),
    ]);
    const before = await pullAll(clients.otherCoordinator);
    expect(before.records.has('training/t1')).toBe(true);
    const lowered = await clients.supervisor.patch(`/api/users/${otherId}`, { role: 'facilitator' });
    expect(lowered.status).toBe(200);
    const after = await clients.otherCoordinator.get(`/api/sync/pull?cursor=${before.cursor}`);
    expect(after.body.purge).toContainEqual({ kind: 'training', id: 't1' });
    expect(after.body.purge).not.toContainEqual({ kind: 'pvg', id: `pvg:${otherId}` });
  });
});
