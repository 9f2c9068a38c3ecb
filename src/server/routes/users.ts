// The team: coordinators add people, change their roles and disable them (README, "Who can see and change what").
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
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
import { parse } from '../validation.ts';
import { email, idParams, password, personName, requireStrongPassword, role, workPhone } from './fields.ts';

const createBody = z.strictObject({ name: personName, email, role, password });
const patchBody = z
  .strictObject({
    role: role.optional(),
    disabled: z.boolean().optional(),
    name: personName.optional(),
    workPhone: workPhone.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Say what to change: role, disabled, name or workPhone.');

export default async function userRoutes(app: FastifyInstance) {
  const { db } = app.store;

  app.post('/api/users', async (request, reply) => {
    const { user: coordinator, device } = await requireRole(request, 'coordinator');
    const input = parse(createBody, request.body);
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

  app.get('/api/users', async (request) => {
    const { user: coordinator } = await requireRole(request, 'coordinator');
    return { users: await listUsers(db, coordinator.organisationId) };
  });

  // Who to call (issue 12): names, roles and work phones of the team, for every signed-in member of staff, so
  // that the escalation screen, Today and the visit page can offer "Call <name>". A kiosk is a screen the
  // device shows to parents; it never asks for this (src/app/team/contacts.ts).
  app.get('/api/team/contacts', async (request) => {
    const { user } = await requireUser(request);
    return { contacts: await listContacts(db, user.organisationId) };
  });

  app.patch('/api/users/:id', async (request) => {
    const { user: coordinator, device } = await requireRole(request, 'coordinator');
    const { id } = parse(idParams, request.params, 'address');
    const patch = parse(patchBody, request.body);
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
      const updated = await updateUser(trx, id, patch);
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
