// Retention settings, preview and confirmed run, for coordinators (README, "Data protection").
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ID_PATTERN } from '../../domain/fields.ts';
import { requireRole } from '../auth/signIn.ts';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, previewRetention, runRetention } from '../people/retention.ts';
import { writeAudit } from '../store/audit.ts';
import { setRetentionMonths } from '../store/organisations.ts';
import { parse } from '../validation.ts';

const retentionBody = z.strictObject({
  months: z
    .number()
    .int()
    .min(MIN_RETENTION_MONTHS, `must be at least ${MIN_RETENTION_MONTHS} months`)
    .max(MAX_RETENTION_MONTHS, `must be at most ${MAX_RETENTION_MONTHS} months`)
    .nullable(),
});
const runBody = z.strictObject({ ids: z.array(z.string().regex(ID_PATTERN)).min(1).max(1000) });

export default async function retentionRoutes(app: FastifyInstance) {
  const { db } = app.store;

  app.put('/api/organisation/retention', async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { months } = parse(retentionBody, request.body);
    await setRetentionMonths(db, user.organisationId, months);
    await writeAudit(db, {
      organisationId: user.organisationId,
      userId: user.id,
      deviceId: device.id,
      action: 'retention_changed',
      detail: { months },
    });
    return { months };
  });

  app.get('/api/retention/preview', async (request) => {
    const { user } = await requireRole(request, 'coordinator');
    return previewRetention(db, user.organisationId);
  });

  app.post('/api/retention/run', async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { ids } = parse(runBody, request.body);
    const eraser = { organisationId: user.organisationId, userId: user.id, deviceId: device.id };
    return { erased: await runRetention(db, eraser, ids) };
  });
}
