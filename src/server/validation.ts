// Checks requests against the route schemas of src/api/ (the zod type provider's job, with our own validator so
// that a refusal is the 400 it has always been), and finds control characters anywhere in a request.
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from './errors.ts';

export interface Problem {
  path: string;
  message: string;
}

/** What a refusal calls each part of a request, unless its schema has a title (`pushBody` is "the push"). */
const PART_NAMES: Record<string, string> = { body: 'request', querystring: 'query', params: 'address' };

/** The 400 answer to a request that does not fit its schema, listing every problem found. */
export function invalidRequest(error: z.ZodError, what = 'request'): HttpError {
  const details: Problem[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = details.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
  const more = summary.length > 3 ? ` (and ${summary.length - 3} more)` : '';
  return new HttpError(
    400,
    'invalid_request',
    `The ${what} is not valid: ${summary.slice(0, 3).join('; ')}${more}`,
    details,
  );
}

const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart = 'body' }) => {
  const what = z.globalRegistry.get(schema)?.title ?? PART_NAMES[httpPart] ?? httpPart;
  return (data) => {
    // Fastify hands a missing body over as null; the schema should see it as missing, as it arrived.
    const result = schema.safeParse(httpPart === 'body' && data === null ? undefined : data);
    return result.success ? { value: result.data } : { error: invalidRequest(result.error, what) };
  };
};

/**
 * Routes declare their schemas, and Fastify checks every request against them before the handler runs; the
 * handler asks `valid(request)` for the checked request once it knows who is asking, so that a stranger hears
 * 401 (and a facilitator 403) rather than what the endpoint expects. Responses are written through their
 * schemas too, so that no field the contract does not name can leave the server.
 */
export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', (route) => {
    const { schema } = route;
    if (schema?.body !== undefined || schema?.params !== undefined || schema?.querystring !== undefined) {
      route.attachValidation = true;
    }
  });
  // A handler that answers success without having asked `valid` would have acted on a request it never checked:
  // a fault of the server, so it answers 500 (and every test of that route fails) instead.
  app.addHook('onSend', async (request, reply) => {
    if (request.validationError && !checked.has(request) && reply.statusCode < 400) {
      throw new Error(`${request.routeOptions.url ?? request.url} answered without checking its request`);
    }
  });
}

const checked = new WeakSet<FastifyRequest>();

/** The request with its parts as its route's schemas parsed them; the 400 of the first part that failed. */
export function valid<Request extends FastifyRequest>(request: Request): Request {
  checked.add(request);
  if (request.validationError) throw request.validationError;
  return request;
}

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL_CHARACTER = /[\u0000-\u001f]/g;
const escape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Where the first control character (U+0000–U+001F) is in a string, or in any key or string of an object
 * or array however deep: a path such as `babies.0.alias` ('' for the value itself), or undefined when there
 * is none. `allowed` lists the control characters that may stay, such as '\t\n\r' for multi-line text.
 * Walks with its own stack, so that no nesting depth can overflow the call stack.
 */
export function findControlCharacter(value: unknown, allowed = ''): string | undefined {
  const isBad = (text: string) => (text.match(CONTROL_CHARACTER) ?? []).some((found) => !allowed.includes(found));
  const stack: [unknown, string][] = [[value, '']];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') {
      if (isBad(item)) return at;
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, inner] of Object.entries(item)) {
        // Shown back in the error message: its own control characters are written out as \u escapes.
        const path = `${at === '' ? '' : `${at}.`}${key.replace(CONTROL_CHARACTER, escape)}`;
        if (isBad(key)) return path;
        stack.push([inner, path]);
      }
    }
  }
  return undefined;
}
