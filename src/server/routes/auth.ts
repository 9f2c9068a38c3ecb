// Sign-in, sign-out and "who am I" (README, "Who can see and change what").
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { meAnswer, signInBody, userAnswer } from '../../api/accounts.ts';
import { verifyDecoy, verifyPassword } from '../auth/password.ts';
import { clearSignInCookie, requireUser, SIGN_IN_COOKIE, signIn } from '../auth/signIn.ts';
import { trustedDeviceOf } from '../auth/trustedDevice.ts';
import { HttpError } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import { findSignInByToken, revokeSignIn } from '../store/signIns.ts';
import { clearSignInFailures, countSignInAttempt, forgetSignInAttempt } from '../store/signInFailures.ts';
import { findUserByEmail, isPeerResearcher, toUser } from '../store/users.ts';
import { valid } from '../validation.ts';
import { findOrganisation } from '../store/organisations.ts';

const badCredentials = () =>
  new HttpError(401, 'bad_credentials', 'That email address and password do not match an account.');

export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  app.post(
    '/api/auth/sign-in',
    {
      schema: { body: signInBody, response: { 200: userAnswer } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const input = valid(request).body;
      const found = await findUserByEmail(db, input.email);
      // A device this account signed in on before counts its own attempts, so an attack on the account
      // does not lock its owner out of their own tablet.
      const trusted = found ? await trustedDeviceOf(request, found.id) : undefined;
      const attempt = { email: input.email, ip: request.ip, ...(trusted === undefined ? {} : { device: trusted }) };
      // Counted before the password is checked, in the database: concurrent guesses cannot all slip through.
      const counted = await countSignInAttempt(db, attempt);
      if (counted.blocked) {
        await forgetSignInAttempt(db, counted.id);
        throw new HttpError(
          429,
          'too_many_attempts',
          'Too many failed tries to sign in. Wait 15 minutes, then try again.',
        );
      }
      // Unknown email, wrong password and disabled account all answer alike, and take as long.
      const matches = found
        ? await verifyPassword(input.password, found.password_hash)
        : await verifyDecoy(input.password, app.passwordCost);
      // Logged without the password; an unknown address belongs to no organisation, so only the server keeps it.
      const failed = (reason: string) =>
        writeAudit(db, {
          organisationId: found?.organisation_id ?? null,
          userId: found?.id ?? null,
          action: 'sign_in_failed',
          detail: { email: input.email, ip: request.ip, reason },
        });
      // A failed attempt's row stays: it is the failure counted.
      if (!found || !matches) {
        await failed(found ? 'wrong_password' : 'unknown_email');
        throw badCredentials();
      }
      if (found.disabled === 1) {
        await failed('disabled');
        throw badCredentials();
      }
      await clearSignInFailures(db, attempt);
      const user = { ...toUser(found), peerResearcher: found.peer_researcher === 1 };
      const opened = await signIn(request, reply, user, input.device, trusted);
      await writeAudit(db, {
        organisationId: user.organisationId,
        userId: user.id,
        deviceId: opened.id,
        action: 'sign_in',
        detail: { device: input.device, ip: request.ip },
      });
      return { user };
    },
  );

  app.post('/api/auth/sign-out', async (request, reply) => {
    const token = request.cookies[SIGN_IN_COOKIE];
    const signedIn = token ? await findSignInByToken(db, token) : undefined;
    if (signedIn) {
      await revokeSignIn(db, signedIn.signInId);
      await writeAudit(db, {
        organisationId: signedIn.organisationId,
        userId: signedIn.userId,
        deviceId: signedIn.signInId,
        action: 'sign_out',
      });
    }
    clearSignInCookie(request, reply);
    return reply.status(204).send();
  });

  // The organisation's name too, so that no screen has to ask people for a name the server already knows.
  app.get('/api/me', { schema: { response: { 200: meAnswer } } }, async (request) => {
    const { user, device } = await requireUser(request);
    const organisation = await findOrganisation(db, user.organisationId);
    const peerResearcher = await isPeerResearcher(db, user.id);
    return { user: { ...user, peerResearcher }, device, organisation: { name: organisation?.name ?? '' } };
  });
}
