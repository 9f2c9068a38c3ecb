// Lighthouse (from npm, pinned) on the sign-in page, as a phone would load it: its default mobile run (a
// mid-range phone's screen, CPU slowed 4×, a slow 4G link, simulated), against Debian's Chromium, on a server
// of its own where an organisation exists (so the page is Sign in, as on every device but the first).
// BENCH_ONLY=lighthouse runs only this one.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer } from '../tests/e2e/server.ts';
import { createOrganisation } from './seed.ts';

const TARGET_SCORE = 0.9;

export interface LighthouseBench {
  performance: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  transferredScriptBytes: number;
  targets: { lighthouseMobileAtLeast09: boolean };
}

interface Audit {
  numericValue?: number;
  details?: { items?: { resourceType?: string; transferSize?: number }[] };
}

export async function benchLighthouse(): Promise<LighthouseBench> {
  const server = await startServer();
  try {
    await createOrganisation(server.url);
    const { stdout } = await promisify(execFile)(
      'node_modules/.bin/lighthouse',
      [
        `${server.url}/sign-in`,
        '--only-categories=performance',
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update',
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const report = JSON.parse(stdout) as {
      categories: { performance: { score: number } };
      audits: Record<string, Audit>;
    };
    const ms = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
    const scripts = (report.audits['network-requests']?.details?.items ?? [])
      .filter((item) => item.resourceType === 'Script')
      .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
    const performance = report.categories.performance.score;
    return {
      performance,
      firstContentfulPaintMs: ms('first-contentful-paint'),
      largestContentfulPaintMs: ms('largest-contentful-paint'),
      totalBlockingTimeMs: ms('total-blocking-time'),
      transferredScriptBytes: scripts,
      targets: { lighthouseMobileAtLeast09: performance >= TARGET_SCORE },
    };
  } finally {
    await server.stop();
  }
}

export function printLighthouse(result: LighthouseBench): void {
  console.log(
    `(viii) Lighthouse mobile on the sign-in page: performance ${result.performance.toFixed(2)} ` +
      `(≥ ${TARGET_SCORE}); FCP ${result.firstContentfulPaintMs} ms, LCP ${result.largestContentfulPaintMs} ms, ` +
      `TBT ${result.totalBlockingTimeMs} ms; scripts ${(result.transferredScriptBytes / 1024).toFixed(1)} KB on the wire`,
  );
}
