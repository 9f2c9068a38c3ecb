// Device sessions: coordinators see and revoke their organisation's, everyone else their own (DESIGN §5).
import type { FastifyInstance } from 'fastify';
import { clearSessionCookie, requireUser } from '../auth/session.ts';
import { notFound } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import { findDeviceSession, listDeviceSessions, revokeSession } from '../store/sessions.ts';
import { forgetTrustedDevice } from '../store/trustedDevices.ts';
import { parse } from '../validation.ts';
import { idParams } from './fields.ts';

export default async function deviceRoutes(app: FastifyInstance) {
  const { db } = app.store;

  app.get('/api/devices', async (request) => {
    const { user, device } = await requireUser(request);
    const scope =
      user.role === 'coordinator'
        ? { organisationId: user.organisationId }
        : { organisationId: user.organisationId, userId: user.id };
    const devices = await listDeviceSessions(db, scope);
    return { devices: devices.map((listed) => ({ ...listed, current: listed.id === device.id })) };
  });

  app.delete('/api/devices/:id', async (request, reply) => {
    const { user, device } = await requireUser(request);
    const { id } = parse(idParams, request.params, 'address');
    const session = await findDeviceSession(db, id);
    const allowed =
      session?.organisation_id === user.organisationId && (user.role === 'coordinator' || session.user_id === user.id);
    if (!session || !allowed) throw notFound('There is no such device.');
    await revokeSession(db, id);
    // A lost tablet must not keep its own sign-in count (auth/trustedDevice.ts) either.
    await forgetTrustedDevice(db, id);
    await writeAudit(db, {
      organisationId: user.organisationId,
      userId: user.id,
      deviceId: device.id,
      action: 'device_revoked',
      kind: 'device',
      recordId: id,
      detail: { device: session.device_name, ofUser: session.user_id },
    });
    if (id === device.id) clearSessionCookie(request, reply);
    return reply.status(204).send();
  });
}
