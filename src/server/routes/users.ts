// The team: coordinators add people, change their roles and disable them (README, "Who can see and change what").
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { userAnswer } from '../../api/accounts.ts';
import { idParams } from '../../api/fields.ts';
import { contactsAnswer, memberAnswer, memberPatchBody, newMemberBody, teamAnswer } from '../../api/team.ts';
import { requireStrongPassword } from '../auth/password.ts';
import { requireRole, requireUser } from '../auth/signIn.ts';
import { HttpError, notFound } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import { revokeUserSignIns } from '../store/signIns.ts';
import {
  countActiveCoordinators,
  createUser,
  findUserById,
  listContacts,
  listUsers,
  updateUser,
} from '../store/users.ts';
import { recordRoleChange } from '../sync/sight.ts';
import { valid } from '../validation.ts';

export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  app.post('/api/users', { schema: { body: newMemberBody, response: { 201: userAnswer } } }, async (request, reply) => {
    const { user: coordinator, device } = await requireRole(request, 'coordinator');
    const input = valid(request).body;
    requireStrongPassword(input.password);
    const user = await createUser(db, { ...input, organisationId: coordinator.organisationId }, app.passwordCost);
    await writeAudit(db, {
      organisationId: coordinator.organisationId,
      userId: coordinator.id,
      deviceId: device.id,
      action: 'user_created',
      kind: 'user',
      recordId: user.id,
      detail: { role: user.role },
    });
    return reply.status(201).send({ user });
  });

  app.get('/api/users', { schema: { response: { 200: teamAnswer } } }, async (request) => {
    const { user: coordinator } = await requireRole(request, 'coordinator');
    return { users: await listUsers(db, coordinator.organisationId) };
  });

  // Who to call: names, roles and work phones of the team, for every signed-in member of staff, so that the
  // escalation screen and the visit page can offer "Call <name>". A kiosk is a screen the device shows to parents;
  // it never asks for this (src/app/team/contacts.ts).
  app.get('/api/team/contacts', { schema: { response: { 200: contactsAnswer } } }, async (request) => {
    const { user } = await requireUser(request);
    return { contacts: await listContacts(db, user.organisationId) };
  });

  const patching = { schema: { params: idParams, body: memberPatchBody, response: { 200: memberAnswer } } };
  app.patch('/api/users/:id', patching, async (request) => {
    const { user: coordinator, device } = await requireRole(request, 'coordinator');
    const { params, body: patch } = valid(request);
    const { id } = params;
    const target = await findUserById(db, id);
    // Another organisation's user is not there at all, as far as this coordinator can tell.
    if (!target || target.organisation_id !== coordinator.organisationId) throw notFound('There is no such user.');
    const losesCoordinator =
      target.role === 'coordinator' &&
      target.disabled === 0 &&
      ((patch.role !== undefined && patch.role !== 'coordinator') || patch.disabled === true);
    if (losesCoordinator && (await countActiveCoordinators(db, coordinator.organisationId)) <= 1) {
      throw new HttpError(409, 'last_coordinator', 'The organisation needs at least one coordinator who can sign in.');
    }
    const user = await db.transaction().execute(async (trx) => {
      // Found above, in the same organisation; gone only if removed meanwhile, which nothing does.
      const updated = await updateUser(trx, id, patch);
      if (!updated) throw notFound('There is no such user.');
      if (patch.role !== undefined) {
        await recordRoleChange(trx, { id, organisationId: target.organisation_id }, target.role, patch.role);
      }
      return updated;
    });
    // Disabling ends every sign-in at once: the user's devices get `device_revoked` and wipe themselves.
    if (patch.disabled === true) await revokeUserSignIns(db, id);
    await writeAudit(db, {
      organisationId: coordinator.organisationId,
      userId: coordinator.id,
      deviceId: device.id,
      action: 'user_changed',
      kind: 'user',
      recordId: id,
      // The number itself stays out of the audit log: only that it was set or cleared.
      detail: {
        ...patch,
        ...(patch.workPhone === undefined ? {} : { workPhone: patch.workPhone ? 'set' : 'cleared' }),
      },
    });
    return { user };
  });
}
