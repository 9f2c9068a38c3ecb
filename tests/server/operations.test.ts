// @vitest-environment node
// What whoever runs the server sees: one log line per request with no personal data in it, and sync counts
// and latencies in Prometheus's format, served only behind a token or on a port of its own.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { buildMetricsServer } from '../../src/server/metrics.ts';
import { change, Client, pushBody, setUpOrganisation } from './client.ts';
import { databases, TEST_PASSWORD_COST, useServer } from './helpers.ts';

const TOKEN = 'a-metrics-token-long-enough';

/** A stream that keeps each JSON log line it is given. */
function logLines() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe.each(databases())('logs and metrics on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database, { METRICS_TOKEN: TOKEN });

  it('logs each request by its route pattern, status and time, with no address, id, email or cursor', async () => {
    const { lines, stream } = logLines();
    const app = await buildApp({
      config: server.config,
      store: server.store,
      passwordCost: TEST_PASSWORD_COST,
      logStream: stream,
    });
    try {
      const coordinator = await setUpOrganisation(app);
      const me = (await coordinator.get('/api/me')).body.user;
      await coordinator.patch(`/api/users/${me.id}`, { name: 'Ailsa Grant' });
      const pulled = await coordinator.get('/api/sync/pull');
      await coordinator.get(`/api/sync/pull?cursor=${pulled.body.cursor}`);

      const requests = lines.filter((line) => line.msg === 'request');
      expect(requests.map((line) => [line.method, line.route])).toEqual([
        ['POST', '/api/organisations'],
        ['GET', '/api/me'],
        ['PATCH', '/api/users/:id'],
        ['GET', '/api/sync/pull'],
        ['GET', '/api/sync/pull'],
      ]);
      for (const line of requests) {
        expect(line.status).toBeTypeOf('number');
        expect(line.ms).toBeTypeOf('number');
        expect(line).not.toHaveProperty('ip');
      }
      const everything = JSON.stringify(lines);
      expect(everything).not.toContain(me.id);
      expect(everything).not.toContain(me.email);
      expect(everything).not.toContain(pulled.body.cursor);
      expect(everything).not.toContain('127.0.0.1');
      expect(everything).not.toContain('remoteAddress');
    } finally {
      await app.close();
    }
  });

  it('adds the client address to the line only when LOG_IP is on', async () => {
    const { lines, stream } = logLines();
    const config = { ...server.config, logIp: true };
    const app = await buildApp({ config, store: server.store, passwordCost: TEST_PASSWORD_COST, logStream: stream });
    try {
      await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.9' });
      expect(lines.filter((line) => line.msg === 'request')).toEqual([
        expect.objectContaining({ method: 'GET', route: '/api/health', status: 200, ip: '203.0.113.9' }),
      ]);
    } finally {
      await app.close();
    }
  });

  it('serves /metrics on the main port only to the bearer of METRICS_TOKEN', async () => {
    const visitor = new Client(server.app);
    const tries: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-the-token-at-all-x' },
      { authorization: TOKEN },
    ];
    for (const headers of tries) {
      const answer = await visitor.get('/metrics', headers);
      expect(answer.status).toBe(401);
      expect(answer.body.error.message).toBe('Send the metrics token (METRICS_TOKEN) as a bearer token.');
    }
    const answer = await visitor.get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('counts sync pushes and pulls, the changes they carried and how long they took', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const changes = [change('venue', 'v1', { name: 'Forres Library' }), change('venue', 'v2', { name: 'Elgin Hall' })];
    expect((await coordinator.post('/api/sync/push', pushBody(changes))).status).toBe(200);
    expect((await coordinator.get('/api/sync/pull')).status).toBe(200);
    expect((await coordinator.get('/api/sync/pull')).status).toBe(200);

    const text = (await new Client(server.app).get('/metrics', { authorization: `Bearer ${TOKEN}` })).body as string;
    expect(text).toContain('# TYPE coorie_sync_request_duration_seconds histogram');
    expect(text).toContain('coorie_sync_requests_total{op="push",status="200"} 1\n');
    expect(text).toContain('coorie_sync_requests_total{op="pull",status="200"} 2\n');
    expect(text).toContain('coorie_sync_changes_total{op="push"} 2\n');
    expect(text).toContain('coorie_sync_request_duration_seconds_count{op="pull"} 2\n');
    expect(text).toContain('coorie_sync_request_duration_seconds_bucket{op="push",le="+Inf"} 1\n');
    expect(text).toContain('coorie_http_requests_total{method="POST",route="/api/organisations",status="201"} 1\n');
    // Buckets only ever grow from one bound to the next.
    const pullBuckets = [...text.matchAll(/duration_seconds_bucket\{op="pull",le="[^"]+"\} (\d+)/g)].map((match) =>
      Number(match[1]),
    );
    expect(pullBuckets).toHaveLength(12);
    expect(pullBuckets).toEqual([...pullBuckets].sort((a, b) => a - b));

    const port = buildMetricsServer(server.app.metrics);
    try {
      const scraped = await port.inject({ method: 'GET', url: '/metrics' });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('coorie_sync_requests_total{op="push",status="200"} 1\n');
      expect((await port.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(404);
    } finally {
      await port.close();
    }
  });
});

describe.each(databases())('metrics left off on $name', { timeout: 60_000 }, (database) => {
  const server = useServer(database);

  it('serves no metrics on the main port when METRICS_TOKEN is not set, token or not', async () => {
    const answer = await new Client(server.app).get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).not.toBe(200);
    expect(answer.headers['content-type']).not.toContain('text/plain');
    expect(String(answer.body)).not.toContain('coorie_sync');
  });
});
