// @vitest-environment node
// The real build, served compressed: Brotli or gzip copies written by `vite build` go to browsers that accept
// them, with the same caching as the plain files, and the plain file to a client that accepts neither.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, useServer } from './helpers.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Built once for the file, into a folder of its own, so that the test never depends on (or spoils) ./dist.
const built = mkdtempSync(path.join(tmpdir(), 'coorie-built-'));

beforeAll(() => {
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--outDir', built, '--emptyOutDir', '--logLevel', 'error'], {
    encoding: 'utf8',
    // A production build, as `npm run build` makes it: not in Vitest's test mode.
    env: { ...process.env, NODE_ENV: 'production', VITEST: undefined, TEST: undefined },
  });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
}, 180_000);

afterAll(() => rmSync(built, { recursive: true, force: true }));

/** The entry script that index.html loads, as the browser asks for it. */
function entryScript(): string {
  const html = readFileSync(path.join(built, 'index.html'), 'utf8');
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html has no module script');
  return src;
}

describe.each(databases())('serving the built app compressed on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database, { STATIC_DIR: built });

  async function get(url: string, acceptEncoding?: string) {
    return server.app.inject({
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });
  }

  it('sends a hashed script as Brotli to a browser that accepts it, cached for a year', async () => {
    const url = entryScript();
    const plain = readFileSync(path.join(built, url));
    const answer = await get(url, 'gzip, deflate, br, zstd');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    expect(answer.headers.vary).toContain('Accept-Encoding');
    expect(answer.rawPayload.length).toBeLessThan(plain.length / 3);
    expect(brotliDecompressSync(answer.rawPayload).equals(plain)).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip, and the plain file to one that accepts nothing', async () => {
    const url = entryScript();
    const plain = readFileSync(path.join(built, url));
    const gzip = await get(url, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gzip.rawPayload).equals(plain)).toBe(true);
    for (const acceptEncoding of [undefined, 'identity']) {
      const identity = await get(url, acceptEncoding);
      expect(identity.statusCode).toBe(200);
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.headers['cache-control']).toBe(IMMUTABLE);
      expect(identity.rawPayload.equals(plain)).toBe(true);
    }
  });

  it('compresses every script and style of the build that compression makes smaller', async () => {
    const assets = readdirSync(path.join(built, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    expect(assets.length).toBeGreaterThan(10);
    for (const name of assets) {
      const answer = await get(`/assets/${name}`, 'br');
      const size = statSync(path.join(built, 'assets', name)).size;
      // A file of a few dozen bytes (a chunk that only re-exports) can grow when compressed: it goes as it is.
      if (size > 200) expect(answer.headers['content-encoding'], name).toBe('br');
      if (answer.headers['content-encoding'] === undefined) expect(answer.rawPayload.length, name).toBe(size);
      else expect(answer.rawPayload.length, name).toBeLessThan(size);
      expect(answer.headers['cache-control'], name).toBe(IMMUTABLE);
    }
  });

  it('sends index.html, sw.js and the manifest compressed but revalidated every time', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/sessions/new']) {
      const answer = await get(url, 'br, gzip');
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['content-encoding'], url).toBe('br');
      expect(answer.headers['cache-control'], url).toBe('no-cache');
      const file = url === '/sw.js' || url === '/manifest.webmanifest' ? url : '/index.html';
      expect(brotliDecompressSync(answer.rawPayload).equals(readFileSync(path.join(built, file))), url).toBe(true);
    }
  });

  it('still answers a missing asset with 404 whatever the client accepts', async () => {
    expect((await get('/assets/index-old999.js', 'br, gzip')).statusCode).toBe(404);
    expect((await get('/assets/index-old999.js')).statusCode).toBe(404);
  });
});
