// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Client, PASSWORD, setUpOrganisation } from './client.ts';
import { databases, useServer } from './helpers.ts';

const json = { 'content-type': 'application/json' };

/** The one error shape, and nothing else: no Fastify `statusCode` or `FST_…` code beside it. */
const shaped = (code: string) => ({ error: { code, message: expect.any(String) } });

/** Sends raw bytes to a listening server over real TCP and returns the status line's code and the body. */
function sendRaw(port: number, bytes: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) });
    });
  });
}

/** A real HTTP GET, for what `inject` never meets (Node's own parser). */
function get(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const call = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    call.on('error', reject);
    call.end();
  });
}

describe.each(databases())('requests the server refuses, on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  it('answers malformed JSON with 400 invalid_json', async () => {
    const answer = await new Client(server.app).post('/api/auth/sign-in', '{"email": "a@b.org", ', json);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'invalid_json', message: expect.stringMatching(/JSON/) });
  });

  it('answers an empty JSON body with 400 invalid_json', async () => {
    const answer = await new Client(server.app).post('/api/organisations', '', json);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_json');
  });

  it('answers wrong types and unknown fields with 400 invalid_request and details', async () => {
    const client = new Client(server.app);
    const wrongTypes = await client.post('/api/auth/sign-in', { email: 42, password: ['x'], device: 'Tablet' });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.error.code).toBe('invalid_request');
    expect(wrongTypes.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'email' }),
        expect.objectContaining({ path: 'password' }),
      ]),
    );
    const extra = await client.post('/api/auth/sign-in', {
      email: 'a@example.org',
      password: PASSWORD,
      device: 'Tablet',
      isAdmin: true,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/isAdmin/);
    const notAnObject = await client.post('/api/auth/sign-in', [1, 2, 3]);
    expect(notAnObject.status).toBe(400);
  });

  it('answers a body over 64 KiB on an account route with 413 too_large', async () => {
    const answer = await new Client(server.app).post('/api/organisations', {
      organisation: 'x'.repeat(70 * 1024),
      name: 'Ailsa',
      email: 'a@example.org',
      password: PASSWORD,
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('too_large');
  });

  it('answers a body that is not JSON with 415', async () => {
    const answer = await new Client(server.app).post('/api/auth/sign-in', 'email=a', { 'content-type': 'text/csv' });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('unsupported_media_type');
  });

  it('answers a broken %-encoding in the address with 400 invalid_url in the one error shape', async () => {
    for (const url of ['/api/people/%E0%A4%A/export', '/api/people/%/erase', '/%zzpi/me']) {
      const answer = await new Client(server.app).get(url);
      expect({ url, status: answer.status, body: answer.body }).toEqual({
        url,
        status: 400,
        body: shaped('invalid_url'),
      });
    }
  });

  it('answers a part of the address over 100 characters with 414 too_long in the one error shape', async () => {
    // A GET of such an address falls through to the app's pages (and their 404); a write has no such route.
    const answer = await new Client(server.app).post(`/api/people/${'a'.repeat(101)}/erase`, {});
    expect(answer.status).toBe(414);
    expect(answer.body).toEqual(shaped('too_long'));
    const read = await new Client(server.app).get(`/api/people/${'a'.repeat(101)}/export`);
    expect(read.body).toEqual(shaped('not_found'));
  });

  it('answers the errors of the body parser in the one error shape', async () => {
    const client = new Client(server.app);
    const badJson = await client.post('/api/auth/sign-in', '{"email":', json);
    expect(badJson.body).toEqual(shaped('invalid_json'));
    const notJson = await client.post('/api/auth/sign-in', 'email=a', { 'content-type': 'text/csv' });
    expect(notJson.body).toEqual(shaped('unsupported_media_type'));
    const tooLarge = await client.post('/api/auth/sign-in', { email: 'x'.repeat(70 * 1024) });
    expect(tooLarge.body).toEqual(shaped('too_large'));
  });

  it('answers headers over 16 KiB with 431, and a request that is not HTTP with 400, over real HTTP', async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const bigHeaders = await get(port, '/api/health', { 'x-padding': 'x'.repeat(20 * 1024) });
    expect(bigHeaders).toEqual({ status: 431, body: shaped('headers_too_large') });
    const longAddress = await get(port, `/api/health?${'q'.repeat(20 * 1024)}`, {});
    expect(longAddress).toEqual({ status: 431, body: shaped('headers_too_large') });
    const notHttp = await sendRaw(port, 'HELLO THERE\r\n\r\n');
    expect(notHttp).toEqual({ status: 400, body: shaped('invalid_request') });
    // And the server carries on.
    expect(await get(port, '/api/health', {})).toMatchObject({ status: 200 });
  });

  it('answers an unknown API address with 404 not_found in JSON', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['POST', '/api/users/123/promote'],
      ['GET', '/api'],
    ] as const) {
      const answer = await new Client(server.app).call(method, url);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });

  it('refuses writes from another site with 403 cross_site, and lets its own pages through', async () => {
    const coordinator = await setUpOrganisation(server.app);
    const body = { name: 'Morag', email: 'morag@example.org', role: 'visitor', password: PASSWORD };
    const foreign = await coordinator.post('/api/users', body, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('cross_site');
    const own = await coordinator.post('/api/users', body, { origin: 'http://coorie.test', host: 'coorie.test' });
    expect(own.status).toBe(201);
  });

  it('answers a server fault with 500 and no internals', async () => {
    const coordinator = await setUpOrganisation(server.app);
    await server.store.db.destroy();
    const answer = await coordinator.get('/api/me');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server. Please try again.' },
    });
  });

  it('answers the API with headers that let nothing load, frame or sniff its JSON, and no more', async () => {
    const answer = await new Client(server.app).get('/api/health');
    expect(answer.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
    // The document-only headers stay on the app's pages: on every sync they would be weight for nothing.
    expect(answer.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(answer.headers['x-xss-protection']).toBeUndefined();
  });
});
