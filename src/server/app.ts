// Builds the Fastify app: security plugins, then the API routes, then the built PWA (fastify/demo style).
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_COST, type ScryptCost } from './auth/password.ts';
import { registerCompression } from './compress.ts';
import type { Config } from './config.ts';
import { handleClientError, handleError } from './errors.ts';
import { registerGuards } from './guards.ts';
import auditRoutes from './routes/audit.ts';
import authRoutes from './routes/auth.ts';
import deviceRoutes from './routes/devices.ts';
import healthRoutes from './routes/health.ts';
import inviteRoutes from './routes/invites.ts';
import organisationRoutes from './routes/organisations.ts';
import peopleRoutes from './routes/people.ts';
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
  }
}

/** Account requests are small; sync push sets its own, larger limit. */
const BODY_LIMIT = 64 * 1024;

export interface AppOptions {
  config: Config;
  store: Store;
  /** Tests lower it, to keep a suite of sign-ins quick; existing hashes carry their own cost either way. */
  passwordCost?: ScryptCost;
}

export async function buildApp({ config, store, passwordCost = DEFAULT_COST }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: trustHops(config.trustProxy),
    bodyLimit: BODY_LIMIT,
    // Errors met before there is a route (a broken %-encoding, a part of the address over 100 characters)
    // or a request at all (headers over 16 KiB, not HTTP) answer in the one error shape too.
    frameworkErrors: handleError,
    clientErrorHandler: handleClientError,
  });
  app.decorate('config', config);
  app.decorate('store', store);
  app.decorate('passwordCost', passwordCost);
  app.setErrorHandler(handleError);
  registerCompression(app);

  await app.register(fastifyCookie);
  // JSON answers are never rendered as a page, so the document headers (the app's CSP, opener and frame
  // policies…) would only weigh on every sync: the API sends a short set that forbids everything instead.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.helmet === undefined) route.helmet = API_HEADERS;
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: a server on a church-hall LAN may be reached over plain http.
      },
    },
  });
  // In memory and per process: a cap on how fast one address can make the server hash passwords. The limit
  // on guessing itself is in the database (store/signInFailures.ts), shared by every process.
  await app.register(fastifyRateLimit, { global: false });

  // Before the routes, so that every one of them (and every address that matches none) meets them.
  registerGuards(app);
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
  await registerStatic(app, config.staticDir);
  return app;
}

/** Headers for JSON answers: nothing may load, frame or sniff them. Every helmet default is set, as a route's
 * options are merged over the global ones. */
const API_HEADERS = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: { policy: 'same-origin' },
  originAgentCluster: false,
  referrerPolicy: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const;

/**
 * Trusts the nearest `hops` proxies, so that `request.ip` is the address the outermost of them saw (the
 * X-Forwarded-For entry it appended), never an entry the client wrote further left. A function, because
 * Fastify 5 takes a bare number to mean "trust nobody". Like any hop count, it holds only when clients
 * cannot reach the server except through the proxies (README, "Deploying behind HTTPS").
 */
function trustHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops === 0 ? false : (_address, hop) => hop < hops;
}
