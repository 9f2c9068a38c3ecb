// Playwright fixtures: a real server per test file, and an axe check that fails on serious or critical issues.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server.ts';

interface FileServer {
  file: string;
  server: RunningServer;
}

// One worker runs every file in turn, so a worker-scoped server would be shared by all of them (and the second
// file to set up an organisation would find one there already). The worker keeps the server of the file it is
// on, and starts a fresh one when it moves to the next file.
// `clockShiftMs` (test.use) runs the file's server that much ahead of or behind the real time.
export const test = base.extend<
  { server: RunningServer; clockShiftMs: number },
  { fileServer: { current?: FileServer } }
>({
  clockShiftMs: [0, { option: true }],
  fileServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const holder: { current?: FileServer } = {};
      await use(holder);
      await holder.current?.server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  server: async ({ fileServer, clockShiftMs }, use, testInfo) => {
    if (fileServer.current?.file !== testInfo.file) {
      await fileServer.current?.server.stop();
      fileServer.current = { file: testInfo.file, server: await startServer({}, clockShiftMs) };
    }
    await use(fileServer.current.server);
  },
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect };

/** Runs axe (WCAG 2.2 A and AA) on the page as it is, and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    bad.map(
      (violation) =>
        `${where}: ${violation.id} — ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

/** Waits until the service worker controls the page, so that a reload can be served offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active) && navigator.serviceWorker.controller !== null;
  });
}

/** Fails when anything (a notice, a bar) sits over the control's centre, where a finger would tap it. */
export async function expectNotCovered(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  const onTop = await control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && element.contains(hit);
  });
  expect(onTop, 'nothing covers the control').toBe(true);
}

/** Every link in running text on the page is a target of at least 24 × 24 CSS pixels (WCAG 2.2, 2.5.8). */
export async function expectLinkTargets(page: Page, where: string): Promise<void> {
  const small = await page.locator('a:not([class])').evaluateAll((links) =>
    links
      .map((link) => ({ text: link.textContent ?? '', box: link.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.height < 24 || box.width < 24))
      .map(({ text, box }) => `${text} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
  expect(small, `${where}: links smaller than 24 × 24`).toEqual([]);
}
