// Push messages in browser tests: what a push service would hand a device's service worker.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { browserSubscription } from '../../server/pushService.ts';

type BrowserSubscription = ReturnType<typeof browserSubscription>;

/** Hands `data` to the service worker of `page` (served from `origin`) as its push service would. */
async function deliverToWorker(context: BrowserContext, page: Page, origin: string, data: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((registration) => registration.scopeURL.startsWith(origin));
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registrationId, data });
  await cdp.detach();
}

/**
 * Hands `data` to the worker until the notification tagged `tag` shows. CDP's delivery is fire-and-forget:
 * on a loaded machine Chromium has dropped one while starting the worker, with nothing to tell. A push
 * service delivers again what a device did not take; a notification's tag makes a second delivery replace
 * the first, so the device still shows one.
 */
export async function deliverUntilShown(
  context: BrowserContext,
  page: Page,
  origin: string,
  data: string,
  tag: string,
): Promise<void> {
  const shown = () =>
    page.evaluate(async (wanted) => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications({ tag: wanted })).length > 0;
    }, tag);
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await deliverToWorker(context, page, origin, data);
    try {
      await expect.poll(shown, { timeout: 10_000 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/** Gives the server the subscription a browser would have made at `endpoint`, with keys the test holds. */
export async function subscribeDevice(page: Page, endpoint: string): Promise<BrowserSubscription> {
  const device = browserSubscription(endpoint);
  const status = await page.evaluate(async (json) => {
    const response = await fetch('/api/push/subscription', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    return response.status;
  }, device.json);
  if (status !== 204) throw new Error(`Saving the subscription answered ${status}`);
  return device;
}
