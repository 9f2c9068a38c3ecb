// @vitest-environment node
// Builds the app as `npm run build` does, into a temporary folder, and checks what a browser needs to
// install Coorie and open it offline: the worker, its precache list and the manifest with its icons.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
let outDir = '';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'coorie-build-'));
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function readManifest() {
  return JSON.parse(await readFile(join(outDir, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown> & {
    icons: ManifestIcon[];
  };
}

/** Width and height from a PNG's IHDR chunk, which always follows the 8-byte signature. */
async function pngSize(path: string) {
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the production build', () => {
  it('has a service worker at the root that precaches index.html and the app', async () => {
    const sw = await readFile(join(outDir, 'sw.js'), 'utf8');
    expect(sw.includes('self.__WB_MANIFEST'), 'the precache list was injected').toBe(false);
    // The injected list is JSON: [{"revision":"…","url":"index.html"}, …]. Matched, not printed: sw.js is large.
    const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]);
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    expect(urls).toEqual(expect.arrayContaining(['icon-192.png', 'icon-512.png', 'icon-maskable-512.png']));
    expect(urls.some((url) => /^assets\/.+\.js$/.test(url ?? ''))).toBe(true);
    expect(urls.some((url) => /^assets\/.+\.css$/.test(url ?? ''))).toBe(true);
  });

  it('builds the worker as a classic script, which every browser can register', async () => {
    const sw = await readFile(join(outDir, 'sw.js'), 'utf8');
    // A module-only construct (import, export, import.meta, a dynamic import()) makes registration fail.
    expect(() => new Script(sw, { filename: 'sw.js' })).not.toThrow();
    expect(sw).not.toMatch(/import\.meta|\bimport\(/);
  });

  it('links the manifest and the icons from index.html, with no inline script', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    expect(html).toContain('rel="apple-touch-icon" href="/apple-touch-icon.png"');
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => tag.includes(' src='))).toBe(true);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('has a web app manifest that makes Coorie installable', async () => {
    const manifest = await readManifest();
    expect(manifest).toMatchObject({
      name: 'Coorie',
      short_name: 'Coorie',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'en-GB',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.filter((icon) => icon.type === 'image/png').map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);
  });

  it('ships every icon the manifest names, at the size it claims', async () => {
    const manifest = await readManifest();
    for (const icon of manifest.icons) {
      const path = join(outDir, icon.src);
      expect(existsSync(path), icon.src).toBe(true);
      if (icon.type !== 'image/png') continue;
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(await pngSize(path), icon.src).toEqual({ width, height });
    }
    expect(await pngSize(join(outDir, 'apple-touch-icon.png'))).toEqual({ width: 180, height: 180 });
    expect(existsSync(join(outDir, 'favicon.svg'))).toBe(true);
  });

  it('names a PNG favicon the build ships, at the size the page claims (an SVG one is drawn again at each screen)', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const link = /<link rel="icon" href="\/([^"]+)" type="([^"]+)" sizes="(\d+)x(\d+)"/.exec(html);
    expect(link, 'the page names a favicon with its type and size').not.toBeNull();
    const [, file = '', type, width, height] = link ?? [];
    expect(type).toBe('image/png');
    expect(await pngSize(join(outDir, file))).toEqual({ width: Number(width), height: Number(height) });
  });
});
