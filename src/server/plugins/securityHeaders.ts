// The security headers of every answer: the app's pages get the document's set (its CSP, opener and frame
// policies…), and JSON answers, never rendered as a page, a short set that forbids everything instead, which
// weighs less on every sync.
import fastifyHelmet from '@fastify/helmet';
import { appWide } from './appWide.ts';

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

export default appWide(async function securityHeaders(app) {
  // Before helmet, whose own onRoute hook reads the route's `helmet` option; and before the routes.
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
});
