// Invitations: a coordinator invites someone by a one-time code instead of choosing their password.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptInviteBody, userAnswer } from '../../api/accounts.ts';
import { inviteAnswer, inviteBody } from '../../api/team.ts';
import { hashPassword, requireStrongPassword } from '../auth/password.ts';
import { requireRole, signIn } from '../auth/signIn.ts';
import { HttpError } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import { claimInvite, createInvite, isInviteBlocked, recordInviteFailure } from '../store/invites.ts';
import { sealKeyVaultOf } from '../store/sealKeyVault.ts';
import { emailTaken, findUserByEmail, insertUser } from '../store/users.ts';
import { valid } from '../validation.ts';

const invalidInvite = () =>
  new HttpError(400, 'invalid_invite', 'That invitation code is not valid: it may have expired or been used.');

export default async function inviteRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  app.post(
    '/api/invites',
    { schema: { body: inviteBody, response: { 201: inviteAnswer } } },
    async (request, reply) => {
      const { user, device } = await requireRole(request, 'coordinator');
      const input = valid(request).body;
      if (await findUserByEmail(db, input.email)) throw emailTaken();
      // One transaction, so a full disk leaves neither an invitation without its audit entry nor the reverse.
      const invite = await db.transaction().execute(async (trx) => {
        const created = await createInvite(trx, sealKeyVaultOf(db), {
          ...input,
          organisationId: user.organisationId,
          createdBy: user.id,
        });
        await writeAudit(trx, {
          organisationId: user.organisationId,
          userId: user.id,
          deviceId: device.id,
          action: 'invite_created',
          kind: 'invite',
          recordId: created.id,
          detail: { role: input.role },
        });
        return created;
      });
      return reply.status(201).send({ code: invite.code, expiresAt: invite.expiresAt });
    },
  );

  // Guessing is limited in the database (10 failures per address per 15 minutes, for every process); the
  // in-memory limit only caps how fast one address can make the server hash passwords.
  app.post(
    '/api/invites/accept',
    {
      schema: { body: acceptInviteBody, response: { 201: userAnswer } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (await isInviteBlocked(db, request.ip)) {
        throw new HttpError(429, 'too_many_attempts', 'Too many wrong invite codes. Wait 15 minutes, then try again.');
      }
      const input = valid(request).body;
      requireStrongPassword(input.password);
      const passwordHash = await hashPassword(input.password, app.passwordCost);
      const user = await db.transaction().execute(async (trx) => {
        const invite = await claimInvite(trx, sealKeyVaultOf(db), input.code);
        if (!invite) return undefined;
        const { name, email, role } = invite;
        // An address taken since the invite was made throws 409 and rolls the claim back.
        const created = await insertUser(trx, {
          organisationId: invite.organisation_id,
          name,
          email,
          role,
          passwordHash,
        });
        await writeAudit(trx, {
          organisationId: invite.organisation_id,
          userId: created.id,
          action: 'invite_accepted',
          kind: 'invite',
          recordId: invite.id,
          detail: { role },
        });
        return created;
      });
      if (!user) {
        await recordInviteFailure(db, request.ip);
        throw invalidInvite();
      }
      await signIn(request, reply, user, input.device);
      return reply.status(201).send({ user });
    },
  );
}
