// A store for @fastify/rate-limit that keeps its counters in the server database (store/rateLimits.ts), so
// that two server processes behind one address count one client's requests together instead of each letting
// through its own allowance.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import { countRequest, readCount } from '../store/rateLimits.ts';
import type { Schema } from '../store/schema.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin passes to `child` at run time: the merged limit options, with the route they are for. */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * The store class for one database. A route's own limit (`config.rateLimit`) gets a child whose keys start
 * with the route, as the plugin's in-memory store keeps a separate map per route.
 */
export function databaseRateLimitStore(db: Kysely<Schema>): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'global',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = Date.now();
      countRequest(db, `${this.prefix}|${key}`, timeWindow, now).then(
        ({ count, resetAt }) => callback(null, { current: count, ttl: resetAt - now }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    read(key: string, callback: Callback): void {
      const now = Date.now();
      readCount(db, `${this.prefix}|${key}`, now).then(
        ({ count, resetAt }) => callback(null, { current: count, ttl: Math.max(0, resetAt - now) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(options: object): FastifyRateLimitStore {
      const { method, url } = (options as ChildOptions).routeInfo ?? {};
      const route = url ? `${[method ?? ''].flat().join(',')} ${url}` : 'limiter';
      return new DatabaseStore(undefined, route);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
