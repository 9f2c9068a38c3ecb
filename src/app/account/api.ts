// The account endpoints (server/routes/auth.ts, organisations.ts, invites.ts), for the setup, sign-in and settings
// screens. Answers are checked against src/api/accounts.ts; problems become ApiError.
import type { NewOrganisation, SetupStatus } from '../../api/accounts.ts';
import type { SignedInUser } from '../../db/meta.ts';
import { ApiError, request, send } from '../http/request.ts';

export async function createOrganisation(details: NewOrganisation): Promise<SignedInUser> {
  return (await request('POST', '/api/organisations', (api) => api.userAnswer, details)).user;
}

export async function signIn(details: { email: string; password: string; device: string }): Promise<SignedInUser> {
  return (await request('POST', '/api/auth/sign-in', (api) => api.userAnswer, details)).user;
}

export async function signOut(): Promise<void> {
  await send('POST', '/api/auth/sign-out');
}

/**
 * The signed-in user and their organisation's name; `signed-out` when the server no longer knows the session (it
 * expired), `revoked` when a coordinator signed this device out or disabled the account. Network trouble throws.
 */
export async function getMe(): Promise<{ user: SignedInUser; organisationName: string } | 'signed-out' | 'revoked'> {
  try {
    // Only the user is needed to stay signed in: an answer without the organisation's name still does.
    const me = await request('GET', '/api/me', (api) => api.meAnswer.partial({ device: true, organisation: true }));
    return { user: me.user, organisationName: me.organisation?.name ?? '' };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      return error.code === 'device_revoked' ? 'revoked' : 'signed-out';
    throw error;
  }
}

/** Turns a coordinator's one-time invite code into an account (named and addressed by the invite), signed in. */
export async function acceptInvite(details: { code: string; password: string; device: string }): Promise<SignedInUser> {
  return (await request('POST', '/api/invites/accept', (api) => api.userAnswer, details)).user;
}

/** What GET /api/setup says: whether this server still needs its first organisation (the demo one aside). */
export function getSetupStatus(): Promise<SetupStatus> {
  return request('GET', '/api/setup', (api) => api.setupAnswer);
}
