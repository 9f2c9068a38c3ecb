// Builds the Fastify app: security plugins, then the API routes, then the built PWA (fastify/demo style).
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_COST, type ScryptCost } from './auth/password.ts';
import { registerCompression } from './compress.ts';
import type { Config } from './config.ts';
import { handleError, HttpError } from './errors.ts';
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
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
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

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (isCrossSite(request.headers.origin, request.host)) {
      throw new HttpError(403, 'cross_site', 'Requests from other sites are refused.');
    }
  });

  // PostgreSQL cannot store a NUL character in text (it answers with an error, which would be a 500), so
  // it is refused at the door. Not inside pushed changes: their values are stored as JSON, where a NUL is
  // the escape \u0000, and refusing a batch for one character would leave a device unable to sync.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const body: unknown = request.body;
    const ownText = request.url.startsWith('/api/sync/push') && isObject(body) ? { ...body, changes: [] } : body;
    if ([request.params, request.query, ownText].some(hasNul)) {
      throw new HttpError(400, 'invalid_request', 'The request contains a NUL character, which no field may hold.');
    }
  });

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

/** SameSite=Strict already keeps the cookie off other sites' requests; this refuses them outright as well. */
function isCrossSite(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (!isObject(value) || depth > 20) return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || hasNul(inner, depth + 1));
}
