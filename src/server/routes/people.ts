// A person's data-protection requests (README, "Data protection"): erasure and subject access, for coordinators only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ID_PATTERN } from '../../domain/fields.ts';
import { requireRole } from '../auth/signIn.ts';
import { notFound } from '../errors.ts';
import { erasePerson } from '../people/erase.ts';
import { exportPerson } from '../people/export.ts';
import { writeAudit } from '../store/audit.ts';
import { parse } from '../validation.ts';

// A malformed id names nobody: 404 like any other id outside the organisation.
const personParams = z.strictObject({ id: z.string() });
const noSuchPerson = () => notFound('There is no such person.');

export default async function peopleRoutes(app: FastifyInstance) {
  const { db } = app.store;

  app.post('/api/people/:id/erase', async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { id } = parse(personParams, request.params, 'address');
    if (!ID_PATTERN.test(id)) throw noSuchPerson();
    const erased = await erasePerson(
      db,
      { organisationId: user.organisationId, userId: user.id, deviceId: device.id },
      id,
    );
    return { erased };
  });

  app.get('/api/people/:id/export', async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { id } = parse(personParams, request.params, 'address');
    if (!ID_PATTERN.test(id)) throw noSuchPerson();
    const exported = await exportPerson(db, user.organisationId, id);
    if (!exported) throw noSuchPerson();
    await writeAudit(db, {
      organisationId: user.organisationId,
      userId: user.id,
      deviceId: device.id,
      action: 'person_exported',
      kind: 'attendee',
      recordId: id,
    });
    return exported;
  });
}
