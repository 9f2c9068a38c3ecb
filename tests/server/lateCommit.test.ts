// @vitest-environment node
// The proof that a change committing late is never skipped (README, "Decisions worth knowing", change order):
// many devices push at once over real HTTP while another device keeps pulling, and the puller must end up with
// every record, each exactly once.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { change, PASSWORD, pushBody, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';

const PUSHES = 40;
const DEVICES = 8;
const CHANGES_PER_PUSH = 20;
// Big enough that the puller keeps up with the pushes and reads right at the edge of what has committed,
// where a late commit would be stepped over.
const PULL_LIMIT = 100;

describe.each(databases())('concurrent pushes and a polling puller on $name', { timeout: 120_000 }, (database) => {
  // The puller polls as fast as it can, far beyond what a device would: lift the sync rate limit.
  const server = useServer(database, { SYNC_RATE_LIMIT: '1000000' });

  it('the puller sees every change exactly once', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const { email } = (await coordinator.get('/api/me')).body.user;
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;

    async function signIn(device: string): Promise<string> {
      const response = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD, device }),
      });
      expect(response.status).toBe(200);
      return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
    const [pusherCookie, pullerCookie] = [await signIn('Pushing tablet'), await signIn('Pulling tablet')];

    const expected = new Set<string>();
    const pushes = Array.from({ length: PUSHES }, (_, p) => {
      const changes = Array.from({ length: CHANGES_PER_PUSH }, (_, c) => {
        const id = `p${p}-c${c}`;
        expected.add(id);
        return change('attendee', id, { displayName: `Parent ${p}.${c}` });
      });
      return pushBody(changes, `batch-${p}`, `device${p}x`);
    });

    // Eight devices push five batches each, one after another, so that pushes keep overlapping for a while
    // instead of all arriving before the first pull.
    let pushing = true;
    const pushOne = async (body: ReturnType<typeof pushBody>) => {
      const response = await fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: pusherCookie },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      const { results } = (await response.json()) as { results: { status: string }[] };
      expect(results.every((result) => result.status === 'applied')).toBe(true);
    };
    const pushed = Promise.all(
      Array.from({ length: DEVICES }, async (_, device) => {
        for (let p = device; p < PUSHES; p += DEVICES) await pushOne(pushes[p]!);
      }),
    ).finally(() => {
      pushing = false;
    });

    const seen: string[] = [];
    let cursor = '';
    async function pullPage(): Promise<boolean> {
      const query = `limit=${PULL_LIMIT}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await fetch(`${base}/api/sync/pull?${query}`, { headers: { cookie: pullerCookie } });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { changes: { id: string }[]; cursor: string; more: boolean };
      seen.push(...page.changes.map((record) => record.id));
      cursor = page.cursor;
      return page.more;
    }

    // Poll while the pushes run, then drain what is left; both loops are bounded.
    let polls = 0;
    while (pushing && polls < 20_000) {
      await pullPage();
      polls += 1;
    }
    await pushed;
    for (let drain = 0; drain < 1000 && (await pullPage()); drain++);

    expect(polls).toBeGreaterThan(1);
    expect(seen).toHaveLength(expected.size);
    expect(new Set(seen)).toEqual(expected);
  });
});
