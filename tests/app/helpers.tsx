// Renders the real routes over a fresh fake IndexedDB, with `fetch` answered by a small stub of the server.
import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate, type Location, type To } from 'react-router';
import { vi } from 'vitest';
import { rememberSignedIn } from '../../src/db/account.ts';
import { CoorieDb } from '../../src/db/database.ts';
import { DbContext } from '../../src/db/hooks.ts';
import { getMeta, type SignedInUser } from '../../src/db/meta.ts';
import { legacyPinRecord } from '../../src/app/lock/legacyPin.ts';
import { lockApp, markUnlocked, storePin } from '../../src/db/lock.ts';
import { AppRoutes } from '../../src/app/routes.tsx';
import type { PageSync } from '../../src/app/sync/pageSync.ts';
import { SyncContext } from '../../src/app/sync/SyncContext.ts';

export const ALEX: SignedInUser = {
  id: 'u1',
  name: 'Alex Morrison',
  email: 'alex@example.org',
  role: 'coordinator',
  organisationId: 'o1',
};

export function freshDb(): CoorieDb {
  return new CoorieDb(`test-${crypto.randomUUID()}`);
}

export function json(status: number, body?: unknown): Response {
  if (body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function apiError(status: number, code: string, message = code): Response {
  return json(status, { error: { code, message } });
}

type Handler = (body: unknown) => Response | Promise<Response>;

/**
 * Stubs `fetch` with one handler per "METHOD /path"; GET /api/me answers 401 unless given. Returns the
 * calls made, so a test can check what the form sent.
 */
export function stubServer(handlers: Record<string, Handler> = {}) {
  const calls: { route: string; body: unknown }[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const route = `${init?.method ?? 'GET'} ${String(input)}`;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ route, body });
    const handler = handlers[route] ?? (route === 'GET /api/me' ? () => apiError(401, 'unauthorised') : undefined);
    if (!handler) throw new Error(`unexpected request ${route}`);
    return handler(body);
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

/** Makes `fetch` fail as it does with no network at all. */
export function stubNoNetwork() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
}

/** The app PIN that renderApp gives the device, unless told otherwise. */
export const TEST_PIN = '4826';

/**
 * How the app lock starts. By default the device already has a PIN (TEST_PIN, for `user`, else whoever the
 * database has signed in, else ALEX, so that a sign-in as Alex opens the shell) and this page load is unlocked.
 * `locked` is a fresh launch with that PIN; `no-pin` is a device where nobody has chosen one yet; `as-is` leaves
 * the database's lock as it is.
 */
export type LockStart = 'unlocked' | 'locked' | 'no-pin' | 'as-is';

/**
 * Gives the device a PIN without the slow wrapping that choosing one does: the PIN's hash in one round of
 * PBKDF2, as a device set up before device keys kept it (its first right PIN makes the key).
 */
export async function seedPin(db: CoorieDb, userId: string, pin = TEST_PIN): Promise<void> {
  await storePin(db, await legacyPinRecord(userId, pin, 1));
}

/**
 * What a test may ask of the app's router: where it is (`state.location`) and to go somewhere, as a typed
 * address or the browser's back button would (`navigate`).
 */
class TestRouter {
  readonly state: { location: Location } = { location: undefined as unknown as Location };
  #navigate: ReturnType<typeof useNavigate> | undefined;

  readonly Probe = () => {
    this.state.location = useLocation();
    this.#navigate = useNavigate();
    return null;
  };

  async navigate(to: To | number): Promise<void> {
    const navigate = this.#navigate;
    if (!navigate) throw new Error('The app has not rendered its router yet');
    await act(async () => {
      if (typeof to === 'number') await navigate(to);
      else await navigate(to);
    });
  }
}

export async function renderApp(
  path: string,
  options: { db?: CoorieDb; user?: SignedInUser; sync?: PageSync; lock?: LockStart } = {},
) {
  const db = options.db ?? freshDb();
  if (options.user) await rememberSignedIn(db, options.user, 'Hall tablet 1');
  const lock = options.lock ?? 'unlocked';
  if (lock === 'unlocked' || lock === 'locked') {
    await seedPin(db, (options.user ?? (await getMeta(db, 'user')) ?? ALEX).id);
  }
  if (lock === 'unlocked') await markUnlocked(db);
  if (lock === 'locked') await lockApp(db);
  const router = new TestRouter();
  const view = render(
    <DbContext.Provider value={db}>
      <SyncContext.Provider value={options.sync ?? null}>
        <MemoryRouter initialEntries={[path]}>
          <router.Probe />
          <AppRoutes />
        </MemoryRouter>
      </SyncContext.Provider>
    </DbContext.Provider>,
  );
  return { db, router, ...view };
}
