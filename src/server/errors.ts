// The handlers that make every error answer, in the one shape of api/errors.ts: `{ error: { code, message, details? } }`.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../api/errors.ts';
import { isStorageFull } from './store/util.ts';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Please sign in.');
export const forbidden = (message = 'You do not have permission to do that.') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);

export function errorBody(code: string, message: string, details?: unknown[]): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Fastify's own client errors, under codes the app can act on. */
const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The request body is empty but says it is JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the request body as JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_request', message: 'The request body is incomplete.' },
  FST_ERR_BAD_URL: { code: 'invalid_url', message: 'The address is not valid: it has a broken %-encoding.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'too_long', message: 'A part of the address is too long.' },
};

export function handleError(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) {
    return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details));
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  const status = error.statusCode ?? 500;
  if (known) return reply.status(status).send(errorBody(known.code, known.message));
  if (status === 429) {
    return reply.status(429).send(errorBody('too_many_requests', 'Too many requests: please wait a minute.'));
  }
  if (status >= 400 && status < 500) {
    return reply.status(status).send(errorBody('invalid_request', error.message));
  }
  // A full disk (SQLite's SQLITE_FULL, PostgreSQL's 53100) on any write: the write was rolled back, so the
  // client is told to try later, and whoever runs the server finds it in the log.
  if (isStorageFull(error)) {
    request.log.error({ err: error }, 'the database is full');
    return reply
      .status(507)
      .send(errorBody('storage_full', 'The server is full, so nothing was saved. Please try again later.'));
  }
  // A server fault: log everything, tell the client nothing about the inside.
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send(errorBody('internal', 'Something went wrong on the server. Please try again.'));
}

/**
 * Errors Node's HTTP parser meets before Fastify has a request (headers over 16 KiB, a request that is not
 * HTTP, a client too slow to send one): Fastify's `clientErrorHandler`, written straight to the socket as
 * Fastify's own default does, in the documented shape.
 */
export function handleClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket) {
  // A connection the client has already dropped has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, errorBody('headers_too_large', 'The request headers are too large.')]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, errorBody('timeout', 'The request took too long to arrive.')]
        : [400, errorBody('invalid_request', 'The request is not valid HTTP.')];
  this.log.debug({ err: error }, 'client error');
  if (socket.writable) {
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
