// Builds the Fastify app: security plugins, then the API routes, then the built PWA (fastify/demo style).
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Agent } from 'node:https';
import type { Writable } from 'node:stream';
import { DEFAULT_COST, type ScryptCost } from './auth/password.ts';
import type { Config } from './config.ts';
import { loadSealKeyVault, useSealKeyVault, type SealKeyVault } from './store/sealKeyVault.ts';
import { handleClientError, handleError } from './errors.ts';
import { Metrics } from './metrics.ts';
import compression from './plugins/compress.ts';
import guards from './plugins/guards.ts';
import { databaseRateLimitStore } from './plugins/rateLimitStore.ts';
import requestLog from './plugins/requestLog.ts';
import securityHeaders from './plugins/securityHeaders.ts';
import { createPushSender, type PushSender } from './push/send.ts';
import type { Alerting } from './push/alerts.ts';
import auditRoutes from './routes/audit.ts';
import authRoutes from './routes/auth.ts';
import deviceRoutes from './routes/devices.ts';
import healthRoutes from './routes/health.ts';
import inviteRoutes from './routes/invites.ts';
import metricsRoutes from './routes/metrics.ts';
import organisationRoutes from './routes/organisations.ts';
import peopleRoutes from './routes/people.ts';
import publicityRoutes from './routes/publicity.ts';
import pushRoutes from './routes/push.ts';
import researchRoutes from './routes/research.ts';
import retentionRoutes from './routes/retention.ts';
import syncRoutes from './routes/sync.ts';
import userRoutes from './routes/users.ts';
import { registerStatic } from './static.ts';
import { registerValidation } from './validation.ts';
import type { Store } from './store/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    store: Store;
    passwordCost: ScryptCost;
    push: PushSender;
    alerting: Alerting;
    metrics: Metrics;
  }
}

/** Account requests are small; sync push sets its own, larger limit. */
const BODY_LIMIT = 64 * 1024;

export interface AppOptions {
  config: Config;
  store: Store;
  /** Tests lower it, to keep a suite of sign-ins quick; existing hashes carry their own cost either way. */
  passwordCost?: ScryptCost;
  /** The agent web-push sends through: tests give one that trusts their stand-in push service. */
  pushAgent?: Agent;
  /** Where the log goes, at level info whatever LOG_LEVEL says: tests read the request lines from it. */
  logStream?: Writable;
  /** The secret that wraps the sealing keys, as main.ts loaded and checked it; else loaded from `config`. */
  sealKeyVault?: SealKeyVault;
}

export async function buildApp({
  config,
  store,
  passwordCost = DEFAULT_COST,
  pushAgent,
  logStream,
  sealKeyVault,
}: AppOptions): Promise<FastifyInstance> {
  useSealKeyVault(store.db, sealKeyVault ?? (await loadSealKeyVault(config)));
  const app = Fastify({
    logger: logStream
      ? { level: 'info', stream: logStream }
      : config.logLevel === 'silent'
        ? false
        : { level: config.logLevel },
    trustProxy: trustHops(config.trustProxy),
    // Fastify's own request lines carry the raw URL and the client's address: plugins/requestLog.ts logs instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // Errors met before there is a route (a broken %-encoding, a part of the address over 100 characters)
    // or a request at all (headers over 16 KiB, not HTTP) answer in the one error shape too.
    frameworkErrors: handleError,
    clientErrorHandler: handleClientError,
  });
  app.decorate('config', config);
  app.decorate('store', store);
  app.decorate('passwordCost', passwordCost);
  const push = createPushSender({ db: store.db, contact: config.pushContact, log: app.log, agent: pushAgent });
  app.decorate('push', push);
  app.decorate('alerting', {
    db: store.db,
    sender: push,
    log: app.log,
    defaults: {
      urgentRepeatMinutes: config.urgentRepeatMinutes,
      visitGraceMinutes: config.visitGraceMinutes,
      teamAlertMinutes: config.teamAlertMinutes,
    },
  });
  app.decorate('metrics', new Metrics());
  app.setErrorHandler(handleError);
  await app.register(compression);
  await app.register(fastifyCookie);
  await app.register(securityHeaders);
  // Caps on how fast one address can make the server hash passwords, sync and the like, counted in the
  // database so that every server process shares them. The limit on guessing passwords is in the database too
  // (store/signInFailures.ts).
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(store.db) });

  // Before the routes, so that every one of them (and every address that matches none) meets them.
  await app.register(guards);
  await app.register(requestLog);
  registerValidation(app);

  await app.register(healthRoutes);
  await app.register(organisationRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(deviceRoutes);
  await app.register(syncRoutes);
  await app.register(peopleRoutes);
  await app.register(auditRoutes);
  await app.register(inviteRoutes);
  await app.register(retentionRoutes);
  await app.register(researchRoutes);
  await app.register(pushRoutes);
  await app.register(metricsRoutes);
  await app.register(publicityRoutes);
  await registerStatic(app, config.staticDir);
  return app;
}

/**
 * Trusts the nearest `hops` proxies, so that `request.ip` is the address the outermost of them saw (the
 * X-Forwarded-For entry it appended), never an entry the client wrote further left. A function, because
 * Fastify 5 takes a bare number to mean "trust nobody". Like any hop count, it holds only when clients
 * cannot reach the server except through the proxies (README, "Deploying behind HTTPS").
 */
function trustHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops === 0 ? false : (_address, hop) => hop < hops;
}
