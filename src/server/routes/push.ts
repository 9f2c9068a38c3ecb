// Alerts: the server's VAPID public key, this device's Web Push subscription, its status, and a test alert
// (each about the signed-in device only); and the organisation's alert periods, which only coordinators change.
// Writes meet the same-origin guard (guards.ts) like every other write.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  alertPeriodsAnswer,
  alertPeriodsBody,
  pushKeyAnswer,
  subscriptionAnswer,
  subscriptionBody,
  testAlertAnswer,
} from '../../api/push.ts';
import { requireRole, requireUser } from '../auth/signIn.ts';
import { HttpError } from '../errors.ts';
import { alertPeriodsOf } from '../push/alerts.ts';
import { TEST_ALERT } from '../push/messages.ts';
import { writeAudit } from '../store/audit.ts';
import { setAlertPeriods } from '../store/organisations.ts';
import { deleteSubscription, findSubscription, saveSubscription } from '../store/pushSubscriptions.ts';
import { valid } from '../validation.ts';

/** Whether `hostname` is one of `hosts` or under one of them. */
function isPushService(hostname: string, hosts: readonly string[]): boolean {
  const name = hostname.toLowerCase();
  return hosts.some((host) => name === host || name.endsWith(`.${host}`));
}

export default async function pushRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  app.get('/api/push/key', { schema: { response: { 200: pushKeyAnswer } } }, async (request) => {
    await requireUser(request);
    return { publicKey: await app.push.publicKey() };
  });

  app.get('/api/push/subscription', { schema: { response: { 200: subscriptionAnswer } } }, async (request) => {
    const { device } = await requireUser(request);
    const found = await findSubscription(db, device.id);
    return { subscribed: found !== undefined, lastDeliveredAt: found?.lastDeliveredAt ?? null };
  });

  app.put('/api/push/subscription', { schema: { body: subscriptionBody } }, async (request, reply) => {
    const { user, device } = await requireUser(request);
    const input = valid(request).body;
    if (!isPushService(new URL(input.endpoint).hostname, app.config.pushServiceHosts)) {
      throw new HttpError(
        400,
        'unknown_push_service',
        "The subscription's address is not a push service this server sends to.",
      );
    }
    await saveSubscription(
      db,
      { deviceId: device.id, userId: user.id, organisationId: user.organisationId },
      { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth },
    );
    return reply.status(204).send();
  });

  app.delete('/api/push/subscription', async (request, reply) => {
    const { device } = await requireUser(request);
    await deleteSubscription(db, device.id);
    return reply.status(204).send();
  });

  // A few a minute: each one is a request to the browser maker's push service.
  const test = {
    config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    schema: { response: { 200: testAlertAnswer } },
  };
  app.post('/api/push/test', test, async (request) => {
    const { device } = await requireUser(request);
    const found = await findSubscription(db, device.id);
    if (!found) throw new HttpError(409, 'not_subscribed', 'Alerts are not turned on for this device.');
    const delivered = (await app.push.send([found], TEST_ALERT)) === 1;
    const after = await findSubscription(db, device.id);
    return { delivered, subscribed: after !== undefined, lastDeliveredAt: after?.lastDeliveredAt ?? null };
  });

  // Any member of staff may read them (a visitor may want to know when the buddy hears); coordinators set them.
  const periods = { schema: { response: { 200: alertPeriodsAnswer } } };
  app.get('/api/organisation/alert-periods', periods, async (request) => {
    const { user } = await requireUser(request);
    return { periods: await alertPeriodsOf(app.alerting, user.organisationId), defaults: app.alerting.defaults };
  });

  const setPeriods = { schema: { body: alertPeriodsBody, response: { 200: alertPeriodsAnswer } } };
  app.put('/api/organisation/alert-periods', setPeriods, async (request) => {
    const { user, device } = await requireRole(request, 'coordinator');
    const chosen = valid(request).body;
    await setAlertPeriods(db, user.organisationId, chosen);
    await writeAudit(db, {
      organisationId: user.organisationId,
      userId: user.id,
      deviceId: device.id,
      action: 'alert_periods_changed',
      detail: chosen,
    });
    return { periods: await alertPeriodsOf(app.alerting, user.organisationId), defaults: app.alerting.defaults };
  });
}
