// Push messages in browser tests: what a push service would hand a device's service worker.
import type { BrowserContext, Page } from '@playwright/test';
import { browserSubscription } from '../../server/pushService.ts';

type BrowserSubscription = ReturnType<typeof browserSubscription>;

/** Hands `data` to the service worker of `page` (served from `origin`) as its push service would. */
export async function deliverToWorker(
  context: BrowserContext,
  page: Page,
  origin: string,
  data: string,
): Promise<void> {
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
