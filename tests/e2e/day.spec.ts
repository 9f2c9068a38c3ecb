// Issue 4's promise, end to end in Chromium at a tablet's size with the network off from start to finish: plan a
// session, check in ten people (one a walk-in), write notes for three (one urgent), leave a home visit overdue,
// and find all of it on Today after a reload. Axe runs on every screen passed through.
import { TZDate } from '@date-fns/tz';
import type { Page } from '@playwright/test';
import { AccountPages, E2E_PIN } from './pages/AccountPages.ts';
import { CheckInPage } from './pages/CheckInPage.ts';
import { EscalationPage } from './pages/EscalationPage.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { NotePage } from './pages/NotePage.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { PlanEditorPage } from './pages/PlanEditorPage.ts';
import { ProfilePage } from './pages/ProfilePage.ts';
import { SessionPage } from './pages/SessionPage.ts';
import { SessionsPage } from './pages/SessionsPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { readMeta } from './pages/SyncPages.ts';
import { TodayPage } from './pages/TodayPage.ts';
import { VisitsPage } from './pages/VisitsPage.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';
import { screenshot } from './screens.ts';

// The day runs at 11:00 London time today, whatever the hour the test runs (a day that crossed midnight would
// lose its session from Today). Only the server's clock is moved there: the tablet corrects its own clock by the
// server's at each sync (src/db/clock.ts, serverOffset), as a tablet set to the wrong time does. Moving the page's
// clock as well would count the move twice once the service worker, whose clock Playwright leaves, measured the
// offset. The page's clock is still installed, at the real time, so that the test can make a visit overdue
// without waiting.
const REAL_NOW = new Date();
const SHIFT = elevenInLondon(REAL_NOW).getTime() - REAL_NOW.getTime();
const START = new Date(REAL_NOW.getTime() + SHIFT);
test.use({ clockShiftMs: SHIFT });

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(START);
const longDate = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long' })
    .format(date)
    .replace(',', '');
const clock = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(date);

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

// Fictional parents, by first name only, as Coorie asks. The first three agree to notes.
const PEOPLE = ['Amy', 'Beth', 'Catriona', 'Dawn', 'Eilidh', 'Fiona', 'Gemma', 'Hannah', 'Isla'];
const WALK_IN = 'Jess';
const SESSION = 'Rothes drop-in';

function elevenInLondon(now: Date): Date {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(now)
    .split('-')
    .map(Number);
  return new TZDate(year ?? 0, (month ?? 1) - 1, day ?? 1, 11, 0, 0, 'Europe/London');
}

async function landscape(page: Page, check: () => Promise<void>): Promise<void> {
  await page.setViewportSize({ width: 1180, height: 820 });
  await check();
  await page.setViewportSize({ width: 820, height: 1180 });
}

test('a whole day offline on the hall tablet, found again on Today after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  await page.clock.install();
  await new AccountPages(page).setUp(coordinator);
  await waitForServiceWorker(page);
  // The tablet knows the server's time before the network goes: it works at 11:00 from here on.
  await expect
    .poll(async () => Math.abs(Number(await readMeta(page, 'serverOffset')) - SHIFT), { timeout: 60_000 })
    .toBeLessThan(60_000);
  await expect(page.getByText(longDate(START), { exact: true })).toBeVisible();
  // Coorie says once that it is ready to work offline; put the notice away as a facilitator would.
  await expect(page.getByText('Ready to work offline.')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.context().setOffline(true);

  // Plan the session.
  await shell.open('Sessions');
  await expectAccessible(page, 'sessions list (empty)');
  const sessions = new SessionsPage(page);
  await sessions.planNew();
  await expectAccessible(page, 'plan editor');
  const plan = new PlanEditorPage(page);
  await plan.fill({
    title: SESSION,
    date: TODAY,
    // Today's date is what puts it on Today, whatever the hour the test runs.
    start: '10:00',
    end: '12:00',
    newVenue: { name: 'Church hall', locality: 'Speyside' },
    theme: 'Attachment and bonding',
    childcare: 'Kirsty in the side room, for the toddlers',
  });
  await expectAccessible(page, 'plan editor, filled in');
  await screenshot(page, 'plan-editor');
  await plan.save();
  await shell.expectHeading(SESSION);
  await expect(page.getByText('Church hall, Speyside')).toBeVisible();
  await expectAccessible(page, 'session detail');

  await shell.open('Sessions');
  await expect(sessions.session(SESSION)).toBeVisible();
  await expectAccessible(page, 'sessions list');
  await sessions.showWeek();
  await expect(sessions.week.getByRole('link', { name: new RegExp(SESSION) })).toBeVisible();
  await expectAccessible(page, 'sessions week');
  await screenshot(page, 'sessions-week');
  await sessions.showList();

  // Nine parents through People; three of them agree to notes.
  await shell.open('People');
  await expectAccessible(page, 'people (empty)');
  const people = new PeoplePage(page);
  const profile = new ProfilePage(page);
  for (const [index, name] of PEOPLE.entries()) {
    await shell.open('People');
    await people.openAdd();
    if (index === 0) await expectAccessible(page, 'person form');
    await people.add(name, index % 2 === 0 ? 'Elgin' : 'Buckie');
    if (index < 3) await profile.recordConsentToNotes();
  }
  await expectAccessible(page, 'profile');
  await shell.open('People');
  await expect(people.list.getByRole('link')).toHaveCount(PEOPLE.length);
  await expectAccessible(page, 'people list');

  // Check everyone in, and a walk-in.
  await shell.open('Sessions');
  await sessions.session(SESSION).click();
  const session = new SessionPage(page);
  await session.openReachOut();
  await expectAccessible(page, 'outreach');
  await page.goBack();
  await session.openCheckIn();
  await expectAccessible(page, 'check-in');
  const checkIn = new CheckInPage(page);
  for (const name of PEOPLE) await checkIn.checkIn(name);
  await checkIn.openWalkIn();
  await checkIn.fillWalkIn(WALK_IN, '3–6 months', true);
  await expectAccessible(page, 'walk-in form');
  await checkIn.saveWalkIn(WALK_IN);
  await expect(checkIn.count).toHaveText(/^10 here/);
  await expectAccessible(page, 'check-in, everyone here');
  await screenshot(page, 'check-in');
  await landscape(page, async () => {
    await shell.expectNothingCutOff();
    await screenshot(page, 'check-in-landscape');
  });

  // The feedback kiosk after the group, and back with the app PIN.
  await checkIn.openFeedbackKiosk();
  await expectAccessible(page, 'kiosk setup');
  const kiosk = new KioskPage(page);
  await kiosk.start();
  await expectAccessible(page, 'kiosk');
  await screenshot(page, 'kiosk');
  await kiosk.answer('Very welcome');
  await kiosk.unlock(E2E_PIN);
  await expect(page.getByText('1 answer so far.')).toBeVisible();

  // Notes for three: a follow-up for Amy, an urgent concern about Beth, a quiet note about Catriona.
  const note = new NotePage(page);
  const writeNoteAbout = async (name: string) => {
    await shell.open('People');
    await people.person(name).click();
    await shell.expectHeading(name);
    await profile.openNewNote(name);
  };
  await writeNoteAbout('Amy');
  await expectAccessible(page, 'note form');
  await note.write('Tired but laughing with the baby during the rhyme. Asked about Bookbug.', ['confidence']);
  await note.chooseConcern('keep an eye');
  await note.followUp('Send the Bookbug times', TODAY);
  await screenshot(page, 'note-form');
  await note.save('Amy');

  await writeNoteAbout('Beth');
  await note.write('Said she has not slept for days and feels she cannot go on.', ['mood', 'anxiety']);
  await note.chooseConcern('urgent');
  const escalation = new EscalationPage(page);
  await expect(escalation.heading).toBeVisible();
  await expectAccessible(page, 'escalation');
  await screenshot(page, 'escalation');
  await escalation.backToNote();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(/cannot go on/);
  await expect(page.getByRole('group', { name: /Concern level/ }).getByLabel('Urgent')).toBeChecked();
  await note.save('Beth');
  await expectAccessible(page, 'profile with a note');
  await screenshot(page, 'profile');

  await writeNoteAbout('Catriona');
  await note.write('First time back since the baby came. Chatted with Amy about sleep.');
  await note.save('Catriona');

  // A home visit to Dawn, arrived and never marked safe.
  await shell.open('Visits');
  await expectAccessible(page, 'visits (empty)');
  const visits = new VisitsPage(page);
  await visits.openSchedule();
  await expectAccessible(page, 'visit form');
  await visits.schedule({
    person: 'Dawn',
    choice: 'Dawn (Buckie)',
    date: TODAY,
    time: clock(START),
    where: 'Buckie, near the harbour',
    minutes: 5,
  });
  await expectAccessible(page, 'visit');
  await visits.markArrived();
  // Past the five minutes and the fifteen of grace, without waiting for them.
  await page.clock.fastForward('30:00');
  await expect(visits.overdueAlert).toBeVisible();
  await expectAccessible(page, 'visit overdue');
  await screenshot(page, 'visit-overdue');
  await shell.open('Visits');
  await expectAccessible(page, 'visits list');

  // The rest of the sections.
  await shell.open('Activities');
  await expectAccessible(page, 'activities');
  await screenshot(page, 'activities');
  await page
    .getByRole('link', { name: /Treasure basket/ })
    .first()
    .click();
  await shell.expectHeading(/Treasure basket/);
  await expectAccessible(page, 'activity');
  await shell.open('Reports');
  await expectAccessible(page, 'reports');
  await shell.open('Settings');
  await expectAccessible(page, 'settings');
  await page.getByRole('link', { name: 'Signposting directory' }).click();
  await shell.expectHeading('Signposting');
  await expectAccessible(page, 'signposting');
  await screenshot(page, 'signposting');

  // Still offline: a reload, and the day is all there on Today.
  await page.reload();
  const today = new TodayPage(page);
  await shell.open('Today');
  await expect(today.sessions.getByRole('link', { name: SESSION, exact: true })).toBeVisible();
  await expect(today.overdueVisits.getByRole('link', { name: 'Visit to Dawn', exact: true })).toBeVisible();
  await expect(today.followUps).toContainText('Amy');
  await expect(today.followUps).toContainText('Send the Bookbug times');
  await expect(today.concerns).toContainText('1 urgent concern waits for a coordinator.');
  await expect(today.concerns.getByText('Beth', { exact: true })).toBeHidden();
  await today.showWhoHasConcerns();
  await expect(today.concerns.getByRole('listitem').filter({ hasText: 'Beth' })).toContainText('Urgent');
  await expect(page.getByText(/Offline/).first()).toBeVisible();
  await expectAccessible(page, 'today');
  await screenshot(page, 'today');
  await landscape(page, async () => {
    await shell.expectNothingCutOff();
    await screenshot(page, 'today-landscape');
  });
  await shell.expectNothingCutOff();
  await shell.open('People');
  await expect(people.list.getByRole('link')).toHaveCount(PEOPLE.length + 1);
});
