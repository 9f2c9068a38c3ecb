// First-run setup: GET /api/setup tells the app whether to offer it; POST /api/organisations
// does it (and, with OPEN_REGISTRATION, adds another organisation to this server). The demo organisation of
// `npm run seed:demo` does not count: seeding first must still let the charity set up its own.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import { signIn } from '../auth/signIn.ts';
import { HttpError } from '../errors.ts';
import { countOrganisations, createOrganisation } from '../store/organisations.ts';
import { insertUser } from '../store/users.ts';
import { parse } from '../validation.ts';
import { deviceName, email, organisationName, password, personName, requireStrongPassword } from './fields.ts';

const body = z.strictObject({
  organisation: organisationName,
  name: personName,
  email,
  password,
  device: deviceName.optional(),
});

const registrationClosed = () =>
  new HttpError(
    403,
    'registration_closed',
    'This server already has an organisation. Ask a coordinator for an account.',
  );

export default async function organisationRoutes(app: FastifyInstance) {
  const { db } = app.store;
  const { openRegistration } = app.config;

  const exceptDemo = { exceptDemo: true };
  app.get('/api/setup', async () => {
    const own = await countOrganisations(db, exceptDemo);
    return { firstRun: own === 0, openRegistration, demo: (await countOrganisations(db)) > own };
  });

  const rateLimit = { max: 30, timeWindow: '1 minute' };
  app.post('/api/organisations', { config: { rateLimit } }, async (request, reply) => {
    if (!openRegistration && (await countOrganisations(db, exceptDemo)) > 0) throw registrationClosed();
    const input = parse(body, request.body);
    requireStrongPassword(input.password);
    const passwordHash = await hashPassword(input.password, app.passwordCost);
    const user = await db.transaction().execute(async (trx) => {
      // Checked again inside the transaction, where two first-run setups racing each other meet.
      if (!openRegistration && (await countOrganisations(trx, exceptDemo)) > 0) throw registrationClosed();
      const organisation = await createOrganisation(trx, { name: input.organisation });
      const { email, name } = input;
      return insertUser(trx, { organisationId: organisation.id, name, email, role: 'coordinator', passwordHash });
    });
    await signIn(request, reply, user, input.device ?? 'Unnamed device');
    return reply.status(201).send({ user });
  });
}
