// Serves the built app from STATIC_DIR: hashed assets cached for a year, everything else revalidated,
// and any other page address answered with index.html so that the router in the app takes over. Files go
// compressed to a browser that accepts it, from the .br and .gz copies written at build (scripts/precompress.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// sw.js, index.html and the manifest must be fetched afresh so that an update reaches devices; other files
// outside assets/ (icons) are not hashed, so they revalidate too.
const REVALIDATE = 'no-cache';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Coorie is not built yet</title></head>
<body><h1>Coorie is not built yet</h1>
<p>The server is running, but there is no built app to serve. Run <code>npm run build</code>, then reload this page.</p>
</body></html>`;

export async function registerStatic(app: FastifyInstance, staticDir: string) {
  // Registered even when the folder is missing (the plugin only warns), so that a build made while the server
  // runs is served without a restart.
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: true,
    cacheControl: false,
    dotfiles: 'ignore',
    preCompressed: true,
    setHeaders(res, filePath) {
      const relative = path.relative(staticDir, filePath).split(path.sep);
      res.setHeader('Cache-Control', relative[0] === 'assets' ? IMMUTABLE : REVALIDATE);
      // The same address answers compressed or not by Accept-Encoding: caches in between must keep both apart.
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      return reply.status(404).send(errorBody('not_found', `There is no ${request.method} ${pathname}.`));
    }
    // A missing file (a name with a dot, such as an old hashed asset) is a 404, not the app's page.
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && !path.posix.basename(pathname).includes('.');
    if (!isPage) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      return reply
        .status(503)
        .header('Cache-Control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT_PAGE);
    }
    return reply.header('Cache-Control', REVALIDATE).sendFile('index.html', staticDir);
  });
}
