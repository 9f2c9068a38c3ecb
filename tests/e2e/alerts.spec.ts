// Issue 12 in Chromium: a coordinator's device gets alerts through the real server and service worker. The
// server sends through a stand-in push service (Chromium here has no push service of its own, so the
// subscription is injected), the test decrypts what arrived there as the browser would (RFC 8291) and hands it
// to the real worker with CDP `ServiceWorker.deliverPushMessage`; the notification shown names nobody.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startPushService, type PushService } from '../server/pushService.ts';
import { AccountPages } from './pages/AccountPages.ts';
import { deliverUntilShown, subscribeDevice } from './pages/PushPages.ts';
import { startServer, type RunningServer } from './server.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';

const coordinator = {
  organisation: 'Speyside Parents',
  name: 'Ailsa',
  email: 'ailsa@example.org',
  password: 'a long enough password',
};

let service: PushService;
let server: RunningServer;

test.beforeAll(async () => {
  service = await startPushService();
  // The server trusts the stand-in's certificate as a real one would trust a push service's.
  server = await startServer({
    NODE_EXTRA_CA_CERTS: path.resolve('tests/server/fixtures/push-service.crt'),
    PUSH_CONTACT: 'mailto:alerts@example.org',
    PUSH_SERVICE_HOSTS: '127.0.0.1',
  });
});

test.afterAll(async () => {
  await server.stop();
  await service.close();
});

async function notifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications();
    return shown.map((notification) => ({
      title: notification.title,
      body: notification.body,
      tag: notification.tag,
      data: notification.data as unknown,
    }));
  });
}

test('alerts reach a coordinator’s device through the worker, naming nobody', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  await context.grantPermissions(['notifications'], { origin: server.url });
  const page = await context.newPage();
  await new AccountPages(page).setUp(coordinator);
  await waitForServiceWorker(page);

  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Alerts on this device' });
  await expect(section).toContainText('Off for this device');
  await expect(section.getByRole('button', { name: 'Turn on alerts' })).toBeEnabled();
  await expectAccessible(page, 'Settings, alerts off');

  // What the browser would send after subscribing, with keys the test holds to decrypt with.
  const device = await subscribeDevice(page, `${service.origin}/push/ailsa-laptop`);

  await page.reload();
  await expect(section).toContainText('On for this device');
  await expect(section).toContainText('Last alert delivered');
  await expect(section).toContainText('None yet');
  await expectAccessible(page, 'Settings, alerts on');

  await section.getByRole('button', { name: 'Send me a test alert' }).click();
  await expect(section.getByRole('status')).toHaveText('Test alert sent. It should appear on this device in a moment.');
  await expect(section).not.toContainText('None yet');
  const [test] = await service.waitFor(1);
  if (!test) throw new Error('no test alert');
  await deliverUntilShown(context, page, server.url, device.decrypt(test.body), 'test');
  await expect
    .poll(() => notifications(page))
    .toEqual([
      { title: 'Test alert from Coorie', body: 'Alerts reach this device.', tag: 'test', data: { url: '/settings' } },
    ]);

  // An urgent concern about Morag reaches the server: the alert says so, and nothing more.
  const pushed = await page.evaluate(async () => {
    const version = `${String(Date.now()).padStart(13, '0')}-0000-e2ealerts`;
    const change = (kind: string, id: string, values: Record<string, unknown>) => ({
      kind,
      id,
      values,
      versions: Object.fromEntries(Object.keys(values).map((field) => [field, version])),
    });
    const response = await fetch('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        protocol: 1,
        deviceId: 'e2ealerts',
        batchId: 'alerts-1',
        changes: [
          change('attendee', 'morag', { displayName: 'Morag' }),
          change('note', 'morag-note', {
            attendeeId: 'morag',
            body: 'Morag is frightened at home in Aberlour.',
            concern: 'urgent',
          }),
        ],
      }),
    });
    return response.status;
  });
  expect(pushed).toBe(200);
  const [, urgent] = await service.waitFor(2);
  if (!urgent) throw new Error('no urgent alert');
  const payload = device.decrypt(urgent.body);
  expect(payload).not.toMatch(/Morag|Aberlour|frightened/);
  await deliverUntilShown(context, page, server.url, payload, 'urgent-concern');
  await expect
    .poll(async () => (await notifications(page)).map((shown) => shown.title).sort())
    .toEqual(['Test alert from Coorie', 'Urgent concern raised in Coorie']);
  const shown = await notifications(page);
  expect(JSON.stringify(shown)).not.toMatch(/Morag|Aberlour|Speyside|Ailsa/);
  expect(shown.find((one) => one.tag === 'urgent-concern')).toEqual({
    title: 'Urgent concern raised in Coorie',
    body: 'Open Coorie to see it.',
    tag: 'urgent-concern',
    data: { url: '/' },
  });

  // Tapping it: the worker closes it and takes the open window to the screen it names. (CDP cannot tap a
  // notification, so the worker is given the click event the browser would give it, with the real notification.)
  expect(page.url()).toBe(`${server.url}/settings`);
  const worker = context.serviceWorkers().find((one) => one.url().startsWith(server.url));
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(`(async () => {
    const [tapped] = await self.registration.getNotifications({ tag: 'urgent-concern' });
    self.dispatchEvent(new NotificationEvent('notificationclick', { notification: tapped }));
  })()`);
  await expect(page).toHaveURL(`${server.url}/`);
  // A new page load opens locked; the tests' lock handler unlocks it, and the screen named is there.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect.poll(async () => (await notifications(page)).map((one) => one.tag)).toEqual(['test']);
  await context.close();
});
