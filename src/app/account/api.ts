// The account endpoints (server/routes/auth.ts, organisations.ts, invites.ts), for the setup, sign-in and
// settings screens. Errors become ApiError.
import type { SignedInUser } from '../../db/meta.ts';

// Small hand-written checks rather than zod: this module is on the first screen, and the schemas are not.
const ROLES: readonly string[] = ['coordinator', 'facilitator', 'visitor'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function userOf(payload: unknown): SignedInUser | undefined {
  const user = isRecord(payload) ? payload.user : undefined;
  if (!isRecord(user)) return undefined;
  const { id, name, email, role, organisationId } = user;
  const strings = [id, name, email, organisationId].every((field) => typeof field === 'string');
  if (!strings || typeof role !== 'string' || !ROLES.includes(role)) return undefined;
  return user as unknown as SignedInUser;
}

function errorOf(payload: unknown): { code: string; message: string } | undefined {
  const error = isRecord(payload) ? payload.error : undefined;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  return { code: error.code, message: error.message };
}

/** `status` 0 with code `network` means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls one endpoint of this origin's API and returns its JSON (undefined for 204); errors become ApiError. */
export async function request(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (response.status === 204) return undefined;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorOf(payload);
    if (error) throw new ApiError(response.status, error.code, error.message);
    throw new ApiError(response.status, 'http_' + response.status, `The server answered ${response.status}.`);
  }
  return payload;
}

function toUser(payload: unknown): SignedInUser {
  const user = userOf(payload);
  if (!user) throw new ApiError(502, 'bad_response', 'The server sent an answer Coorie does not understand.');
  return { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId };
}

export interface NewOrganisation {
  organisation: string;
  name: string;
  email: string;
  password: string;
}

export async function createOrganisation(details: NewOrganisation): Promise<SignedInUser> {
  return toUser(await request('POST', '/api/organisations', details));
}

export async function signIn(details: { email: string; password: string; device: string }): Promise<SignedInUser> {
  return toUser(await request('POST', '/api/auth/sign-in', details));
}

export async function signOut(): Promise<void> {
  await request('POST', '/api/auth/sign-out');
}

/**
 * The signed-in user and their organisation's name; `signed-out` when the server no longer knows the session (it
 * expired), `revoked` when a coordinator signed this device out or disabled the account. Network trouble throws.
 */
export async function getMe(): Promise<{ user: SignedInUser; organisationName: string } | 'signed-out' | 'revoked'> {
  try {
    const payload = await request('GET', '/api/me');
    const organisation = isRecord(payload) ? payload.organisation : undefined;
    const name = isRecord(organisation) && typeof organisation.name === 'string' ? organisation.name : '';
    return { user: toUser(payload), organisationName: name };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      return error.code === 'device_revoked' ? 'revoked' : 'signed-out';
    throw error;
  }
}

/** Turns a coordinator's one-time invite code into an account (named and addressed by the invite), signed in. */
export async function acceptInvite(details: { code: string; password: string; device: string }): Promise<SignedInUser> {
  return toUser(await request('POST', '/api/invites/accept', details));
}

/** What GET /api/setup says: whether this server still needs its first organisation (the demo one aside). */
export interface SetupStatus {
  firstRun: boolean;
  openRegistration: boolean;
  /** The demo organisation of `npm run seed:demo` is here. */
  demo: boolean;
}

export async function getSetupStatus(): Promise<SetupStatus> {
  const payload = await request('GET', '/api/setup');
  if (!isRecord(payload) || typeof payload.firstRun !== 'boolean') {
    throw new ApiError(502, 'bad_response', 'The server sent an answer Coorie does not understand.');
  }
  return {
    firstRun: payload.firstRun,
    openRegistration: payload.openRegistration === true,
    demo: payload.demo === true,
  };
}
