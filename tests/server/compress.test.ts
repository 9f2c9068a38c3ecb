// The API's JSON answers are compressed for clients that accept it: a first sync over a weak signal.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import compression, { chooseEncoding } from '../../src/server/plugins/compress.ts';

const records = Array.from({ length: 200 }, (_, index) => ({
  id: `parent-${index}`,
  displayName: 'Amy',
  locality: 'Elgin',
}));

async function app() {
  const server = Fastify();
  await server.register(compression);
  server.get('/api/big', async () => ({ changes: records }));
  server.get('/api/small', async () => ({ changes: [] }));
  server.get('/big.json', async () => ({ changes: records }));
  return server;
}

let open: Awaited<ReturnType<typeof app>> | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('compression of API answers', () => {
  it('gzips a large answer for a browser on plain http, and it reads back the same', async () => {
    open = await app();
    const answer = await open.inject({ url: '/api/big', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toContain('Accept-Encoding');
    expect(answer.rawPayload.length).toBeLessThan(JSON.stringify({ changes: records }).length / 4);
    expect(JSON.parse(gunzipSync(answer.rawPayload).toString())).toEqual({ changes: records });
  });

  it('prefers brotli where it is accepted', async () => {
    open = await app();
    const answer = await open.inject({ url: '/api/big', headers: { 'accept-encoding': 'gzip, br' } });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(answer.rawPayload).toString())).toEqual({ changes: records });
  });

  it('sends small answers, other routes and clients that accept nothing as they are', async () => {
    open = await app();
    const small = await open.inject({ url: '/api/small', headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ changes: [] });
    const plain = await open.inject({ url: '/api/big', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual({ changes: records });
    const notApi = await open.inject({ url: '/big.json', headers: { 'accept-encoding': 'gzip' } });
    expect(notApi.headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding as browsers and proxies send it', () => {
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('GZIP')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeUndefined();
  });
});
