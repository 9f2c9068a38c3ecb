// The whole lone-worker story in Chromium, on the real server with its clock moved (no waiting). The browsers
// follow: every device corrects its own clock by the server's at each sync (src/db/clock.ts, serverOffset), so
// moving the server's clock moves the time Coorie works by on each page once it syncs; moving page.clock as well
// would count the move twice (the offset is worked out in the service worker, whose clock Playwright leaves).
// The story: the coordinator sets the organisation's alert periods; a visitor books a visit and arrives, then loses
// signal; the expected end and the grace period pass and her own device is alerted, then, a period later, the
// coordinator's; the coordinator's Today shows the visit
// overdue with "Call Isla". She comes back online and closes the visit, and the coordinator's Today no longer
// shows it overdue. Alerts go through the stand-in push service and the real worker, as in alerts.spec.ts.
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Page } from '@playwright/test';
import { startPushService, type PushService } from '../server/pushService.ts';
import { AccountPages } from './pages/AccountPages.ts';
import { deliverUntilShown, subscribeDevice } from './pages/PushPages.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { syncNow } from './pages/SyncPages.ts';
import { TeamPage } from './pages/TeamPage.ts';
import { TodayPage } from './pages/TodayPage.ts';
import { VisitsPage } from './pages/VisitsPage.ts';
import { startServer, type RunningServer } from './server.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';

// The story starts at 11:00 London time today, whatever the hour the test runs, so that no step crosses midnight.
const REAL_NOW = new Date();
const [YEAR, MONTH, DAY] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
  .format(REAL_NOW)
  .split('-')
  .map(Number);
const START = new TZDate(YEAR ?? 0, (MONTH ?? 1) - 1, DAY ?? 1, 11, 0, 0, 'Europe/London');
const SHIFT = START.getTime() - REAL_NOW.getTime();
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(START);
const MINUTE = 60_000;

const ailsa = {
  organisation: 'Speyside Parents',
  name: 'Ailsa',
  email: 'ailsa@example.org',
  password: 'a long enough password',
};
const isla = { name: 'Isla', email: 'isla@example.org', password: 'another long password' };

let service: PushService;
let server: RunningServer;

test.beforeAll(async () => {
  service = await startPushService();
  server = await startServer(
    {
      NODE_EXTRA_CA_CERTS: path.resolve('tests/server/fixtures/push-service.crt'),
      PUSH_CONTACT: 'mailto:alerts@example.org',
      PUSH_SERVICE_HOSTS: '127.0.0.1',
      VISIT_GRACE_MINS: '15',
      TEAM_ALERT_MINS: '15',
      // The server looks for due alerts every second, so that a moved clock is acted on at once.
      ALERT_TICK_SECS: '1',
    },
    SHIFT,
    { movableClock: true },
  );
});

test.afterAll(async () => {
  await server.stop();
  await service.close();
});

async function notificationTitles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((notification) => notification.title);
  });
}

/** What the server holds of a visit, as this device's pull would get it. */
async function visitOnServer(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async () => {
    const response = await fetch('/api/sync/pull?limit=500');
    const answer = (await response.json()) as { changes: { kind: string; values: Record<string, unknown> }[] };
    return answer.changes.find((change) => change.kind === 'visit')?.values;
  });
}

/** Moves the server's clock to `minutes` after the story's start; each device follows at its next sync. */
async function minutesLater(minutes: number): Promise<void> {
  await server.moveClock(SHIFT + minutes * MINUTE);
}

test('a visit not closed reaches the coordinator’s device, and clears once the visitor closes it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const coordinatorContext = await browser.newContext({ baseURL: server.url });
  const visitorContext = await browser.newContext({ baseURL: server.url });
  await coordinatorContext.grantPermissions(['notifications'], { origin: server.url });
  const coordinator = await coordinatorContext.newPage();
  const visitor = await visitorContext.newPage();

  // The coordinator sets up, adds Isla with her work phone, and turns alerts on for her laptop.
  await new AccountPages(coordinator).setUp(ailsa);
  await waitForServiceWorker(coordinator);
  const team = new TeamPage(coordinator);
  await team.open();
  await team.openAddMember();
  await team.addMember({ ...isla, role: 'Home-visit peer supporter' });
  await team.member('Isla').getByRole('button', { name: 'Work phone for Isla' }).click();
  await team.member('Isla').getByLabel('Isla’s work phone (optional)').fill('07700 900456');
  await team.member('Isla').getByRole('button', { name: 'Save the work phone' }).click();
  await expect(coordinator.getByText('Isla’s work phone is saved.')).toBeVisible();
  const ailsaLaptop = await subscribeDevice(coordinator, `${service.origin}/push/ailsa-laptop`);

  // The organisation's own periods, not the server's defaults (15 and 15): 10 minutes' grace, then 20 more.
  await team.openSettings();
  await coordinator.getByRole('link', { name: 'Alert periods', exact: true }).click();
  const grace = coordinator.getByLabel('Alert the visitor after a visit’s expected end (minutes)');
  await expect(grace).toHaveValue('15');
  await expect(grace).toHaveAccessibleDescription(/This server’s default: 15 minutes\./);
  await grace.fill('10');
  await coordinator.getByLabel('Then alert the buddy and coordinators after (minutes)').fill('20');
  await coordinator.getByRole('button', { name: 'Save the alert periods' }).click();
  await expect(coordinator.getByText('Saved: the new alert periods apply from now.')).toBeVisible();
  await expectAccessible(coordinator, 'Settings, alert periods');

  // Isla signs in on her phone, turns alerts on, adds Dawn and books the visit for 11:00, an hour long.
  await new AccountPages(visitor).signIn(isla.email, isla.password, 'Isla’s phone');
  await waitForServiceWorker(visitor);
  await subscribeDevice(visitor, `${service.origin}/push/isla-phone`);
  const shell = new ShellPage(visitor);
  await shell.open('People');
  await visitor.getByRole('link', { name: 'Add a person' }).click();
  await visitor.getByLabel('Name', { exact: true }).fill('Dawn');
  await visitor.getByRole('button', { name: 'Add this person' }).click();
  await shell.expectHeading('Dawn');
  // Her phone has synced, so it works by the server's clock (its own says the real time of day).
  const openSettings = async (page: Page) => new ShellPage(page).open('Settings');
  await syncNow(visitor, openSettings);
  await shell.open('Visits');
  const visits = new VisitsPage(visitor);
  await visits.openSchedule();
  await visits.schedule({
    person: 'Dawn',
    choice: 'Dawn',
    date: TODAY,
    time: '11:00',
    where: 'Aberlour, by the square',
    minutes: 60,
  });
  // She arrives with signal: the server learns of it, and then she loses signal.
  await visits.markArrived();
  await expect.poll(async () => (await visitOnServer(visitor))?.arrivedAt, { timeout: 30_000 }).toBeTruthy();
  await visitorContext.setOffline(true);

  // The coordinator's laptop hears of the visit; nothing is overdue yet, and nobody has been alerted.
  await syncNow(coordinator, openSettings);
  await new ShellPage(coordinator).open('Today');
  const today = new TodayPage(coordinator);
  await expect(coordinator.getByRole('region', { name: 'Visits' })).toContainText('Visit to Dawn');
  await expect(today.overdueVisits).toHaveCount(0);
  expect(service.deliveries).toHaveLength(0);

  // 12:12: past the hour and the ten minutes of grace. Isla's own phone is alerted first (it has no signal).
  await minutesLater(72);
  await expect.poll(() => service.deliveries.map((delivery) => delivery.path)).toEqual(['/push/isla-phone']);
  // 12:17: the coordinator's screen shows the visit overdue (a device counts fifteen minutes of grace), from what
  // the laptop knows, with Isla one tap away. Nothing more has been sent yet.
  await minutesLater(77);
  await syncNow(coordinator, openSettings);
  await new ShellPage(coordinator).open('Today');
  await expect(today.overdueVisits.getByRole('link', { name: 'Visit to Dawn', exact: true })).toBeVisible();
  await expect(today.overdueVisits.getByRole('link', { name: /^Call Isla/ })).toHaveAttribute(
    'href',
    'tel:+447700900456',
  );
  await expectAccessible(coordinator, 'Today with a visit overdue');

  expect(service.deliveries).toHaveLength(1);

  // 12:35: twenty minutes after Isla's alert and still not closed: the coordinator's laptop is alerted, naming
  // nobody.
  await minutesLater(95);
  await expect.poll(() => service.deliveries.length).toBe(2);
  const second = service.deliveries[1];
  expect(second?.path).toBe('/push/ailsa-laptop');
  const payload = ailsaLaptop.decrypt(second?.body ?? Buffer.alloc(0));
  expect(payload).not.toMatch(/Dawn|Isla|Aberlour/);
  await deliverUntilShown(coordinatorContext, coordinator, server.url, payload, 'visit-not-closed');
  await expect.poll(() => notificationTitles(coordinator)).toEqual(['A visit has not been closed']);

  // Isla's signal comes back and she closes the visit; the server hears of it, and so does the laptop.
  await visitorContext.setOffline(false);
  await visitor.getByRole('button', { name: 'I’ve left safely' }).click();
  await expect.poll(async () => (await visitOnServer(visitor))?.leftAt, { timeout: 30_000 }).toBeTruthy();
  await syncNow(coordinator, openSettings);
  await new ShellPage(coordinator).open('Today');
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(today.overdueVisits).toHaveCount(0);
  await expect(coordinator.getByText('Not heard back: visits overdue')).toBeHidden();
  expect(service.deliveries).toHaveLength(2);

  await coordinatorContext.close();
  await visitorContext.close();
});
