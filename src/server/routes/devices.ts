// Device sign-ins: coordinators see and revoke their organisation's, everyone else their own
// (README, "Who can see and change what").
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../api/fields.ts';
import { devicesAnswer } from '../../api/team.ts';
import { clearSignInCookie, requireUser } from '../auth/signIn.ts';
import { notFound } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import { findDeviceSignIn, listDeviceSignIns, revokeSignIn } from '../store/signIns.ts';
import { forgetTrustedDevice } from '../store/trustedDevices.ts';
import { valid } from '../validation.ts';

export default async function deviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;

  app.get('/api/devices', { schema: { response: { 200: devicesAnswer } } }, async (request) => {
    const { user, device } = await requireUser(request);
    const scope =
      user.role === 'coordinator'
        ? { organisationId: user.organisationId }
        : { organisationId: user.organisationId, userId: user.id };
    const devices = await listDeviceSignIns(db, scope);
    return { devices: devices.map((listed) => ({ ...listed, current: listed.id === device.id })) };
  });

  app.delete('/api/devices/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { user, device } = await requireUser(request);
    const { id } = valid(request).params;
    const signIn = await findDeviceSignIn(db, id);
    const allowed =
      signIn?.organisation_id === user.organisationId && (user.role === 'coordinator' || signIn.user_id === user.id);
    if (!signIn || !allowed) throw notFound('There is no such device.');
    await revokeSignIn(db, id);
    // A lost tablet must not keep its own sign-in count (auth/trustedDevice.ts) either.
    await forgetTrustedDevice(db, id);
    await writeAudit(db, {
      organisationId: user.organisationId,
      userId: user.id,
      deviceId: device.id,
      action: 'device_revoked',
      kind: 'device',
      recordId: id,
      detail: { device: signIn.device_name, ofUser: signIn.user_id },
    });
    if (id === device.id) clearSignInCookie(request, reply);
    return reply.status(204).send();
  });
}
