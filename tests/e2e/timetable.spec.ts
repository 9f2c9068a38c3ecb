// Promotion in Chromium: a coordinator makes the timetable public from the Promotion screen; then a stranger's
// phone, with no sign-in, reads the timetable and the A4 poster with its QR code, and nothing about anyone who
// comes (names, notes, phone numbers seeded into the sessions) is anywhere on either. Axe on every new screen.
import type { Page } from '@playwright/test';
import { londonDate, londonInstant } from '../../src/domain/london.ts';
import { AccountPages } from './pages/AccountPages.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

/** Everything a session and the people around it may hold that must never reach the public. */
const SECRETS = ['Kirsty', 'Granny Jean', 'Morag Macleod', '07700 900123', '07700900456', 'seemed low', 'at home'];

const DAY = 24 * 60 * 60 * 1000;
/** A London wall-clock time `days` from today, so that the screenshots read the same whenever they are taken. */
const inDays = (days: number, time: string) => londonInstant(londonDate(new Date(Date.now() + days * DAY)), time) ?? '';

/** Pushes records as the signed-in coordinator's device would. */
async function pushRecords(page: Page, records: [kind: string, id: string, values: Record<string, unknown>][]) {
  const version = `${String(Date.now()).padStart(13, '0')}-0000-e2etablet`;
  const response = await page.request.post('/api/sync/push', {
    data: {
      protocol: 1,
      deviceId: 'e2etablet',
      batchId: crypto.randomUUID(),
      changes: records.map(([kind, id, values]) => ({
        kind,
        id,
        values,
        versions: Object.fromEntries(Object.keys(values).map((field) => [field, version])),
      })),
    },
  });
  expect(response.status()).toBe(200);
  const { results } = (await response.json()) as { results: { status: string }[] };
  expect(results.map((result) => result.status)).toEqual(records.map(() => 'applied'));
}

test('a coordinator publishes the timetable; a stranger’s phone reads it and the poster, and nobody’s details', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await new AccountPages(page).setUp(coordinator);
  await pushRecords(page, [
    ['venue', 'v1', { name: 'Forres Town Hall', locality: 'Forres', address: 'High Street', babyChange: true }],
    [
      'session',
      's1',
      {
        title: 'Forres drop-in',
        startsAt: inDays(2, '10:00'),
        endsAt: inDays(2, '12:00'),
        venueId: 'v1',
        kind: 'drop-in',
        theme: 'attachment and bonding',
        facilitators: ['Morag Macleod'],
        childcare: 'Granny Jean minds the toddlers: 07700900456',
        reflection: 'Kirsty seemed low',
        status: 'planned',
      },
    ],
    ['session', 's2', { title: 'Kirsty at home', startsAt: inDays(1, '14:00'), kind: '1-2-1', venueId: 'v1' }],
    [
      'attendee',
      'a1',
      {
        displayName: 'Kirsty',
        heardVia: 'health visitor',
        contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
      },
    ],
    ['checkIn', 's1:a1', { sessionId: 's1', attendeeId: 'a1', withBaby: true }],
    ['note', 'n1', { attendeeId: 'a1', sessionId: 's1', body: 'Kirsty seemed low; call her on 07700 900123' }],
  ]);

  // The coordinator's Promotion screen: off at first, then public with the wording chosen.
  const shell = new ShellPage(page);
  await shell.open('Settings');
  await page.getByRole('link', { name: 'Public timetable and poster' }).click();
  await shell.expectHeading('Promotion');
  await expect(page.getByText(/The public timetable is switched off/)).toBeVisible();
  await expectAccessible(page, 'Promotion, switched off');
  await page.getByRole('checkbox', { name: 'Show our timetable to the public' }).check();
  await page.getByRole('textbox', { name: 'Introduction' }).fill('Friendly groups for parents and babies in Forres.');
  await page.getByRole('textbox', { name: 'Transport help offered' }).fill('We can pay for a taxi to the group.');
  await page.getByRole('checkbox', { name: 'Health visitors' }).check();
  await page.getByRole('button', { name: 'Save what is public' }).click();
  await expect(page.getByText('Saved: the public timetable shows these settings within a minute.')).toBeVisible();
  const share = page.getByRole('region', { name: 'Share the timetable' });
  await expect(share.getByText('Forres drop-in', { exact: true })).toBeVisible();
  await expect(share.getByRole('textbox', { name: 'Ready-made post' })).toHaveValue(
    /Forres drop-in at Forres Town Hall/,
  );
  await expect(page.getByRole('textbox', { name: 'Introduction' })).toHaveValue(
    'Friendly groups for parents and babies in Forres.',
  );
  await expectAccessible(page, 'Promotion, public');
  // The share panel, at the top of the screen, is what the picture is for.
  await page.getByRole('heading', { level: 1, name: 'Promotion' }).evaluate((heading) => heading.scrollIntoView());
  await screenshot(page, 'promotion');
  const address = (await share.locator('.promotion-url').textContent()) ?? '';
  const path = new URL(address).pathname;
  expect(path).toMatch(/^\/t\/mums-together-moray-[a-z0-9]{8}$/);

  // A stranger's phone: a fresh browser with no cookie, no app and no service worker.
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const stranger = await phone.newPage();
  await stranger.goto(path);
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText(
    'Mums Together Moray: groups for parents and babies',
  );
  await expect(stranger.getByText('Run by Mums Together Moray.')).toBeVisible();
  await expect(stranger.getByRole('heading', { name: 'Forres drop-in' })).toBeVisible();
  await expect(stranger.getByText('Forres Town Hall, High Street, Forres')).toBeVisible();
  await expect(stranger.getByText('We can pay for a taxi to the group.')).toBeVisible();
  const timetableText = await stranger.locator('body').innerText();
  for (const secret of SECRETS) expect(timetableText).not.toContain(secret);
  expect(await stranger.content()).not.toMatch(/Kirsty|Granny Jean|07700|Macleod/);
  const overflow = await stranger.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scroll on a phone').toBeLessThanOrEqual(0);
  await expectAccessible(stranger, 'Public timetable on a phone');
  await screenshot(stranger, 'public-timetable');

  await stranger.getByRole('link', { name: 'Poster to print (A4)' }).click();
  const qr = stranger.getByRole('img', { name: 'QR code: the timetable of Mums Together Moray' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
  await expect(stranger.getByText(address, { exact: true })).toBeVisible();
  const posterText = await stranger.locator('body').innerText();
  for (const secret of SECRETS) expect(posterText).not.toContain(secret);
  await expectAccessible(stranger, 'Poster');
  await stranger.setViewportSize({ width: 794, height: 1123 });
  await screenshot(stranger, 'poster');
  await phone.close();
});
