// @vitest-environment node
// A seeded fuzz of every endpoint: malformed, hostile and oversized requests from strangers and from
// signed-in users of organisation A: addresses spelt every way a router may decode (percent-encoding,
// double slashes, dots, case, broken encodings), control characters (NUL above all) in every field, key,
// path, query and header the server reads. Nothing may answer 5xx, the server must stay healthy, and
// organisation B's data must come through unchanged.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../src/domain/kinds.ts';
import { createDeviceSignIn } from '../../src/server/store/signIns.ts';
import { addMember, change, Client, hlc, pushBody, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';
import { personChanges, pullAll, push } from './people.ts';

const REQUESTS = 5_000;
const MIB = 1024 * 1024;

/** mulberry32: a small seeded PRNG, so that a failure can be replayed from its seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof prng>;

const NASTY = [
  "'; DROP TABLE records;--",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '\u0000',
  'a\u0000b',
  '__proto__',
  'constructor',
  'prototype',
  '%',
  '_',
  '\\',
  '💥',
  '‮',
  '',
  ' ',
  'null',
  'NaN',
  '9'.repeat(400),
];
/** Every control character a field could carry, NUL first: each must be refused with a 4xx, never a 500. */
const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001b', '\u001f'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'kind', 'id', 'values', 'versions', 'email', 'password'];
const EXTRA_KINDS = ['', 'Attendee', 'user', 'records', '__proto__', "'; DROP TABLE records;--"];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const ENDPOINTS: [string, string][] = [
  ['GET', '/api/health'],
  ['GET', '/api/setup'],
  ['POST', '/api/organisations'],
  ['POST', '/api/auth/sign-in'],
  ['POST', '/api/auth/sign-out'],
  ['GET', '/api/me'],
  ['GET', '/api/users'],
  ['POST', '/api/users'],
  ['PATCH', '/api/users/:id'],
  ['GET', '/api/devices'],
  ['DELETE', '/api/devices/:id'],
  ['POST', '/api/sync/push'],
  ['GET', '/api/sync/pull'],
  ['POST', '/api/people/:id/erase'],
  ['GET', '/api/people/:id/export'],
  ['GET', '/api/audit'],
  ['GET', '/api/records/:kind/:id/history'],
  ['POST', '/api/invites'],
  ['POST', '/api/invites/accept'],
  ['GET', '/api/retention/preview'],
  ['POST', '/api/retention/run'],
  ['PUT', '/api/organisation/retention'],
];

function scalar(random: Random, ids: string[]): unknown {
  switch (random.int(9)) {
    case 0:
      return random.pick(NASTY);
    case 1:
      return random.pick(ids);
    case 2:
      return random.int(2) === 0 ? random.int(1000) - 500 : random.next() * 1e308;
    case 3:
      return random.int(2) === 0;
    case 4:
      return null;
    case 5:
      return hlc(Date.now() + (random.int(3) - 1) * 3_600_000);
    case 6:
      return 'x'.repeat(random.pick([0, 1, 80, 201, 20_001]));
    case 7:
      return new Date(Date.now() - random.int(1e10)).toISOString();
    default:
      return random.pick(['visitor', 'coordinator', 'facilitator', 'team', 'private', 'urgent', 'text']);
  }
}

function value(random: Random, ids: string[], depth = 0): unknown {
  if (depth > 2 || random.int(3) > 0) return scalar(random, ids);
  if (random.int(2) === 0) return Array.from({ length: random.int(4) }, () => value(random, ids, depth + 1));
  return Object.fromEntries(
    Array.from({ length: random.int(4) }, () => [random.pick([...KEYS, ...NASTY]), value(random, ids, depth + 1)]),
  );
}

/** A change that is nearly right: a real kind and fields, with hostile values and ids. */
function nearChange(random: Random, ids: string[]) {
  const kind = random.int(8) === 0 ? random.pick(EXTRA_KINDS) : random.pick(KIND_NAMES);
  const fields = ['displayName', 'attendeeId', 'body', 'visibility', 'deleted', 'erased', 'mergedInto', 'sessionId'];
  const values = Object.fromEntries(
    Array.from({ length: 1 + random.int(3) }, () => [random.pick(fields), scalar(random, ids)]),
  );
  const built = change(kind, random.int(6) === 0 ? String(scalar(random, ids)) : random.pick(ids), values);
  return random.int(10) === 0 ? { ...built, versions: value(random, ids) } : built;
}

function body(random: Random, ids: string[], url: string): { payload?: string; contentType?: string } {
  const roll = random.int(100);
  if (roll < 2) return { payload: JSON.stringify({ name: 'x'.repeat(MIB + 10) }), contentType: 'application/json' };
  if (roll < 10) {
    const raw = random.pick([
      '{',
      '{"a":',
      'nul',
      '[1,2',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '"\\u0000"',
      '',
    ]);
    return { payload: raw, contentType: 'application/json' };
  }
  if (roll < 13)
    return {
      payload: 'email=a&password=b',
      contentType: random.pick(['text/plain', 'application/x-www-form-urlencoded']),
    };
  if (roll < 16) return {};
  if (url === '/api/sync/push' && roll < 70) {
    const changes = Array.from({ length: random.int(6) }, () =>
      random.int(6) === 0 ? value(random, ids) : nearChange(random, ids),
    );
    const envelope: Record<string, unknown> = pushBody(changes, `fuzz-${random.int(1e9)}`);
    if (random.int(8) === 0) envelope[random.pick(KEYS)] = value(random, ids);
    if (random.int(10) === 0) envelope.protocol = scalar(random, ids);
    return {
      payload: JSON.stringify(random.int(4) === 0 ? poison(random, envelope) : envelope),
      contentType: 'application/json',
    };
  }
  const fields = ['name', 'email', 'role', 'password', 'device', 'organisation', 'code', 'ids', 'months', 'disabled'];
  const object = Object.fromEntries(
    Array.from({ length: random.int(5) }, () => [random.pick(random.int(5) === 0 ? KEYS : fields), value(random, ids)]),
  );
  const sent = random.int(10) === 0 ? value(random, ids) : object;
  return {
    payload: JSON.stringify(random.int(4) === 0 ? poison(random, sent) : sent),
    contentType: 'application/json',
  };
}

/** The same address spelt another way: what a router decodes or folds, and what it cannot decode at all. */
function respell(random: Random, url: string): string {
  const [path = '', query] = url.split('?');
  const at = 1 + random.int(Math.max(1, path.length - 1));
  const spelt = (() => {
    switch (random.int(9)) {
      case 0: {
        // Percent-encode one character, as %61 for 'a', in either case.
        const code = (path.codePointAt(at) ?? 97).toString(16).padStart(2, '0');
        return `${path.slice(0, at)}%${random.int(2) ? code : code.toUpperCase()}${path.slice(at + 1)}`;
      }
      case 1:
        return path.replace('/', random.pick(['//', '/./', '/api/../', '/x/../', '/%2e/', '/%2E%2E/api/']));
      case 2:
        return random.int(2) ? path.toUpperCase() : path.replace(/[a-z]/, (letter) => letter.toUpperCase());
      case 3:
        return `${path.slice(0, at)}${random.pick(['%00', '%01', '%0a', '%0d', '%1f', '%7f', '%C0%80'])}${path.slice(at)}`;
      case 4:
        return `${path.slice(0, at)}${random.pick(['%', '%z', '%zz', '%E0%A4%A', '%ff', '%u0061'])}${path.slice(at)}`;
      case 5:
        return `${path}/`;
      case 6:
        return `${path.slice(0, at)}${'a'.repeat(101)}${path.slice(at)}`;
      case 7:
        return path.replaceAll('/', '%2F');
      default:
        return `${path};x=1`;
    }
  })();
  return query === undefined ? spelt : `${spelt}?${query}`;
}

/** The value with a control character somewhere in one of its strings or keys (a NUL half the time). */
function poison(random: Random, value: unknown): unknown {
  const control = random.int(2) === 0 ? '\u0000' : random.pick(CONTROL);
  const into = (text: string) => {
    const at = random.int(text.length + 1);
    return `${text.slice(0, at)}${control}${text.slice(at)}`;
  };
  if (typeof value === 'string') return into(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return [control];
    const at = random.int(value.length);
    return value.map((item, index) => (index === at ? poison(random, item) : item));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0 || random.int(5) === 0) return { ...value, [into('key')]: 'x' };
    const at = random.int(entries.length);
    return Object.fromEntries(
      entries.map(([key, inner], index) => [key, index === at ? poison(random, inner) : inner]),
    );
  }
  return control;
}

function address(random: Random, ids: string[]): { method: string; url: string } {
  if (random.int(10) === 0) {
    const segments = Array.from({ length: 1 + random.int(4) }, () =>
      encodeURIComponent(String(random.int(3) === 0 ? random.pick(NASTY) : random.pick(ids))),
    );
    return { method: random.pick(METHODS), url: `/api/${segments.join('/')}` };
  }
  const [method, template] = random.pick(ENDPOINTS);
  const fill = () =>
    encodeURIComponent(
      random.int(8) === 0
        ? String(poison(random, random.pick(ids)))
        : String(random.int(4) === 0 ? random.pick(NASTY) : random.pick(ids)),
    );
  let url = template
    .replace(':kind', () => (random.int(3) === 0 ? fill() : random.pick(KIND_NAMES)))
    .replace(':id', fill);
  if (method === 'GET' && random.int(2) === 0) {
    const keys = ['cursor', 'limit', 'kind', 'id', 'action', 'protocol', '__proto__', 'constructor'];
    const query = Array.from({ length: 1 + random.int(3) }, () => `${random.pick(keys)}=${fill()}`);
    url += `?${query.join('&')}`;
  }
  return {
    method: random.int(15) === 0 ? random.pick(METHODS) : method,
    url: random.int(4) === 0 ? respell(random, url) : url,
  };
}

/** The code of an error answer, or its status when it is not the documented shape (a page's 404). */
function errorCode(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = typeof parsed === 'object' && parsed !== null && 'error' in parsed ? parsed.error : undefined;
    return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unshaped';
  } catch {
    return 'not json';
  }
}

describe.each(databases())('fuzzing every endpoint on $name', { timeout: 240_000 }, (database) => {
  // Behind one trusted proxy, so that the forwarded headers the fuzz sends are read, as in production.
  const server = useServer(database, { OPEN_REGISTRATION: 'true', SYNC_RATE_LIMIT: '1000000', TRUST_PROXY: '1' });

  it(`survives ${REQUESTS} hostile requests without a 5xx, and organisation B is untouched`, async () => {
    // FUZZ_SEED replays or explores another sequence; the default keeps CI deterministic.
    const seed = Number(process.env.FUZZ_SEED ?? 20261123);
    // A built app, as in production: a re-spelt API address that matches no route is then the app's page.
    mkdirSync(server.config.staticDir, { recursive: true });
    writeFileSync(path.join(server.config.staticDir, 'index.html'), '<!doctype html><title>Coorie</title>');
    const random = prng(seed);
    const orgB = await setUpOrganisation(server.app, 'Organisation B');
    await push(orgB, [...personChanges('b1', 'Shona'), change('venue', 'hall-b', { name: 'Buckie hall' })]);
    const bMember = await addMember(orgB, 'facilitator', 'Beth');
    await push(bMember, [change('note', 'n-b-private', { attendeeId: 'b1', body: 'Private to Beth.' })]);
    const snapshotB = async () => JSON.stringify([...(await pullAll(orgB)).records.entries()].sort());
    const teamB = async () => JSON.stringify((await orgB.get('/api/users')).body);
    const [beforeB, beforeTeamB] = [await snapshotB(), await teamB()];

    const coordinatorA = await setUpOrganisation(server.app, 'Organisation A');
    await push(coordinatorA, personChanges('a1'));
    const facilitatorA = await addMember(coordinatorA, 'facilitator');
    const aUsers = new Map<Client, { id: string; organisationId: string }>();
    for (const client of [coordinatorA, facilitatorA]) aUsers.set(client, (await client.get('/api/me')).body.user);
    // The fuzz signs its callers out, disables them and revokes their devices; a new sign-in (made in the
    // database, not through the rate-limited sign-in) keeps every later request reaching the routes.
    const revive = async (client: Client) => {
      const user = aUsers.get(client);
      if (!user) return;
      const { db } = server.store;
      await db.updateTable('users').set({ disabled: 0 }).where('id', '=', user.id).execute();
      const { token } = await createDeviceSignIn(db, {
        userId: user.id,
        organisationId: user.organisationId,
        deviceName: 'Fuzz',
      });
      client.cookie = `coorie_session=${token}`;
    };
    const bIds = [(await orgB.get('/api/me')).body.user.id, (await bMember.get('/api/me')).body.user.id];
    const bDevices = (await orgB.get('/api/devices')).body.devices.map((device: { id: string }) => device.id);
    const aIds = [...aUsers.values()].map((user) => user.id);
    const ids = ['a1', 'b1', 'n-b-private', 'hall-b', 's1:b1', 'v-b1', 'n-a1', ...bIds, ...bDevices, ...aIds];

    const failures: string[] = [];
    const codes = new Map<string, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const caller: Client | undefined = random.pick([undefined, coordinatorA, coordinatorA, facilitatorA]);
      const { method, url } = address(random, ids);
      const { payload, contentType } = method === 'GET' || method === 'HEAD' ? {} : body(random, ids, url);
      const headers: Record<string, string> = {};
      if (caller?.cookie) headers.cookie = caller.cookie;
      if (contentType) headers['content-type'] = contentType;
      if (random.int(20) === 0) headers.origin = random.pick(['https://evil.example', 'null', 'not a url']);
      // Headers the server reads (the proxy's client address, the site, the cookie), with hostile text in them.
      if (random.int(10) === 0) {
        const name = random.pick(['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'origin', 'cookie']);
        headers[name] = String(poison(random, random.pick([...NASTY, headers[name] ?? 'x'])));
      }
      const response = await server.app.inject({
        method: method as InjectOptions['method'],
        url,
        // Apart from the set-up's address, so that its per-address limits do not stop the set-up.
        remoteAddress: `198.51.100.${random.int(50)}`,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      if (caller && response.statusCode === 401) await revive(caller);
      const code = response.statusCode >= 400 ? errorCode(response.body) : String(response.statusCode);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (response.statusCode >= 500) {
        failures.push(
          `#${i} ${method} ${url} ${String(payload).slice(0, 200)} → ${response.statusCode} ${response.body}`,
        );
      }
    }
    expect(failures, `seed ${seed}`).toEqual([]);
    // The fuzz reached what it means to try: every one of these answers was met, and often.
    for (const code of ['invalid_input', 'invalid_url', 'too_long', 'cross_site', 'invalid_json', '200']) {
      expect({ code, count: codes.get(code) ?? 0 }).toEqual({ code, count: expect.toSatisfy((n) => n >= 10) });
    }
    expect((await new Client(server.app).get('/api/health')).body.status).toBe('ok');
    expect(await snapshotB()).toBe(beforeB);
    expect(await teamB()).toBe(beforeTeamB);
    expect((await orgB.get('/api/people/b1/export')).status).toBe(200);
  });
});
