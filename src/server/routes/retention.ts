// Retention settings, preview and confirmed run, for coordinators (README, "Data protection").
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  retentionAnswer,
  retentionBody,
  retentionPreviewAnswer,
  retentionRunAnswer,
  retentionRunBody,
} from '../../api/privacy.ts';
import { requireRole } from '../auth/signIn.ts';
import { previewRetention, runRetention } from '../people/retention.ts';
import { writeAudit } from '../store/audit.ts';
import { setRetentionMonths } from '../store/organisations.ts';
import { valid } from '../validation.ts';

export default async function retentionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  const period = { schema: { body: retentionBody, response: { 200: retentionAnswer } } };
  app.put('/api/organisation/retention', period, async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { months } = valid(request).body;
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

  app.get('/api/retention/preview', { schema: { response: { 200: retentionPreviewAnswer } } }, async (request) => {
    const { user } = await requireRole(request, 'coordinator');
    return previewRetention(db, user.organisationId);
  });

  const run = { schema: { body: retentionRunBody, response: { 200: retentionRunAnswer } } };
  app.post('/api/retention/run', run, async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const { ids } = valid(request).body;
    const eraser = {
      organisationId: user.organisationId,
      userId: user.id,
      deviceId: device.id,
      ledger: app.config.erasureLedger,
    };
    return { erased: await runRetention(db, eraser, ids) };
  });
}
