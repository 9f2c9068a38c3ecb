// The real server in this process for the data-protection screens: `fetch` goes through Fastify's inject with
// the signed-in coordinator's cookie, as the browser's would, and "sync now" runs the real sync engine.
import { vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import type { SignedInUser } from '../../src/db/meta.ts';
import type { PageSync } from '../../src/app/sync/pageSync.ts';
import { syncOnce } from '../../src/engine/client.ts';
import type { Client } from '../server/client.ts';

/** Answers the page's requests with the real server, as `client` (its cookie is the tablet's session). */
export function routeFetchTo(client: Client): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://coorie.test');
      const method = (init?.method ?? 'GET') as 'GET' | 'POST' | 'PUT';
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const answer = await client.call(method, url.pathname + url.search, body);
      if (answer.status === 204) return new Response(null, { status: 204 });
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return new Response(text, { status: answer.status, headers: { 'content-type': 'application/json' } });
    }),
  );
}

/** The user the server says `client` is, to put on the tablet as signed in. */
export async function whoIs(client: Client): Promise<SignedInUser> {
  const me = await client.get('/api/me');
  if (me.status !== 200) throw new Error(`not signed in: ${me.status}`);
  return me.body.user as SignedInUser;
}

/** "Sync now" that runs the real engine against the server (through the routed fetch) and can be awaited. */
export function realSync(db: CoorieDb): PageSync & { done: () => Promise<unknown> } {
  let running: Promise<unknown> = Promise.resolve();
  return {
    start: () => () => {},
    requestNow: () => {
      running = syncOnce({ db });
    },
    requestSoon: () => {
      running = syncOnce({ db });
    },
    done: () => running,
  };
}
