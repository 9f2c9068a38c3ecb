// An in-process stand-in for the sync endpoints, for fast unit tests of the engine. It follows src/sync/protocol.ts
// closely enough to exercise the client (merge, batch replay, clock_ahead, paging); the real server is
// exercised in the integration tests.
import { parseHlc } from '../../src/sync/hlc.ts';
import { merge, type VersionedRecord } from '../../src/sync/merge.ts';
import {
  MAX_CLOCK_AHEAD_MS,
  PROTOCOL,
  type Change,
  type ChangeResult,
  type PushRequest,
} from '../../src/sync/protocol.ts';
import type { FetchLike } from '../../src/engine/transport.ts';

interface Stored extends VersionedRecord {
  kind: string;
  id: string;
  seq: number;
}

export interface FakeServer {
  fetch: FetchLike;
  records: Map<string, Stored>;
  /** Every push body received, in order. */
  pushes: PushRequest[];
  /** Every pull URL received, in order. */
  pulls: URL[];
  /** Refuse a change with this code (other than clock_ahead, which the server decides itself). */
  refuse?: (change: Change) => ChangeResult | undefined;
  /** Put a record as another device would have pushed it. */
  seed(change: Change): void;
}

export function createFakeServer(now: () => number = () => Date.now()): FakeServer {
  const records = new Map<string, Stored>();
  const answered = new Map<string, ChangeResult[]>();
  let seq = 0;

  function apply(change: Change): ChangeResult {
    const key = `${change.kind}:${change.id}`;
    const current = records.get(key);
    const { record, changedFields } = merge(current, change);
    if (changedFields.length === 0) return { status: 'unchanged' };
    records.set(key, { kind: change.kind, id: change.id, ...record, seq: ++seq });
    return { status: 'applied' };
  }

  function push(body: PushRequest): ChangeResult[] {
    const replay = answered.get(body.batchId);
    if (replay) return replay;
    const results = body.changes.map((change): ChangeResult => {
      const ahead = Object.values(change.versions).some(
        (version) => (parseHlc(version)?.millis ?? 0) > now() + MAX_CLOCK_AHEAD_MS,
      );
      if (ahead) return { status: 'rejected', code: 'clock_ahead', message: 'the device clock is ahead' };
      return server.refuse?.(change) ?? apply(change);
    });
    answered.set(body.batchId, results);
    return results;
  }

  function pull(url: URL) {
    const after = Number(url.searchParams.get('cursor') ?? '0');
    const limit = Number(url.searchParams.get('limit') ?? '1000');
    const newer = [...records.values()].filter((record) => record.seq > after).sort((a, b) => a.seq - b.seq);
    const page = newer.slice(0, limit);
    const last = page.at(-1)?.seq ?? after;
    return {
      changes: page.map(({ kind, id, values, versions }) => ({ kind, id, values, versions })),
      cursor: String(last),
      more: newer.length > limit,
      remaining: newer.length - page.length,
    };
  }

  const server: FakeServer = {
    records,
    pushes: [],
    pulls: [],
    seed(change) {
      apply(change);
    },
    async fetch(url, init) {
      const parsed = new URL(url, 'http://coorie.test');
      const json = (status: number, body: object) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (parsed.pathname === '/api/sync/push' && init.method === 'POST') {
        const body = JSON.parse(String(init.body)) as PushRequest;
        server.pushes.push(body);
        return json(200, { protocol: PROTOCOL, serverTime: now(), results: push(body) });
      }
      if (parsed.pathname === '/api/sync/pull') {
        server.pulls.push(parsed);
        return json(200, { protocol: PROTOCOL, serverTime: now(), ...pull(parsed) });
      }
      return json(404, { error: { code: 'not_found', message: 'Not found' } });
    },
  };
  return server;
}
