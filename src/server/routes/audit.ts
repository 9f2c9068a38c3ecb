// What coordinators can see of who did what: the audit log and one record's change history.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isKindName } from '../../domain/kinds.ts';
import { requireRole } from '../auth/signIn.ts';
import { notFound } from '../errors.ts';
import { listAudit } from '../store/audit.ts';
import { readHistory } from '../store/history.ts';
import { parse } from '../validation.ts';

const auditQuery = z.strictObject({
  kind: z.string().max(40).optional(),
  id: z.string().max(100).optional(),
  action: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const historyParams = z.strictObject({ kind: z.string(), id: z.string().max(100) });

export default async function auditRoutes(app: FastifyInstance) {
  const { db } = app.store;

  app.get('/api/audit', async (request) => {
    const { user } = await requireRole(request, 'coordinator');
    const query = parse(auditQuery, request.query, 'query');
    const entries = await listAudit(db, {
      organisationId: user.organisationId,
      limit: query.limit,
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(query.id === undefined ? {} : { recordId: query.id }),
      ...(query.action === undefined ? {} : { action: query.action }),
    });
    return { entries };
  });

  app.get('/api/records/:kind/:id/history', async (request) => {
    const { user } = await requireRole(request, 'coordinator');
    const { kind, id } = parse(historyParams, request.params, 'address');
    if (!isKindName(kind)) throw notFound('There is no such record.');
    const changes = await readHistory(db, { organisationId: user.organisationId, kind, id });
    if (changes.length === 0) throw notFound('There is no such record.');
    return { kind, id, changes };
  });
}
