// @vitest-environment node
// Route schemas (src/api/): a request is checked before its handler, which asks `valid(request)` once it knows who
// is asking; an answer is written through its schema. The example routes are added to the real app.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { valid } from '../../src/server/validation.ts';
import { databases, useServer } from './helpers.ts';

const body = z.strictObject({ name: z.string().max(3) });
const answer = z.object({ name: z.string() });

describe.each(databases())('route schemas on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  function addRoutes() {
    const app = server.app.withTypeProvider<ZodTypeProvider>();
    const schema = { body, response: { 200: answer } };
    app.post('/api/example/checked', { schema }, async (request) => ({ ...valid(request).body, secret: 'kept' }));
    app.post('/api/example/unchecked', { schema }, async () => ({ name: 'Ann' }));
  }

  const post = (url: string, payload: Record<string, unknown>) => server.app.inject({ method: 'POST', url, payload });

  it('answers a request that does not fit with 400 invalid_request, naming every problem', async () => {
    addRoutes();
    const answered = await post('/api/example/checked', { name: 'Morag', extra: 1 });
    expect(answered.statusCode).toBe(400);
    expect(answered.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/^The request is not valid: name: Too big.*; Unrecognized key: "extra"$/),
        details: [
          { path: 'name', message: expect.stringContaining('3') },
          { path: '', message: expect.stringContaining('extra') },
        ],
      },
    });
  });

  it('writes an answer through its schema, so a field the contract does not name stays on the server', async () => {
    addRoutes();
    const answered = await post('/api/example/checked', { name: 'Ann' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toEqual({ name: 'Ann' });
  });

  it('tells a stranger 401 before it tells anyone what an endpoint expects', async () => {
    const answered = await post('/api/users', { role: 'admin' });
    expect(answered.statusCode).toBe(401);
    expect(answered.json().error.code).toBe('unauthenticated');
  });

  it('answers 500 when a handler answers a request it never checked', async () => {
    addRoutes();
    expect((await post('/api/example/unchecked', { name: 'Ann' })).statusCode).toBe(200);
    const answered = await post('/api/example/unchecked', { name: 'Morag' });
    expect(answered.statusCode).toBe(500);
    expect(answered.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
  });
});
