// The two rules every request meets before a handler, whatever its address: writes from other sites are
// refused, and no text with a control character gets in. Both are hooks on the whole app, keyed on the
// method and on the route that matched, never on the raw URL: the router decodes `/%61pi/…` to `/api/…`,
// so a test of the URL's spelling would let through what the router then serves.
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import { findControlCharacter } from '../validation.ts';
import { appWide } from './appWide.ts';

/** Methods that change nothing; every other method (POST, PUT, PATCH, DELETE, and any other) is a write. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Changes in a push are checked one by one (sync/checkChange.ts), so that one bad value does not sink a batch. */
const PUSH_ROUTE = '/api/sync/push';

export default appWide(async function guards(app) {
  // onRequest: before the body is read, and for addresses that match no route too.
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (isCrossSite(request.headers.origin, request.host)) {
      throw new HttpError(403, 'cross_site', 'Requests from other sites are refused.');
    }
  });

  // preValidation: after the body is parsed and the route's params are decoded, before any handler reads
  // them. PostgreSQL cannot store a NUL in text (it would answer a 500), and no name, address, id or filter
  // has a use for any other control character, so one rule for every string: none of U+0000–U+001F.
  app.addHook('preValidation', async (request) => {
    const found = findInRequest(request);
    if (found === undefined) return;
    throw new HttpError(
      400,
      'invalid_input',
      `The request contains a control character in ${found}, which no field may hold.`,
      [{ path: found, message: 'contains a control character' }],
    );
  });
});

function findInRequest(request: FastifyRequest): string | undefined {
  const body: unknown = request.body;
  const ownText =
    request.routeOptions.url === PUSH_ROUTE && typeof body === 'object' && body !== null && !Array.isArray(body)
      ? { ...body, changes: [] }
      : body;
  // Header values may hold a tab (RFC 9110). Over real HTTP, Node refuses the other control characters
  // before Fastify sees them; the check is for other transports, and so that the rule has no exception.
  const parts: [string, unknown, string][] = [
    ['params', request.params, ''],
    ['query', request.query, ''],
    ['body', ownText, ''],
    ['headers', request.headers, '\t'],
  ];
  for (const [where, value, allowed] of parts) {
    const found = findControlCharacter(value, allowed);
    if (found !== undefined) return found === '' ? where : `${where}.${found}`;
  }
  return undefined;
}

/** SameSite=Strict already keeps the cookie off other sites' requests; this refuses them outright as well. */
function isCrossSite(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
