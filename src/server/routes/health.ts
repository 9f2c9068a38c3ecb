// GET /api/health: is the server up, and is its database reachable and migrated?
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../api/errors.ts';
import { healthAnswer } from '../../api/health.ts';
import { errorBody } from '../errors.ts';
import { readEpoch } from '../store/epoch.ts';
import { latestMigration } from '../store/index.ts';

export default async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const schema = { response: { 200: healthAnswer, 503: errorBodySchema } };
  app.get('/api/health', { schema }, async (request, reply) => {
    try {
      const migration = (await latestMigration(app.store.db)) ?? null;
      const epoch = await readEpoch(app.store.db);
      return { status: 'ok' as const, database: app.store.dialect, migration, epoch };
    } catch (error) {
      request.log.error({ err: error }, 'health check could not reach the database');
      return reply.status(503).send(errorBody('database_unavailable', 'The database cannot be reached.'));
    }
  });
}
