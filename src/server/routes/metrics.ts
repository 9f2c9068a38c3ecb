// GET /metrics on the main port: only when METRICS_TOKEN is set, and only to a request that carries it as a
// bearer token. Without the token set, the address is nobody's (the metrics port, METRICS_PORT, is the other way
// to reach them: main.ts).
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';
import { hasBearer, METRICS_CONTENT_TYPE } from '../metrics.ts';

export default async function metricsRoutes(app: FastifyInstance) {
  const { token } = app.config.metrics;
  if (token === undefined) return;
  app.get('/metrics', async (request, reply) => {
    if (!hasBearer(request.headers.authorization, token)) {
      void reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'unauthenticated', 'Send the metrics token (METRICS_TOKEN) as a bearer token.');
    }
    return reply.type(METRICS_CONTENT_TYPE).header('cache-control', 'no-store').send(app.metrics.render());
  });
}
