// Small on the wire: the service worker's precache, the whole app, comes down compressed.
import { expect, test } from './fixtures.ts';

test('the service worker downloads its precache compressed', async ({ page }) => {
  const precached = new Map<string, string | null>();
  page.context().on('response', (response) => {
    // Only what the worker itself fetches: its precache.
    if (!response.request().serviceWorker()) return;
    const { pathname } = new URL(response.url());
    void response.headerValue('content-encoding').then((encoding) => precached.set(pathname, encoding));
  });

  await page.goto('/');
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active));

  const scripts = [...precached].filter(([pathname]) => /^\/assets\/.+\.js$/.test(pathname));
  expect(scripts.length).toBeGreaterThan(10);
  for (const [pathname, encoding] of precached) {
    // Files too small to gain (a chunk of a few dozen bytes) and images go as they are.
    if (/\.(png|ico)$/.test(pathname)) continue;
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js') && encoding === null) {
      const body = await (await page.request.get(pathname)).body();
      expect(body.length, pathname).toBeLessThan(200);
      continue;
    }
    expect(encoding, pathname).toBe('br');
  }
  expect(precached.get('/index.html')).toBe('br');
});
