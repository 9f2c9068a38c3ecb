// The sign-in cookie, and `requireUser`: who is asking, from which device, or a 401.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, HttpError, unauthenticated } from '../errors.ts';
import type { Role } from '../store/schema.ts';
import { createDeviceSignIn, findSignInByToken, isSignInLive, SIGN_IN_MAX_MS, touchSignIn } from '../store/signIns.ts';
import type { User } from '../store/users.ts';
import { rememberDevice } from './trustedDevice.ts';

export const SIGN_IN_COOKIE = 'coorie_session';
// A sign-in ends after SIGN_IN_IDLE_MS (14 days) without use and SIGN_IN_MAX_MS (90 days) after sign-in. The
// idle end slides on the server (`last_seen_at`, touched as the device syncs), so a device in use renews
// without anyone noticing and the cookie never needs re-issuing: it lives as long as the longest a sign-in can.
// An ended sign-in answers 401 `session_expired`, and the device keeps its data for the person to sign in again.
const COOKIE_MAX_AGE_S = SIGN_IN_MAX_MS / 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface Actor {
  user: User;
  device: { id: string; name: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

const deviceRevoked = () => new HttpError(401, 'device_revoked', 'This device has been signed out by a coordinator.');

const signInExpired = () =>
  new HttpError(401, 'session_expired', 'Your sign-in on this device has ended. Please sign in again.');

function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: request.server.config.cookieSecure || request.protocol === 'https',
  };
}

/**
 * Opens a device sign-in for a user who has just proved who they are, and hands the device its cookie; the
 * device is trusted for this user from now on (auth/trustedDevice.ts), or `trusted` already names it.
 */
export async function signIn(
  request: FastifyRequest,
  reply: FastifyReply,
  user: User,
  deviceName: string,
  trusted?: string,
) {
  const { token, signIn: opened } = await createDeviceSignIn(request.server.store.db, {
    userId: user.id,
    organisationId: user.organisationId,
    deviceName,
  });
  reply.setCookie(SIGN_IN_COOKIE, token, { ...cookieOptions(request), maxAge: COOKIE_MAX_AGE_S });
  await rememberDevice(request, reply, { userId: user.id, signInId: opened.id, trusted }, cookieOptions(request));
  return opened;
}

export function clearSignInCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SIGN_IN_COOKIE, cookieOptions(request));
}

/**
 * The signed-in user and device; throws 401 `unauthenticated`, 401 `session_expired` for a sign-in past its
 * idle or absolute end, or 401 `device_revoked` for a revoked device.
 */
export async function requireUser(request: FastifyRequest): Promise<Actor> {
  if (request.actor) return request.actor;
  const token = request.cookies[SIGN_IN_COOKIE];
  if (!token) throw unauthenticated();
  const { db } = request.server.store;
  const found = await findSignInByToken(db, token);
  if (!found) throw unauthenticated();
  // Disabling a user revokes their sign-ins; the second test only guards against a half-finished change.
  if (found.revokedAt !== null || found.disabled === 1) throw deviceRevoked();
  const now = Date.now();
  if (!isSignInLive(found, now)) throw signInExpired();
  if (now - Date.parse(found.lastSeenAt) >= TOUCH_INTERVAL_MS) await touchSignIn(db, found.signInId, now);
  request.actor = {
    user: {
      id: found.userId,
      name: found.name,
      email: found.email,
      role: found.role,
      organisationId: found.organisationId,
    },
    device: { id: found.signInId, name: found.deviceName },
  };
  return request.actor;
}

export async function requireRole(request: FastifyRequest, role: Role): Promise<Actor> {
  const actor = await requireUser(request);
  if (actor.user.role !== role) throw forbidden(`Only a ${role} can do that.`);
  return actor;
}
