// The account endpoints (server/routes/auth.ts, organisations.ts, invites.ts), for the setup, sign-in and settings
// screens. These are on the first screen, which has no room for zod: their answers are read by hand here, field
// for field as src/api/accounts.ts describes them (tests/app/accountApi.test.ts holds them to it).
import type { NewOrganisation, SetupStatus, User } from '../../api/accounts.ts';
import { isRole } from '../../domain/roles.ts';
import { ApiError, badResponse, isObject, request } from '../http/request.ts';

/** `userAnswer`'s user; a bad_response ApiError if the answer is not one. */
function toUser(payload: unknown): User {
  const user = isObject(payload) ? payload.user : undefined;
  if (isObject(user)) {
    const { id, name, email, role, organisationId, peerResearcher } = user;
    const strings = typeof id === 'string' && typeof name === 'string' && typeof email === 'string';
    const flag = peerResearcher === undefined || typeof peerResearcher === 'boolean';
    if (strings && typeof organisationId === 'string' && isRole(role) && flag) {
      return { id, name, email, role, organisationId, ...(peerResearcher === undefined ? {} : { peerResearcher }) };
    }
  }
  throw badResponse();
}

export async function createOrganisation(details: NewOrganisation): Promise<User> {
  return toUser(await request('POST', '/api/organisations', details));
}

export async function signIn(details: { email: string; password: string; device: string }): Promise<User> {
  return toUser(await request('POST', '/api/auth/sign-in', details));
}

export async function signOut(): Promise<void> {
  await request('POST', '/api/auth/sign-out');
}

/**
 * The signed-in user and their organisation's name; `signed-out` when the server no longer knows the session (it
 * expired), `revoked` when a coordinator signed this device out or disabled the account. Network trouble throws.
 */
export async function getMe(): Promise<{ user: User; organisationName: string } | 'signed-out' | 'revoked'> {
  try {
    const payload = await request('GET', '/api/me');
    // Only the user is needed to stay signed in: an answer without the organisation's name still does.
    const organisation = isObject(payload) ? payload.organisation : undefined;
    const name = isObject(organisation) && typeof organisation.name === 'string' ? organisation.name : '';
    return { user: toUser(payload), organisationName: name };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      return error.code === 'device_revoked' ? 'revoked' : 'signed-out';
    throw error;
  }
}

/** Turns a coordinator's one-time invite code into an account (named and addressed by the invite), signed in. */
export async function acceptInvite(details: { code: string; password: string; device: string }): Promise<User> {
  return toUser(await request('POST', '/api/invites/accept', details));
}

/** What GET /api/setup says (`setupAnswer`): whether this server still needs its first organisation (the demo one
 * aside). An older server's answer without the last two flags reads them as false. */
export async function getSetupStatus(): Promise<SetupStatus> {
  const payload = await request('GET', '/api/setup');
  if (!isObject(payload) || typeof payload.firstRun !== 'boolean') throw badResponse();
  return {
    firstRun: payload.firstRun,
    openRegistration: payload.openRegistration === true,
    demo: payload.demo === true,
  };
}
