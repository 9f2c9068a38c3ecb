// @vitest-environment node
// The access rules, one row per record kind or endpoint and one assertion per cell: three roles of
// organisation A, a coordinator of organisation B, and someone signed out. The same table is in the README.
import { describe, expect, it } from 'vitest';
import type { KindName } from '../../src/domain/kinds.ts';
import { addMember, change, Client, hlc, PASSWORD, setUpOrganisation, uniqueEmail } from './client.ts';
import { expectRecordCells } from './accessCells.ts';
import { databases, useServer } from './helpers.ts';
import { pullAll, push } from './people.ts';

const WHO = ['signedOut', 'otherOrganisation', 'visitor', 'facilitator', 'coordinator'] as const;
type Who = (typeof WHO)[number];
type Clients = Record<Who, Client>;

const ALL_OF_A: Who[] = ['coordinator', 'facilitator', 'visitor'];

/** A valid new record of each kind seen by the whole team (volunteer records: volunteerAccess.test.ts). */
const SAMPLES: Partial<Record<KindName, Record<string, unknown>>> = {
  venue: { name: 'St Laurence hall', locality: 'Forres' },
  session: { title: 'Tuesday drop-in', startsAt: '2026-11-24T10:00:00Z' },
  attendee: { displayName: 'Kirsty' },
  checkIn: { sessionId: 's1', attendeeId: 'a1' },
  outreach: { sessionId: 's1', attendeeId: 'a1', method: 'call', outcome: 'coming' },
  note: { attendeeId: 'a1', body: 'Settled in well.', visibility: 'team' },
  visit: { attendeeId: 'a1', at: '2026-11-25T14:00:00Z' },
  activity: { title: 'Treasure basket', kind: 'treasure basket' },
  service: { name: 'Moray Women’s Aid' },
  feedback: { sessionId: 's1', feltWelcome: 5 },
  booking: { sessionId: 's1', attendeeId: 'a1', crecheBooked: true, travel: 'lift' },
  partner: { name: 'Elgin Health Visiting Team', type: 'health visiting team' },
  referral: { attendeeId: 'a1', partnerId: 'p1', madeAt: '2026-11-25T14:00:00Z', reason: 'Money worries' },
  questionnaire: {
    title: 'What would help you?',
    status: 'open',
    versions: [{ number: 1, createdAt: '2026-11-24T10:00:00Z', questions: [{ id: 'q1', type: 'yesno', text: 'Ok?' }] }],
  },
  response: { questionnaireId: 'q', version: 1, how: 'kiosk', answers: { q1: true } },
};

interface RecordRule {
  row: string;
  kind: KindName;
  values: Record<string, unknown>;
  /** Who pulls the record that A's facilitator wrote. */
  read: Who[];
  /** Whose change to it is applied (others in A get `forbidden`; B writes only its own record). */
  write: Who[];
  /** Who writes it first: A's facilitator unless said. */
  author?: Who;
}

const RECORD_RULES: RecordRule[] = [
  ...(Object.entries(SAMPLES) as [KindName, Record<string, unknown>][])
    .filter(([kind]) => kind !== 'questionnaire')
    .map(([kind, values]) => ({
      row: kind === 'note' ? 'note (shared with the team)' : kind,
      kind,
      values,
      read: ALL_OF_A,
      write: ALL_OF_A,
    })),
  // Designed by coordinators and peer researchers (tests/server/research.test.ts has the peer researcher).
  {
    row: 'questionnaire',
    kind: 'questionnaire',
    values: SAMPLES.questionnaire!,
    read: ALL_OF_A,
    write: ['coordinator'],
    author: 'coordinator',
  },
  {
    row: 'note (private: the default)',
    kind: 'note',
    values: { attendeeId: 'a1', body: 'Worried about her mood.' },
    read: ['coordinator', 'facilitator'],
    write: ['coordinator', 'facilitator'],
  },
];

async function world(app: Client['app']): Promise<Clients> {
  const coordinator = await setUpOrganisation(app, 'Moray Peers');
  return {
    coordinator,
    facilitator: await addMember(coordinator, 'facilitator', 'Morag'),
    visitor: await addMember(coordinator, 'visitor', 'Isla'),
    otherOrganisation: await setUpOrganisation(app, 'Highland Parents'),
    signedOut: new Client(app),
  };
}

interface EndpointRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The address and body for one caller; may prepare what the call needs. */
  call: (clients: Clients, who: Who) => Promise<{ url: string; body?: unknown }>;
  expected: Record<Who, number>;
}

const roleOnly = (coordinator: number, other: number): Record<Who, number> => ({
  signedOut: 401,
  otherOrganisation: other,
  visitor: 403,
  facilitator: 403,
  coordinator,
});
const everyone = (status: number): Record<Who, number> => ({
  signedOut: 401,
  otherOrganisation: status,
  visitor: status,
  facilitator: status,
  coordinator: status,
});
const userId = async (client: Client) => (await client.get('/api/me')).body.user.id as string;
const fixed = (url: string, body?: unknown) => async () => ({ url, body });

const ENDPOINT_RULES: Record<string, EndpointRule> = {
  'GET /api/me': { method: 'GET', call: fixed('/api/me'), expected: everyone(200) },
  'GET /api/sync/pull': { method: 'GET', call: fixed('/api/sync/pull'), expected: everyone(200) },
  'GET /api/users': { method: 'GET', call: fixed('/api/users'), expected: roleOnly(200, 200) },
  'POST /api/users': {
    method: 'POST',
    call: async () => ({
      url: '/api/users',
      body: { name: 'Fiona', email: uniqueEmail(), role: 'visitor', password: PASSWORD },
    }),
    expected: roleOnly(201, 201),
  },
  'PATCH /api/users/:id (of A)': {
    method: 'PATCH',
    call: async (clients) => ({ url: `/api/users/${await userId(clients.visitor)}`, body: { name: 'Isla R' } }),
    expected: roleOnly(200, 404),
  },
  'GET /api/devices': { method: 'GET', call: fixed('/api/devices'), expected: everyone(200) },
  "DELETE /api/devices/:id (A visitor's other device)": {
    method: 'DELETE',
    call: async (clients) => {
      // A second device of the visitor, made afresh for each caller.
      const spare = new Client(clients.visitor.app);
      const email = (await clients.visitor.get('/api/me')).body.user.email as string;
      await spare.post('/api/auth/sign-in', { email, password: PASSWORD, device: 'Spare tablet' });
      const devices = (await clients.visitor.get('/api/devices')).body.devices as { id: string; current: boolean }[];
      const other = devices.find((device) => !device.current);
      return { url: `/api/devices/${other?.id ?? 'none'}` };
    },
    expected: { signedOut: 401, otherOrganisation: 404, visitor: 204, facilitator: 404, coordinator: 204 },
  },
  'GET /api/people/:id/export': { method: 'GET', call: fixed('/api/people/a1/export'), expected: roleOnly(200, 404) },
  'GET /api/records/:kind/:id/history': {
    method: 'GET',
    call: fixed('/api/records/attendee/a1/history'),
    expected: roleOnly(200, 404),
  },
  'GET /api/audit': { method: 'GET', call: fixed('/api/audit'), expected: roleOnly(200, 200) },
  'POST /api/invites': {
    method: 'POST',
    call: async () => ({ url: '/api/invites', body: { name: 'Fiona', email: uniqueEmail(), role: 'visitor' } }),
    expected: roleOnly(201, 201),
  },
  'GET /api/retention/preview': { method: 'GET', call: fixed('/api/retention/preview'), expected: roleOnly(200, 200) },
  'PUT /api/organisation/retention': {
    method: 'PUT',
    call: fixed('/api/organisation/retention', { months: 24 }),
    expected: roleOnly(200, 200),
  },
  'POST /api/retention/run (a1 not due)': {
    method: 'POST',
    call: fixed('/api/retention/run', { ids: ['a1'] }),
    expected: roleOnly(400, 400),
  },
  // Last: it erases a1. Coordinators of A only; B does not find A's person.
  'POST /api/people/:id/erase': { method: 'POST', call: fixed('/api/people/a1/erase'), expected: roleOnly(200, 404) },
};

describe.each(databases())('access rules on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database, { OPEN_REGISTRATION: 'true' });

  it.each(RECORD_RULES)('records: $row', async (rule) => {
    const clients = await world(server.app);
    await push(clients[rule.author ?? 'facilitator'], [change(rule.kind, 'r1', rule.values, hlc(Date.now() - 10_000))]);
    await expectRecordCells(clients, WHO, rule);
    // Whatever B pushed, A's record is as A's people left it.
    const { records } = await pullAll(clients.coordinator);
    expect(records.get(`${rule.kind}/r1`)?.values).toMatchObject(rule.values);
  });

  it.each(Object.entries(ENDPOINT_RULES))('endpoints: %s', async (_row, rule) => {
    const clients = await world(server.app);
    await push(clients.coordinator, [change('attendee', 'a1', { displayName: 'Kirsty' })]);
    for (const who of WHO) {
      const { url, body } = await rule.call(clients, who);
      const answer = await clients[who].call(rule.method, url, body);
      expect(answer.status, `${who}: ${JSON.stringify(answer.body)}`).toBe(rule.expected[who]);
    }
    // Lists never cross organisations: B's coordinator sees none of A's people, users or log.
    const seenByB = JSON.stringify([
      (await clients.otherOrganisation.get('/api/users')).body,
      (await clients.otherOrganisation.get('/api/audit')).body,
      (await clients.otherOrganisation.get('/api/sync/pull')).body,
    ]);
    expect(seenByB).not.toMatch(/Morag|Isla|Kirsty/);
  });
});
