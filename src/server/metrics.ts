// Counters and latency histograms of this server process, in Prometheus's text format (version 0.0.4).
//
// Each process keeps its own: Prometheus scrapes every process and sums them, which is how its counters are
// meant to work, so nothing here needs sharing through the database. Labels are route patterns and status
// codes only, never an address, an id or anything a person typed.
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';

/** Upper bounds, in seconds, of the latency buckets: from 5 ms to 10 s. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type SyncOp = 'push' | 'pull';

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

const newHistogram = (): Histogram => ({ buckets: BUCKETS.map(() => 0), sum: 0, count: 0 });

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly syncRequests = new Map<string, number>();
  private readonly syncChanges = new Map<SyncOp, number>([
    ['push', 0],
    ['pull', 0],
  ]);
  private readonly syncSeconds = new Map<SyncOp, Histogram>([
    ['push', newHistogram()],
    ['pull', newHistogram()],
  ]);
  private readonly startedAt = Date.now();

  /** One answered request: its method, route pattern (not its address) and status; sync ones also timed. */
  request(method: string, route: string, status: number, ms: number): void {
    const key = `method="${method}",route="${escape(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const op = route === '/api/sync/push' ? 'push' : route === '/api/sync/pull' ? 'pull' : undefined;
    if (op === undefined) return;
    const syncKey = `op="${op}",status="${status}"`;
    this.syncRequests.set(syncKey, (this.syncRequests.get(syncKey) ?? 0) + 1);
    const histogram = this.syncSeconds.get(op) ?? newHistogram();
    const seconds = ms / 1000;
    BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) histogram.buckets[index] = (histogram.buckets[index] ?? 0) + 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  /** Changes a push sent or a pull answered with. */
  changes(op: SyncOp, count: number): void {
    this.syncChanges.set(op, (this.syncChanges.get(op) ?? 0) + count);
  }

  render(): string {
    const lines: string[] = [];
    const counter = (name: string, help: string, rows: Iterable<[string, number]>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of rows) lines.push(`${name}${labels ? `{${labels}}` : ''} ${value}`);
    };
    counter('coorie_http_requests_total', 'Requests answered, by method, route pattern and status.', this.requests);
    counter('coorie_sync_requests_total', 'Sync pushes and pulls answered, by status.', this.syncRequests);
    counter(
      'coorie_sync_changes_total',
      'Changes received in pushes and sent in pulls.',
      [...this.syncChanges].map(([op, value]) => [`op="${op}"`, value]),
    );
    const name = 'coorie_sync_request_duration_seconds';
    lines.push(`# HELP ${name} Time to answer a sync push or pull.`, `# TYPE ${name} histogram`);
    for (const [op, histogram] of this.syncSeconds) {
      BUCKETS.forEach((bound, index) =>
        lines.push(`${name}_bucket{op="${op}",le="${bound}"} ${histogram.buckets[index] ?? 0}`),
      );
      lines.push(`${name}_bucket{op="${op}",le="+Inf"} ${histogram.count}`);
      lines.push(`${name}_sum{op="${op}"} ${histogram.sum}`, `${name}_count{op="${op}"} ${histogram.count}`);
    }
    lines.push(
      '# HELP coorie_process_start_time_seconds When this server process started, in seconds since the epoch.',
      '# TYPE coorie_process_start_time_seconds gauge',
      `coorie_process_start_time_seconds ${Math.floor(this.startedAt / 1000)}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Does the Authorization header carry this bearer token? Compared in constant time. */
export function hasBearer(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The server for METRICS_PORT: `/metrics` and nothing else, for a scraper on a private network. */
export function buildMetricsServer(metrics: Metrics): FastifyInstance {
  const server = Fastify({ logger: false });
  server.get('/metrics', async (_request, reply) => reply.type(METRICS_CONTENT_TYPE).send(metrics.render()));
  return server;
}
