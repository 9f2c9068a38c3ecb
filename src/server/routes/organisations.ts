// First-run setup: GET /api/setup tells the app whether to offer it; POST /api/organisations
// does it (and, with OPEN_REGISTRATION, adds another organisation to this server). The demo organisation of
// `npm run seed:demo` does not count: seeding first must still let the charity set up its own.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { newOrganisationBody, setupAnswer, userAnswer } from '../../api/accounts.ts';
import { hashPassword, requireStrongPassword } from '../auth/password.ts';
import { signIn } from '../auth/signIn.ts';
import { HttpError } from '../errors.ts';
import { countOrganisations, createOrganisation } from '../store/organisations.ts';
import { insertUser } from '../store/users.ts';
import { valid } from '../validation.ts';

const registrationClosed = () =>
  new HttpError(
    403,
    'registration_closed',
    'This server already has an organisation. Ask a coordinator for an account.',
  );

export default async function organisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;
  const { openRegistration } = app.config;

  const exceptDemo = { exceptDemo: true };
  app.get('/api/setup', { schema: { response: { 200: setupAnswer } } }, async () => {
    const own = await countOrganisations(db, exceptDemo);
    return { firstRun: own === 0, openRegistration, demo: (await countOrganisations(db)) > own };
  });

  const rateLimit = { max: 30, timeWindow: '1 minute' };
  const schema = { body: newOrganisationBody, response: { 201: userAnswer } };
  app.post('/api/organisations', { schema, config: { rateLimit } }, async (request, reply) => {
    if (!openRegistration && (await countOrganisations(db, exceptDemo)) > 0) throw registrationClosed();
    const input = valid(request).body;
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
