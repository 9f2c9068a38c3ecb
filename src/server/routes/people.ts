// A person's data-protection requests (README, "Data protection"): erasure and subject access, for coordinators only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eraseAnswer, personExportAnswer, personParams } from '../../api/privacy.ts';
import { ID_PATTERN } from '../../domain/fields.ts';
import { requireRole } from '../auth/signIn.ts';
import { notFound } from '../errors.ts';
import { erasePerson } from '../people/erase.ts';
import { exportPerson } from '../people/export.ts';
import { writeAudit } from '../store/audit.ts';
import { valid } from '../validation.ts';

// A malformed id names nobody: 404 like any other id outside the organisation.
const noSuchPerson = () => notFound('There is no such person.');

export default async function peopleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  const erase = { schema: { params: personParams, response: { 200: eraseAnswer } } };
  app.post('/api/people/:id/erase', erase, async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { id } = valid(request).params;
    if (!ID_PATTERN.test(id)) throw noSuchPerson();
    const erased = await erasePerson(
      db,
      { organisationId: user.organisationId, userId: user.id, deviceId: device.id, ledger: app.config.erasureLedger },
      id,
    );
    return { erased };
  });

  const exporting = { schema: { params: personParams, response: { 200: personExportAnswer } } };
  app.get('/api/people/:id/export', exporting, async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { id } = valid(request).params;
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
