// What coordinators can see of who did what: the audit log and one record's change history.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditAnswer, auditQuery, historyAnswer, historyParams } from '../../api/privacy.ts';
import { isKindName } from '../../domain/kinds.ts';
import { requireRole } from '../auth/signIn.ts';
import { notFound } from '../errors.ts';
import { listAudit } from '../store/audit.ts';
import { readHistory } from '../store/history.ts';
import { findRecord } from '../store/records.ts';
import { canSee } from '../sync/visibility.ts';
import { valid } from '../validation.ts';

export default async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  app.get('/api/audit', { schema: { querystring: auditQuery, response: { 200: auditAnswer } } }, async (request) => {
    const { user } = await requireRole(request, 'coordinator');
    const { query } = valid(request);
    const entries = await listAudit(db, {
      organisationId: user.organisationId,
      limit: query.limit,
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(query.id === undefined ? {} : { recordId: query.id }),
      ...(query.action === undefined ? {} : { action: query.action }),
    });
    return { entries };
  });

  const history = { schema: { params: historyParams, response: { 200: historyAnswer } } };
  app.get('/api/records/:kind/:id/history', history, async (request) => {
    const { user } = await requireRole(request, 'coordinator');
    const { kind, id } = valid(request).params;
    if (!isKindName(kind)) throw notFound('There is no such record.');
    // A supervision note's history is its content: only the member and their supervisor may read it.
    const record = await findRecord(db, user.organisationId, kind, id);
    if (record && !canSee(user, record.privateTo)) throw notFound('There is no such record.');
    const changes = await readHistory(db, { organisationId: user.organisationId, kind, id });
    if (changes.length === 0) throw notFound('There is no such record.');
    return { kind, id, changes };
  });
}
