// The two sync requests on the wire: bodies checked with the protocol's schemas, failures sorted by what helps.
import type { z } from 'zod';
import { errorBodySchema } from '../api/errors.ts';
import { sealKeyAnswer, type SealKeyAnswer } from '../api/sync.ts';
import {
  PROTOCOL,
  parsePullResponse,
  pushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../sync/protocol.ts';

/**
 * Why a sync request failed, by what the device should do next: `network`, `server` and `storage-full`
 * (the server's disk is full: 507) retry with back-off, keeping the outbox; `signed-out` waits for a sign-in;
 * `revoked` wipes the device; `outdated` needs a newer app; `bad-cursor` starts the pull again from the
 * beginning.
 */
export type SyncFailure = 'network' | 'server' | 'storage-full' | 'signed-out' | 'revoked' | 'outdated' | 'bad-cursor';

export class SyncError extends Error {
  constructor(
    readonly failure: SyncFailure,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** A response with the device times around it, to learn the server's offset from the request's midpoint. */
export interface Timed<T> {
  body: T;
  sentAt: number;
  receivedAt: number;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Transport {
  push(request: Omit<PushRequest, 'protocol'>): Promise<Timed<PushResponse>>;
  pull(cursor: string | undefined, limit: number): Promise<Timed<PullResponse>>;
  /** The organisation's public sealing key (GET /api/sync/seal-key). */
  sealKey(): Promise<Timed<SealKeyAnswer>>;
}

export function createTransport(options: { baseUrl: string; fetch: FetchLike; now: () => number }): Transport {
  const base = options.baseUrl.replace(/\/$/, '');

  async function send<T>(path: string, init: RequestInit, parse: (json: unknown) => T | undefined): Promise<Timed<T>> {
    const sentAt = options.now();
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(`${base}${path}`, { credentials: 'same-origin', ...init });
      text = await response.text();
    } catch (error) {
      throw new SyncError('network', `no response: ${error instanceof Error ? error.message : String(error)}`);
    }
    const receivedAt = options.now();
    const json = parseJson(text);
    if (!response.ok) throw failureOf(response.status, json, path);
    const body = parse(json);
    if (body === undefined) throw new SyncError('server', `unexpected answer from ${path}`, response.status);
    return { body, sentAt, receivedAt };
  }

  return {
    push(request) {
      return send(
        '/api/sync/push',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ protocol: PROTOCOL, ...request }),
        },
        parserOf(pushResponseSchema),
      );
    },
    pull(cursor, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor !== undefined) query.set('cursor', cursor);
      return send(`/api/sync/pull?${query.toString()}`, { method: 'GET' }, parsePullResponse);
    },
    sealKey() {
      return send('/api/sync/seal-key', { method: 'GET' }, parserOf(sealKeyAnswer));
    },
  };
}

function parserOf<T>(schema: z.ZodType<T>): (json: unknown) => T | undefined {
  return (json) => {
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function failureOf(status: number, json: unknown, path: string): SyncError {
  const body = errorBodySchema.safeParse(json);
  const code = body.success ? body.data.error.code : undefined;
  const message = body.success ? body.data.error.message : `HTTP ${status} from ${path}`;
  if (status === 401) return new SyncError(code === 'device_revoked' ? 'revoked' : 'signed-out', message, status, code);
  if (status === 426) return new SyncError('outdated', message, status, code);
  if (status === 507 || code === 'storage_full') return new SyncError('storage-full', message, status, code);
  if (status === 400 && path.startsWith('/api/sync/pull')) return new SyncError('bad-cursor', message, status, code);
  // Anything else (5xx, a proxy's 502 page, a 413 we should never cause) is worth another try later.
  return new SyncError('server', message, status, code);
}
