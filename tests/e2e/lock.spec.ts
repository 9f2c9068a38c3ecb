// The app lock in Chromium: a PIN chosen at setup, the lock on every launch and after five idle minutes (the
// page's clock fast-forwarded, not waited for), unlocking by keypad and by keyboard, axe on both screens in
// portrait and landscape, and ten wrong PINs wiping the tablet for good.
import type { Page } from '@playwright/test';
import { AccountPages } from './pages/AccountPages.ts';
import { LockPage } from './pages/LockPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { readMeta } from './pages/SyncPages.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};
const PIN = '739215';

async function inBothOrientations(page: Page, check: (orientation: string) => Promise<void>): Promise<void> {
  await check('portrait');
  await page.setViewportSize({ width: 1180, height: 820 });
  await check('landscape');
  await page.setViewportSize({ width: 820, height: 1180 });
}

/** Every key of the keypad is on screen at once, each at least 44 px square, with no sideways scroll. */
async function expectKeypadFits(lock: LockPage): Promise<void> {
  const keys = lock.keypad.getByRole('button');
  await expect(keys).toHaveCount(12);
  for (const key of await keys.all()) {
    await expect(key).toBeInViewport();
    const box = await key.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  const overflow = await lock.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function expectNothingBehind(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(coordinator.name);
}

test('a PIN chosen at setup, then the lock on every launch and after five idle minutes', async ({ page }) => {
  test.setTimeout(120_000);
  const lock = new LockPage(page);
  const shell = new ShellPage(page);
  // The page's clock, so that five idle minutes can pass without waiting for them.
  await page.clock.install();

  await page.goto('/setup');
  await page.getByLabel('Organisation name').fill(coordinator.organisation);
  await page.getByLabel('Your name').fill(coordinator.name);
  await page.getByLabel('Email address').fill(coordinator.email);
  await page.getByLabel('Password', { exact: true }).fill(coordinator.password);
  await page.getByLabel('Type the password again').fill(coordinator.password);
  await page.getByRole('button', { name: 'Set up Coorie' }).click();

  await expect(lock.choosePinHeading).toBeVisible();
  await expectNothingBehind(page);
  await inBothOrientations(page, (orientation) => expectAccessible(page, `choose a PIN (${orientation})`));
  await lock.choosePin('1234');
  await expect(page.getByText('That PIN is too easy to guess', { exact: false })).toBeVisible();
  await expectAccessible(page, 'choose a PIN, with a problem');
  await lock.choosePin(PIN, '739216');
  await expect(page.getByText('The two PINs are different. Type the same PIN twice')).toBeVisible();
  await lock.choosePin(PIN);
  await shell.expectHeading('Today');

  // A relaunch: the lock comes first, with nothing of the app behind it.
  await page.reload();
  await expect(lock.heading).toBeVisible();
  await expectNothingBehind(page);
  await inBothOrientations(page, async (orientation) => {
    await expectKeypadFits(lock);
    await expectAccessible(page, `lock (${orientation})`);
  });
  await screenshot(page, 'lock');
  await lock.unlockWithKeypad('111111');
  await expect(page.getByText('That PIN is not right. Try again.')).toBeVisible();
  await expectAccessible(page, 'lock, after a wrong PIN');
  // The lock opens onto Today drawn complete: nothing "Loading…" shows between them (on a tablet past its first
  // sync, whose download Today would show instead).
  await expect
    .poll(async () => ((await readMeta(page, 'sync')) as { lastSuccess?: number } | null)?.lastSuccess)
    .toBeDefined();
  await page.evaluate(() => {
    const seen = globalThis as { loadingSeen?: boolean };
    seen.loadingSeen = false;
    new MutationObserver(() => {
      if (document.body.textContent?.includes('Loading…')) seen.loadingSeen = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await lock.unlockWithKeypad(PIN);
  await shell.expectHeading('Today');
  await expect(page.getByText('Nothing planned for today.')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { loadingSeen?: boolean }).loadingSeen)).toBe(false);

  // Four minutes of use keep it open; five minutes with nobody touching it lock it.
  await shell.open('People');
  await page.clock.fastForward('04:00');
  await shell.open('Sessions');
  await page.clock.fastForward('04:00');
  await shell.expectHeading('Sessions');
  await page.clock.fastForward('01:30');
  await expect(lock.heading).toBeVisible();
  await expectNothingBehind(page);

  // Typing works too, without finding the field first.
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await shell.expectHeading('Sessions');

  // Lock now, from Settings.
  await shell.open('Settings');
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(lock.heading).toBeVisible();
  await lock.unlockByTyping(PIN);
  await shell.expectHeading('Settings');
});

test('ten wrong PINs in a row wipe the tablet and sign it out, and a reload does not sign it back in', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const lock = new LockPage(page);
  const account = new AccountPages(page);
  await account.signIn(coordinator.email, coordinator.password, 'Lost tablet');
  await lock.stopUnlocking();
  await new ShellPage(page).open('People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Amy');
  await page.getByRole('button', { name: 'Add this person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amy' })).toBeVisible();

  await page.reload();
  await expect(lock.heading).toBeVisible();
  for (let wrong = 1; wrong <= 9; wrong++) {
    await lock.unlockByTyping(String(100000 + wrong * 11));
    // Each PIN is checked before the next is typed, as on a real tablet.
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled();
    if (wrong >= 3) await expect(page.getByText(`${10 - wrong} tr`, { exact: false })).toBeVisible();
    else await expect(page.getByText('That PIN is not right. Try again.')).toBeVisible();
  }
  // A reload gives no fresh tries.
  await page.reload();
  await lock.unlockByTyping('100999');

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeVisible();
  await expect(
    page.getByText(/entered wrongly 10 times in a row, so Coorie wiped its data and signed out/),
  ).toBeVisible();
  await expectAccessible(page, 'sign-in after a wipe');
  // The server has ended the tablet's session: its cookie signs nobody back in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Coorie' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);
  const left = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('coorie');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('attendee').objectStore('attendee').count();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  expect(left).toBe(0);
});
