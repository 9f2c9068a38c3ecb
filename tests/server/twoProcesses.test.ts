// @vitest-environment node
// More than one server process on one database behaves as one server (README, "Running more than one server
// process"). On PostgreSQL two real processes (`src/server/main.ts`) share one database and the requests
// alternate between them. SQLite is one process per file by design, so there the same cases run against one
// real process standing for both, and "a scheduled job runs once" is checked across a restart instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { change, hlc, PASSWORD, pushBody, uniqueEmail } from './client.ts';
import { createPgDatabase, dropPgDatabase } from './helpers.ts';
import { startServerProcess, type ServerProcess } from './processes.ts';

interface Variant {
  name: string;
  postgres: boolean;
}

const variants: Variant[] = [{ name: 'SQLite, one process standing for two', postgres: false }];
if (process.env.TEST_DATABASE_URL) variants.push({ name: 'PostgreSQL, two processes', postgres: true });

const DAY_MS = 24 * 60 * 60 * 1000;

/** A device's HTTP client against one base address, keeping its sign-in cookie like a browser. */
class Device {
  cookie = '';
  constructor(public base: string) {}

  async call(method: string, url: string, body?: unknown, base = this.base) {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const session = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('coorie_session='))
      ?.split(';')[0];
    if (session !== undefined) this.cookie = session === 'coorie_session=' ? '' : session;
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: json };
  }
}

describe.each(variants)('one server made of several processes: $name', { timeout: 180_000 }, ({ postgres }) => {
  let dir = '';
  let pgUrl = '';
  let env: Record<string, string> = {};
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'coorie-processes-'));
    if (postgres) pgUrl = await createPgDatabase();
    // Lifted so that the late-commit case can poll as fast as it likes; other limits stay as they are.
    env = {
      DATA_DIR: dir,
      OPEN_REGISTRATION: 'true',
      SYNC_RATE_LIMIT: '1000000',
      // Each process serves its metrics on a free port of its own.
      METRICS_PORT: '0',
      ...(postgres ? { DATABASE_URL: pgUrl } : {}),
    };
    a = await startServerProcess(env);
    b = postgres ? await startServerProcess(env) : a;
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    if (b !== a) await b?.stop();
    if (pgUrl) await dropPgDatabase(pgUrl);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** A new organisation set up through A, with its coordinator signed in on a second device through B. */
  async function organisation(name: string) {
    const email = uniqueEmail('ailsa');
    const office = new Device(a.base);
    const setUp = await office.call('POST', '/api/organisations', {
      organisation: name,
      name: 'Ailsa',
      email,
      password: PASSWORD,
      device: 'Office laptop',
    });
    expect(setUp.status).toBe(201);
    const tablet = new Device(b.base);
    expect(
      (await tablet.call('POST', '/api/auth/sign-in', { email, password: PASSWORD, device: 'Tablet' })).status,
    ).toBe(200);
    return { email, office, tablet };
  }

  it('passes the sync basics with requests alternating between the processes', async () => {
    const { office, tablet } = await organisation('Moray Peers');
    // A session made by one process is good on the other.
    expect((await office.call('GET', '/api/me', undefined, b.base)).status).toBe(200);

    // Pushed through A, pulled through B.
    const batch = pushBody([change('venue', 'v1', { name: 'Forres Library', parking: false })], 'batch-1', 'office1');
    const pushed = await office.call('POST', '/api/sync/push', batch);
    expect(pushed.body.results).toEqual([{ status: 'applied' }]);
    const first = await tablet.call('GET', '/api/sync/pull');
    expect(first.body.changes.map((record: { id: string }) => record.id)).toEqual(['v1']);

    // The same batch sent again through the other process changes nothing and numbers nothing anew.
    const again = await office.call('POST', '/api/sync/push', batch, b.base);
    expect(again.status).toBe(200);
    expect(
      (await tablet.call('GET', `/api/sync/pull?cursor=${first.body.cursor}`, undefined, a.base)).body.changes,
    ).toEqual([]);

    // Two devices change different fields of one record through different processes: both changes are kept,
    // and a cursor given by one process carries on through the other.
    const later = hlc(Date.now() + 1000, 0, 'tablet01');
    const tabletPush = await tablet.call(
      'POST',
      '/api/sync/push',
      pushBody([change('venue', 'v1', { parking: true }, later)], 'batch-2', 'tablet01'),
    );
    const laterStill = hlc(Date.now() + 2000, 0, 'office01');
    const officePush = await office.call(
      'POST',
      '/api/sync/push',
      pushBody([change('venue', 'v1', { hasSignal: true }, laterStill)], 'batch-3', 'office1'),
      b.base,
    );
    expect([tabletPush.body.results, officePush.body.results]).toEqual([
      [{ status: 'applied' }],
      [{ status: 'applied' }],
    ]);
    for (const base of [a.base, b.base]) {
      const page = await tablet.call('GET', `/api/sync/pull?cursor=${first.body.cursor}`, undefined, base);
      expect(page.body.changes).toHaveLength(1);
      expect(page.body.changes[0].values).toMatchObject({ name: 'Forres Library', parking: true, hasSignal: true });
    }
  });

  it('counts in each process the sync requests it answered, adding up to every one made', async () => {
    const { office } = await organisation('Buckie Peers');
    const processes = a === b ? [a] : [a, b];
    const pushesAnswered = async () => {
      const counts = [];
      for (const server of processes) {
        const text = await (await fetch(server.metrics ?? '')).text();
        const found = /^coorie_sync_requests_total\{op="push",status="200"\} (\d+)$/m.exec(text);
        counts.push(Number(found?.[1] ?? 0));
      }
      return counts;
    };
    const before = await pushesAnswered();
    for (let i = 0; i < 4; i++) {
      const batch = pushBody([change('venue', `m${i}`, { name: `Hall ${i}` })], `metrics-${i}`, 'office01');
      expect((await office.call('POST', '/api/sync/push', batch, i % 2 === 0 ? a.base : b.base)).status).toBe(200);
    }
    const after = await pushesAnswered();
    expect(after.map((count, i) => count - (before[i] ?? 0))).toEqual(processes.length === 2 ? [2, 2] : [4]);
  });

  it('shares invites, sign-outs and device revocation between the processes', async () => {
    const { office, tablet } = await organisation('Nairn Peers');
    const invited = await office.call('POST', '/api/invites', {
      name: 'Isla',
      email: uniqueEmail('isla'),
      role: 'visitor',
    });
    expect(invited.status).toBe(201);
    const isla = new Device(b.base);
    const accepted = await isla.call('POST', '/api/invites/accept', {
      code: invited.body.code,
      password: PASSWORD,
      device: 'Phone',
    });
    expect(accepted.status).toBe(201);
    expect((await isla.call('GET', '/api/me', undefined, a.base)).status).toBe(200);

    // The tablet is revoked through A: B refuses it at once.
    const devices = (await office.call('GET', '/api/devices')).body.devices as { id: string; name: string }[];
    const tabletId = devices.find((device) => device.name === 'Tablet')?.id;
    expect(tabletId).toBeDefined();
    expect((await office.call('DELETE', `/api/devices/${tabletId}`)).status).toBe(204);
    expect((await tablet.call('GET', '/api/sync/pull', undefined, b.base)).status).toBe(401);

    // Isla signs out through A: her cookie is no good on B either.
    const kept = isla.cookie;
    expect((await isla.call('POST', '/api/auth/sign-out', {}, a.base)).status).toBeLessThan(300);
    isla.cookie = kept;
    expect((await isla.call('GET', '/api/me', undefined, b.base)).status).toBe(401);
  });

  it('never lets a puller skip a late commit while pushes go through both processes', async () => {
    const { office, tablet } = await organisation('Banff Peers');
    const expected = new Set<string>();
    const batches = Array.from({ length: 24 }, (_, p) =>
      pushBody(
        Array.from({ length: 15 }, (_, c) => {
          const id = `p${p}-c${c}`;
          expected.add(id);
          return change('venue', id, { name: `Hall ${p}.${c}` });
        }),
        `late-${p}`,
        `pushr${p % 8}`,
      ),
    );
    let pushing = true;
    // Eight devices, each pushing its three batches in turn, alternately through A and B.
    const pushed = Promise.all(
      Array.from({ length: 8 }, async (_, device) => {
        for (let p = device; p < batches.length; p += 8) {
          const answer = await office.call('POST', '/api/sync/push', batches[p], p % 2 === 0 ? a.base : b.base);
          expect(answer.status).toBe(200);
        }
      }),
    ).finally(() => {
      pushing = false;
    });

    const seen: string[] = [];
    let cursor = '';
    let polls = 0;
    const pullPage = async () => {
      const base = polls % 2 === 0 ? b.base : a.base;
      polls += 1;
      const page = await tablet.call(
        'GET',
        `/api/sync/pull?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        undefined,
        base,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.changes.map((record: { id: string }) => record.id));
      cursor = page.body.cursor;
      return page.body.more as boolean;
    };
    while (pushing && polls < 20_000) await pullPage();
    await pushed;
    for (let drain = 0; drain < 1000 && (await pullPage()); drain++);

    expect(polls).toBeGreaterThan(2);
    expect(seen).toHaveLength(expected.size);
    expect(new Set(seen)).toEqual(expected);
  });

  it('counts sign-in limits and rate limits across both processes', async () => {
    const { email, office } = await organisation('Elgin Peers');
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new Device(i % 2 === 0 ? a.base : b.base).call('POST', '/api/auth/sign-in', {
          email,
          password: `wrong guess ${i}`,
          device: 'Attacker',
        }),
      ),
    );
    const statuses = guesses.map((guess) => guess.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25);

    // Test alerts are limited to five a minute per address: five answers in all, not five per process.
    const tries = [];
    for (let i = 0; i < 8; i++)
      tries.push((await office.call('POST', '/api/push/test', {}, i % 2 === 0 ? a.base : b.base)).status);
    expect(tries).toEqual([409, 409, 409, 409, 409, 429, 429, 429]);
  });
});

describe.each(variants)('a scheduled job across processes: $name', { timeout: 180_000 }, ({ postgres }) => {
  let dir = '';
  let pgUrl = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'coorie-jobs-'));
    if (postgres) pgUrl = await createPgDatabase();
  }, 60_000);

  afterAll(async () => {
    if (pgUrl) await dropPgDatabase(pgUrl);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('runs the daily retention check once, not once per process', async () => {
    const env = { DATA_DIR: dir, ...(postgres ? { DATABASE_URL: pgUrl } : {}) };
    const startedDay = Math.floor(Date.now() / DAY_MS);

    // An organisation with retention on, set up through a first process that is then stopped; the daily slot
    // it claimed at start is taken back, as a new day would.
    const first = await startServerProcess(env);
    const office = new Device(first.base);
    const setUp = await office.call('POST', '/api/organisations', {
      organisation: 'Keith Peers',
      name: 'Ailsa',
      email: uniqueEmail('ailsa'),
      password: PASSWORD,
      device: 'Office laptop',
    });
    expect(setUp.status).toBe(201);
    expect((await office.call('PUT', '/api/organisation/retention', { months: 24 })).status).toBe(200);
    await first.stop();
    const { openStore } = await import('../../src/server/store/index.ts');
    const { loadConfig } = await import('../../src/server/config.ts');
    const store = openStore(loadConfig(env));
    try {
      await store.db.deleteFrom('scheduled_jobs').execute();

      // PostgreSQL: two processes start together. SQLite: one starts, stops, and starts again the same day.
      const ran = (processes: ServerProcess[]) =>
        processes
          .flatMap((server) => server.logs)
          .filter((line) => line.msg === 'scheduled job ran' && line.job === 'retention');
      let processes: ServerProcess[];
      let running: ServerProcess[];
      if (postgres) {
        processes = await Promise.all([startServerProcess(env), startServerProcess(env)]);
        running = processes;
        await expect.poll(() => ran(processes).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      } else {
        const before = await startServerProcess(env);
        await expect.poll(() => ran([before]).length, { timeout: 30_000 }).toBe(1);
        await before.stop();
        running = [await startServerProcess(env)];
        processes = [before, ...running];
      }
      for (const server of running) {
        const health = await new Device(server.base).call('GET', '/api/health');
        expect(health.status).toBe(200);
      }
      const audited = async () =>
        (await store.db.selectFrom('audit_log').select('id').where('action', '=', 'retention_due').execute()).length;
      await expect.poll(audited, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      for (const server of running) await server.stop();

      // Once: twice only if the test itself ran across midnight UTC, into a second day.
      const days = Math.floor(Date.now() / DAY_MS) - startedDay + 1;
      expect(ran(processes).length).toBeGreaterThanOrEqual(1);
      expect(ran(processes).length).toBeLessThanOrEqual(days);
      expect(await audited()).toBeLessThanOrEqual(days);
    } finally {
      await store.close();
    }
  });
});
