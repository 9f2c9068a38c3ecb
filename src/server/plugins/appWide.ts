// Fastify gives each registered plugin a context of its own: hooks added inside it reach only the routes
// registered inside it. The plugins in this folder add hooks for the whole app, so they carry Fastify's
// 'skip-override' mark (what the fastify-plugin package sets), and run on the instance that registers them.
import type { FastifyPluginAsync } from 'fastify';

export function appWide(plugin: FastifyPluginAsync): FastifyPluginAsync {
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
