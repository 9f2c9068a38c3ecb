// Chromium for the bench, launched one way everywhere: Debian's build (CHROME_PATH to use another), without the
// background traffic (updates, sync, safe browsing lists) that would share the CPU and the network with a figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { AccountPages } from '../tests/e2e/pages/AccountPages.ts';
import { COORDINATOR } from './seed.ts';

const LAUNCH = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** A browser whose contexts keep their storage in memory, each apart from the others. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH);
}

export interface Tablet {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface TabletOptions {
  /** Called once the context is open, before its page loads anything. */
  before?: (context: BrowserContext) => unknown;
  /** Called on the sign-in page once the service worker controls it, just before the sign-in. */
  beforeSignIn?: (page: Page) => unknown;
  /**
   * False: leave the tablet on the screen for choosing a PIN, for the caller to choose it later
   * (`new AccountPages(page).openApp()`); until then its first sync stores the records unsealed, as it does for
   * anyone still reading that screen.
   */
  choosePin?: boolean;
}

/**
 * A tablet: Chromium with a profile of its own on disk (IndexedDB and the service worker as a tablet keeps them,
 * not an incognito context's memory), signed in as the coordinator (choosing the app PIN, E2E_PIN, unless told not
 * to).
 */
export async function openTablet(url: string, device: string, options: TabletOptions = {}): Promise<Tablet> {
  const profile = mkdtempSync(join(tmpdir(), 'coorie-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...LAUNCH,
    baseURL: url,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  // tsx keeps function names with a helper, `__name`, that the functions sent to page.evaluate then call.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await options.before?.(context);
  const page = context.pages()[0] ?? (await context.newPage());
  // A person types an email address, a password and the device's name before "Sign in", and by then the service
  // worker of a first visit has stored the app and taken the page (it claims it), so that the first sync runs in
  // the worker. Playwright types in milliseconds: without this wait the first sync ran in the page instead, beside
  // the worker's install, which no one signing in by hand sees.
  await page.goto('/sign-in');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await options.beforeSignIn?.(page);
  const account = new AccountPages(page);
  if (options.choosePin === false) {
    await account.submitSignIn(COORDINATOR.email, COORDINATOR.password, device);
    const choosing = page.getByRole('heading', { level: 1, name: /^Choose a PIN for this/ });
    const refused = page.locator('.screen.account .problem');
    await choosing.or(refused).first().waitFor();
    if (await refused.isVisible()) throw new Error(`Coorie did not open: ${await refused.innerText()}`);
  } else await account.signIn(COORDINATOR.email, COORDINATOR.password, device);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A CPU profile being taken: `stop` ends it and writes it to `file`, for Chromium's developer tools. */
export interface Profiling {
  stop(file: string): Promise<void>;
}

/**
 * Starts a CPU profile of the page behind `cdp`, sampled every `intervalUs` microseconds (BENCH_PROFILE; build with
 * `vite build --minify false` for readable names).
 */
export async function startProfile(cdp: CDPSession, intervalUs = 200): Promise<Profiling> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/**
 * Starts a CPU profile of the service worker that the page behind `cdp` has registered (the worker runs the sync
 * once it controls the page), through the page's own DevTools connection, as `startProfile` does for a page.
 */
export async function startWorkerProfile(cdp: CDPSession, intervalUs = 200): Promise<Profiling> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker');
  if (!worker) throw new Error('No service worker to profile');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      waiting.set(++id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await send('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}
