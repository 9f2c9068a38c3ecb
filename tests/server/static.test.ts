// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Client } from './client.ts';
import { databases, useServer } from './helpers.ts';

describe.each(databases())('serving the built app on $name', { timeout: 30_000 }, (database) => {
  const server = useServer(database);

  function build() {
    const dist = server.config.staticDir;
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Coorie</title><div id="root"></div>');
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Coorie"}');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app");');
  }

  describe('before a build', () => {
    it('says to run npm run build instead of crashing', async () => {
      const answer = await new Client(server.app).get('/');
      expect(answer.status).toBe(503);
      expect(answer.body).toContain('npm run build');
      expect((await new Client(server.app).get('/api/health')).status).toBe(200);
    });
  });

  describe('after a build', () => {
    beforeEach(build);

    it('revalidates index.html, sw.js and the manifest every time', async () => {
      for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
        const answer = await new Client(server.app).get(url);
        expect(answer.status, url).toBe(200);
        expect(answer.headers['cache-control'], url).toBe('no-cache');
      }
    });

    it('sends the app a content security policy that allows only the app itself', async () => {
      for (const url of ['/', '/sessions']) {
        const answer = await new Client(server.app).get(url);
        const csp = String(answer.headers['content-security-policy']);
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("worker-src 'self'");
        expect(csp, url).toContain("manifest-src 'self'");
        expect(csp, url).toContain("img-src 'self' data:");
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).not.toContain('unsafe-inline');
        expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
        expect(answer.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      }
    });

    it('caches hashed assets for a year', async () => {
      const answer = await new Client(server.app).get('/assets/index-abc123.js');
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('console.log');
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('answers any page address with index.html, so a reload on a deep link works', async () => {
      const answer = await new Client(server.app).get('/sessions/2026-03-04/check-in');
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<div id="root">');
      expect(answer.headers['cache-control']).toBe('no-cache');
    });

    it('answers a missing file with 404, not the page', async () => {
      expect((await new Client(server.app).get('/assets/index-old999.js')).status).toBe(404);
    });

    it('keeps unknown API addresses as JSON 404s', async () => {
      const answer = await new Client(server.app).get('/api/sessions');
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    });
  });
});
