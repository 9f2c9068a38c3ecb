// A Vite plugin that writes Brotli (.br) and gzip (.gz) copies of the built app's text files beside them, once
// the whole build (the service worker included) is written. The server sends them as they are to a browser
// that accepts them (@fastify/static's preCompressed), so a first load over a weak signal is a third of the
// size, at no cost per request. Node's own zlib at the highest levels: it runs once, at build time.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const TEXT_FILES = /\.(?:js|mjs|css|html|svg|webmanifest|json|txt)$/;

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Dot folders (Vite's manifest in .vite/) are never served.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(full);
    else if (TEXT_FILES.test(entry.name)) yield full;
  }
}

/** Writes `file.br` and `file.gz` beside every text file under `dir` that compression makes smaller. */
export function precompressFolder(dir: string) {
  for (const file of textFiles(dir)) {
    const body = readFileSync(file);
    const brotli = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gzip = gzipSync(body, { level: 9 });
    // A file too small to gain is sent as it is: the server falls back to it when no copy exists.
    if (brotli.length < body.length) writeFileSync(`${file}.br`, brotli);
    if (gzip.length < body.length) writeFileSync(`${file}.gz`, gzip);
  }
}

export function precompress(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'coorie-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    // After every other plugin's closeBundle, so that vite-plugin-pwa's sw.js (built there) is included.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (!config) return;
        precompressFolder(path.resolve(config.root, config.build.outDir));
      },
    },
  };
}
