// One log line per answered request, without personal data: the method, the route pattern (`/api/users/:id`,
// never the address with its ids or a pull's cursor), the status and the time taken. The client's address is
// added only when LOG_IP says so. Fastify's own request lines are turned off (app.ts): they carry the raw URL
// and the address. The same numbers feed the metrics (metrics.ts).
import type { FastifyRequest } from 'fastify';
import { appWide } from './appWide.ts';

/** The pattern of the route that answered, or a placeholder for an address that matched none. */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(no route)';
}

export default appWide(async function requestLog(app) {
  app.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request);
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    app.metrics.request(request.method, route, reply.statusCode, ms);
    const line = { method: request.method, route, status: reply.statusCode, ms };
    request.log.info(app.config.logIp ? { ...line, ip: request.ip } : line, 'request');
  });
});
