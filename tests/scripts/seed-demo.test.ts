// @vitest-environment node
// The demo seed, run as a new user would: the printed password signs in and the demo records are there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openStore } from '../../src/server/store/index.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'coorie-seed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function seed(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

describe('npm run seed:demo', () => {
  it('makes a demo organisation whose printed credentials sign in and whose records sync down', async () => {
    const output = seed();
    const password = passwordIn(output);
    expect(output).toMatch(/set up your own organisation beside the demo one: http:\/\/localhost:\d+\/setup/);

    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', STATIC_DIR: path.join(dataDir, 'dist') });
    const store = openStore(config);
    const app = await buildApp({ config, store });
    try {
      const signIn = await signInAsDemo(app, password);
      expect(signIn.statusCode).toBe(200);
      const cookie = signIn.cookies.find((c) => c.name === 'coorie_session');
      const pull = await app.inject({
        method: 'GET',
        url: '/api/sync/pull?limit=1000',
        cookies: { coorie_session: cookie!.value },
      });
      const kinds = new Set((pull.json().changes as { kind: string }[]).map((change) => change.kind));
      expect([...kinds].sort()).toEqual([
        'activity',
        'attendee',
        'checkIn',
        'note',
        'outreach',
        'service',
        'session',
        'venue',
        'visit',
      ]);
    } finally {
      await app.close();
      await store.close();
    }

    const records = await recordCount();
    expect(records).toBeGreaterThan(20);
    // Running it again changes nothing, says so, and says how to see the sign-in details again.
    const again = seed();
    expect(again).toMatch(/The demo organisation "Moray Parents Together \(demo\)" is already here, so nothing was/);
    expect(again).toMatch(/npm run seed:demo -- --show/);
    expect(again).not.toMatch(/password/);
    expect(await recordCount()).toBe(records);

    // --show prints working sign-in details again without deleting anything.
    const shown = seed('--show');
    const newPassword = passwordIn(shown);
    expect(newPassword).not.toBe(password);
    expect(await recordCount()).toBe(records);
    const app2 = await buildApp({ config, store: openStore(config) });
    try {
      expect((await signInAsDemo(app2, newPassword)).statusCode).toBe(200);
      expect((await app2.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
        firstRun: true,
        openRegistration: false,
        demo: true,
      });
    } finally {
      await app2.close();
      await app2.store.close();
    }
  }, 120_000);
});

function passwordIn(output: string): string {
  const password = /password \(both\): (\S+)/.exec(output)?.[1];
  expect(password).toBeDefined();
  return password ?? '';
}

function signInAsDemo(app: Awaited<ReturnType<typeof buildApp>>, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'demo.coordinator@example.org', password, device: 'Test tablet' },
  });
}

async function recordCount(): Promise<number> {
  const store = openStore(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const row = await store.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  } finally {
    await store.close();
  }
}
