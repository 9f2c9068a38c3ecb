// "Alerts on this device" in Settings: permission is asked only when the person turns alerts on;
// the section says whether they are on, when the last one arrived, and sends a test.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALEX, apiError, json, renderApp, stubServer } from './helpers.tsx';

const PUBLIC_KEY = `B${'A'.repeat(86)}`;
const SUBSCRIPTION = {
  endpoint: 'https://push.example.net/abc',
  expirationTime: null,
  keys: { p256dh: 'p', auth: 'a' },
};

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
  Reflect.deleteProperty(window, 'PushManager');
});

/** A browser that can take push messages, whose person answers the permission prompt with `answer`. */
function stubPushBrowser(answer: NotificationPermission) {
  const requestPermission = vi.fn(async () => answer);
  vi.stubGlobal('Notification', { permission: 'default', requestPermission });
  vi.stubGlobal('PushManager', function PushManager() {});
  const subscribe = vi.fn(async (options: { applicationServerKey: Uint8Array }) => ({
    options,
    toJSON: () => SUBSCRIPTION,
  }));
  const pushManager = { getSubscription: async () => null, subscribe };
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { ready: Promise.resolve({ pushManager }), getRegistration: async () => ({ pushManager }) },
  });
  return { requestPermission, subscribe };
}

async function openAlerts() {
  await renderApp('/settings', { user: ALEX });
  return screen.findByRole('region', { name: 'Alerts on this device' });
}

/**
 * The section's status line is always in the page (empty at first): wait for its words, not for the line, which
 * would be found before the answer arrives on a busy machine.
 */
async function expectStatus(section: HTMLElement, words: string) {
  await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent(words));
}

describe('alerts on this device', () => {
  it('says so when the browser cannot receive alerts, and asks the server nothing', async () => {
    const calls = stubServer({ 'GET /api/me': () => json(200, { user: ALEX }) });
    const section = await openAlerts();
    expect(await within(section).findByText(/This browser cannot receive alerts/)).toBeInTheDocument();
    expect(calls.map((call) => call.route)).not.toContain('GET /api/push/subscription');
  });

  it('asks for permission only when turned on, then gives the server the subscription', async () => {
    const browser = stubPushBrowser('granted');
    let subscribed = false;
    const calls = stubServer({
      'GET /api/me': () => json(200, { user: ALEX }),
      'GET /api/push/subscription': () => json(200, { subscribed, lastDeliveredAt: null }),
      'GET /api/push/key': () => json(200, { publicKey: PUBLIC_KEY }),
      'PUT /api/push/subscription': () => {
        subscribed = true;
        return json(204);
      },
    });
    const section = await openAlerts();
    expect(await within(section).findByText('Off for this device')).toBeInTheDocument();
    expect(browser.requestPermission).not.toHaveBeenCalled();

    await userEvent.click(within(section).getByRole('button', { name: 'Turn on alerts' }));
    expect(await within(section).findByText('On for this device')).toBeInTheDocument();
    expect(browser.requestPermission).toHaveBeenCalledTimes(1);
    const key = browser.subscribe.mock.calls[0]?.[0].applicationServerKey;
    expect(key).toHaveLength(65);
    expect(calls.find((call) => call.route === 'PUT /api/push/subscription')?.body).toEqual(SUBSCRIPTION);
    expect(within(section).getByText('None yet')).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Alerts are on for this device.');
  });

  it('tells the person how to allow notifications when they say no, and subscribes nothing', async () => {
    const browser = stubPushBrowser('denied');
    const calls = stubServer({
      'GET /api/me': () => json(200, { user: ALEX }),
      'GET /api/push/subscription': () => json(200, { subscribed: false, lastDeliveredAt: null }),
    });
    const section = await openAlerts();
    await userEvent.click(await within(section).findByRole('button', { name: 'Turn on alerts' }));
    await expectStatus(
      section,
      'Notifications are not allowed for Coorie. Allow them in the browser’s site settings, then try again.',
    );
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(calls.map((call) => call.route)).not.toContain('PUT /api/push/subscription');
  });

  it('sends a test alert and shows when the last one was delivered, in London time', async () => {
    stubPushBrowser('granted');
    stubServer({
      'GET /api/me': () => json(200, { user: ALEX }),
      'GET /api/push/subscription': () => json(200, { subscribed: true, lastDeliveredAt: null }),
      'POST /api/push/test': () =>
        json(200, { delivered: true, subscribed: true, lastDeliveredAt: '2025-07-14T09:42:00.000Z' }),
    });
    const section = await openAlerts();
    await userEvent.click(await within(section).findByRole('button', { name: 'Send me a test alert' }));
    await expectStatus(section, 'Test alert sent. It should appear on this device in a moment.');
    // 09:42 UTC is 10:42 in London in July (British Summer Time); the year shows unless it is this year's.
    expect(within(section).getByText(/^Mon 14 Jul( 2025)?, 10:42$/)).toBeInTheDocument();
  });

  it('says when the push service no longer knows the device', async () => {
    stubPushBrowser('granted');
    stubServer({
      'GET /api/me': () => json(200, { user: ALEX }),
      'GET /api/push/subscription': () => json(200, { subscribed: true, lastDeliveredAt: null }),
      'POST /api/push/test': () => json(200, { delivered: false, subscribed: false, lastDeliveredAt: null }),
    });
    const section = await openAlerts();
    await userEvent.click(await within(section).findByRole('button', { name: 'Send me a test alert' }));
    await expectStatus(section, 'The push service no longer knows this device. Turn alerts on again.');
    expect(within(section).getByText('Off for this device')).toBeInTheDocument();
  });

  it('says plainly when the server cannot be reached', async () => {
    stubPushBrowser('granted');
    stubServer({
      'GET /api/me': () => json(200, { user: ALEX }),
      'GET /api/push/subscription': () => apiError(503, 'unavailable', 'The server is busy.'),
    });
    const section = await openAlerts();
    await expectStatus(section, 'The server is busy.');
  });
});
