// The device cookie: a device that signed in to an account before carries it, and under a guessing attack on
// that account it counts its own attempts (store/signInFailures.ts), so the person is not locked out of
// their own tablet. Sent only to the sign-in routes; kept through sign-out; ended by revoking the device.
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findTrustedDevice, renewTrustedDevice, trustDevice } from '../store/trustedDevices.ts';

const DEVICE_COOKIE = 'coorie_device';
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/** The hash naming the trusted device this request comes from, if it is one of this user's. */
export async function trustedDeviceOf(request: FastifyRequest, userId: string): Promise<string | undefined> {
  const token = request.cookies[DEVICE_COOKIE];
  return token ? findTrustedDevice(request.server.store.db, userId, token) : undefined;
}

/** After a good sign-in: a new device is trusted from now on; a trusted one follows its new sign-in. */
export async function rememberDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { userId: string; signInId: string; trusted: string | undefined },
  cookie: CookieSerializeOptions,
): Promise<void> {
  const { db } = request.server.store;
  if (input.trusted !== undefined) {
    await renewTrustedDevice(db, input.trusted, input.signInId);
    return;
  }
  const token = await trustDevice(db, { userId: input.userId, signInId: input.signInId });
  reply.setCookie(DEVICE_COOKIE, token, {
    ...cookie,
    path: '/api/auth',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
