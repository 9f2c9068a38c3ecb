// GET /api/health: is the server up, and is its database reachable and migrated?
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors.ts';
import { latestMigration } from '../store/index.ts';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', async (request, reply) => {
    try {
      const migration = (await latestMigration(app.store.db)) ?? null;
      return { status: 'ok', database: app.store.dialect, migration };
    } catch (error) {
      request.log.error({ err: error }, 'health check could not reach the database');
      return reply.status(503).send(errorBody('database_unavailable', 'The database cannot be reached.'));
    }
  });
}
