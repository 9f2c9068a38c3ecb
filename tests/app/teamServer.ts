// The real server for the component tests of the team, devices, invite and sign-out screens: `fetch` in the
// rendered app reaches it over HTTP with one session cookie, as a tablet's browser would.
import { vi } from 'vitest';
import type { SignedInUser } from '../../src/db/meta.ts';
import { PASSWORD } from '../engine/harness.ts';

// Taken before any test stubs `fetch`, so that the stub can still reach the network.
const networkFetch = globalThis.fetch.bind(globalThis);

export { PASSWORD };

/** One browser: its own cookie jar, requests to paths of the server's origin. */
export class Browser {
  cookie: string | undefined;
  /** While true, requests fail as they do with no signal. */
  offline = false;

  constructor(readonly serverUrl: string) {}

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (this.offline) throw new TypeError('Failed to fetch');
    const path = String(input);
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await networkFetch(path.startsWith('/') ? `${this.serverUrl}${path}` : path, {
      ...init,
      headers,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name, value = ''] = pair.split('=');
      if (name === 'coorie_session') this.cookie = value ? `coorie_session=${value}` : undefined;
    }
    return response;
  };

  async post(path: string, body: unknown): Promise<Response> {
    return this.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** Makes this browser the one the rendered app uses. */
  use(): this {
    vi.stubGlobal('fetch', this.fetch);
    return this;
  }
}

async function userFrom(response: Response): Promise<SignedInUser> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { user: SignedInUser }).user;
}

/** A new organisation (the server runs with OPEN_REGISTRATION) and its first coordinator, signed in. */
export async function coordinatorOf(serverUrl: string, organisation = 'Moray peer support') {
  const browser = new Browser(serverUrl);
  const email = `coordinator-${crypto.randomUUID()}@example.org`;
  const user = await userFrom(
    await browser.post('/api/organisations', {
      organisation,
      name: 'Alex Morrison',
      email,
      password: PASSWORD,
      device: 'Office laptop',
    }),
  );
  return { browser, user };
}

/** A member the coordinator adds, signed in on a browser of their own under the device name given. */
export async function memberOf(
  coordinator: Browser,
  details: { name: string; role: SignedInUser['role']; device: string },
) {
  const email = `${details.name.split(' ')[0]?.toLowerCase()}-${crypto.randomUUID()}@example.org`;
  await userFrom(
    await coordinator.post('/api/users', { name: details.name, email, role: details.role, password: PASSWORD }),
  );
  const browser = new Browser(coordinator.serverUrl);
  const user = await userFrom(
    await browser.post('/api/auth/sign-in', { email, password: PASSWORD, device: details.device }),
  );
  return { browser, user, email };
}
