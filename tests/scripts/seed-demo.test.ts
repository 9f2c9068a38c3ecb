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

function seed(): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

describe('npm run seed:demo', () => {
  it('makes a demo organisation whose printed credentials sign in and whose records sync down', async () => {
    const output = seed();
    const password = /password \(both\): (\S+)/.exec(output)?.[1];
    expect(password).toBeDefined();

    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', STATIC_DIR: path.join(dataDir, 'dist') });
    const store = openStore(config);
    const app = await buildApp({ config, store });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'demo.coordinator@example.org', password, device: 'Test tablet' },
      });
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

    // Running it again does not make a second organisation.
    expect(seed()).toMatch(/already here/);
  }, 120_000);
});
