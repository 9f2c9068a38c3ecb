// POST /api/sync/push and GET /api/sync/pull: sync protocol version 1 (src/sync/protocol.ts); GET
// /api/sync/seal-key: the organisation's public key that devices seal outbox values with (sync/sealed.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pullQuery, pushAnswer, pushBody, sealKeyAnswer, type SealKeyAnswer } from '../../api/sync.ts';
import { MAX_PUSH_BYTES, MAX_PUSH_CHANGES, PROTOCOL } from '../../sync/protocol.ts';
import type { PushResponse } from '../../sync/protocol.ts';
import { requireUser, SIGN_IN_COOKIE } from '../auth/signIn.ts';
import { HttpError } from '../errors.ts';
import { readEpoch } from '../store/epoch.ts';
import { hashToken } from '../store/signIns.ts';
import { decodeCursorState, encodeCursor } from '../sync/cursor.ts';
import { pullChanges } from '../sync/pull.ts';
import { writePullAnswer } from '../sync/pullAnswer.ts';
import { pushBatch } from '../sync/push.ts';
import { currentSealKey } from '../sync/sealed.ts';
import { alertAfterPush } from '../push/alerts.ts';
import { valid } from '../validation.ts';

// The 1 MiB of MAX_PUSH_BYTES is what a device should aim for; a little over is let through, so that a batch
// sized to the limit by its changes is not refused for its envelope.
const PUSH_BODY_LIMIT = MAX_PUSH_BYTES + 64 * 1024;

function requireProtocol(protocol: unknown): void {
  if (protocol !== undefined && protocol !== PROTOCOL && protocol !== String(PROTOCOL)) {
    throw new HttpError(
      426,
      'protocol_mismatch',
      `This server speaks sync protocol ${PROTOCOL}. Reload the app to update it.`,
    );
  }
}

/**
 * SYNC_RATE_LIMIT (120) sync requests a minute per device sign-in, push and pull together (per address
 * without a sign-in): a device syncs every few seconds at most, so only a runaway loop or a stolen cookie
 * hammering the server meets it. Counted in the database, like the other request limits, so every server process
 * shares the count (plugins/rateLimitStore.ts).
 *
 * A pull's pages are budgeted as one request: a page whose cursor came with `more` (a pull under way, such
 * as a first sync of 150,000 records in 300 pages) counts not against that limit but against one of
 * CONTINUATION_FACTOR times as many pages a minute, so a long first sync never meets a 429 while a loop
 * replaying such a cursor still does. (A limit per page size would still stop a first sync on a fast link.)
 */
const CONTINUATION_FACTOR = 50;

function continuesPull(request: FastifyRequest): boolean {
  const { cursor } = request.query as { cursor?: unknown };
  if (request.method !== 'GET' || typeof cursor !== 'string') return false;
  try {
    return decodeCursorState(cursor).continues === true;
  } catch {
    return false; // the route answers 400 invalid_cursor, counted as any other request
  }
}
const syncRateKey = (request: FastifyRequest) => {
  const token = request.cookies[SIGN_IN_COOKIE];
  return token ? `sync:session:${hashToken(token)}` : `sync:ip:${request.ip}`;
};

export default async function syncRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.store;
  // Read once per process: a restore replaces the database only while every server process is stopped.
  let epochRead: Promise<string> | undefined;
  const epoch = () => {
    epochRead ??= readEpoch(db).catch((error: unknown) => {
      epochRead = undefined;
      throw error;
    });
    return epochRead;
  };

  // One limiter for both routes (a route's own rateLimit config would count each route apart).
  const limiter = app.createRateLimit({ max: app.config.syncRateLimit, timeWindow: 60_000, keyGenerator: syncRateKey });
  const pageLimiter = app.createRateLimit({
    max: app.config.syncRateLimit * CONTINUATION_FACTOR,
    timeWindow: 60_000,
    keyGenerator: (request) => `page:${syncRateKey(request)}`,
  });
  const options = {
    onRequest: async (request: FastifyRequest) => {
      const limit = await (continuesPull(request) ? pageLimiter : limiter)(request);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new HttpError(429, 'too_many_requests', 'Too many sync requests: please wait a minute.');
      }
    },
    // The server's own time for the request, until its answer is ready to send (Server-Timing, shown by a
    // browser's developer tools): what the server did, apart from what the network and a busy device added.
    onSend: async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      void reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
      return payload;
    },
  };
  const push = { ...options, bodyLimit: PUSH_BODY_LIMIT, schema: { body: pushBody, response: { 200: pushAnswer } } };
  app.post('/api/sync/push', push, async (request): Promise<PushResponse> => {
    const { user, device } = await requireUser(request);
    // Read as it arrived: the checks below come before the schema's.
    const body: unknown = request.body;
    // The protocol first: a newer device's envelope may not parse at all under this version's rules.
    if (typeof body === 'object' && body !== null && 'protocol' in body) requireProtocol(body.protocol);
    if (typeof body === 'object' && body !== null && 'changes' in body && Array.isArray(body.changes)) {
      if (body.changes.length > MAX_PUSH_CHANGES) {
        throw new HttpError(413, 'too_large', `Push at most ${MAX_PUSH_CHANGES} changes at a time.`);
      }
    }
    const batch = valid(request).body;
    const { results, changes } = await pushBatch(db, { ...user, deviceId: device.id }, batch);
    app.metrics.changes('push', batch.changes.length);
    // After the commit; a failure to alert must not fail a push already applied (the scheduler tick retries).
    // The changes as applied, sealed values opened: a note's concern may have travelled sealed.
    const logFailure = (error: unknown) => request.log.error({ err: error }, 'alerting after a push failed');
    await alertAfterPush(app.alerting, user.organisationId, changes, results, logFailure).catch(logFailure);
    return { protocol: PROTOCOL, serverTime: Date.now(), epoch: await epoch(), results };
  });

  // No response schema: the answer is written by writePullAnswer, with the records' stored JSON text as it is.
  const pull = { ...options, schema: { querystring: pullQuery } };
  app.get('/api/sync/pull', pull, async (request, reply) => {
    const { user } = await requireUser(request);
    const query: unknown = request.query;
    if (typeof query === 'object' && query !== null && 'protocol' in query) requireProtocol(query.protocol);
    const { cursor, limit } = valid(request).query;
    const page = await pullChanges(db, user, decodeCursorState(cursor), limit);
    app.metrics.changes('pull', page.changes.length);
    const answer = writePullAnswer({
      serverTime: Date.now(),
      epoch: await epoch(),
      changes: page.changes,
      purge: page.purge,
      cursor: encodeCursor({
        seq: page.lastSeq,
        tally: { remaining: page.remaining, counter: page.counter },
        continues: page.more,
      }),
      more: page.more,
      remaining: page.remaining,
    });
    return reply.type('application/json; charset=utf-8').send(answer);
  });

  // Made on first need; every device of the organisation, and every server process, gets the same key.
  const sealKey = { ...options, schema: { response: { 200: sealKeyAnswer } } };
  app.get('/api/sync/seal-key', sealKey, async (request): Promise<SealKeyAnswer> => {
    const { user } = await requireUser(request);
    return currentSealKey(db, user.organisationId);
  });
}
