// Page object for the app lock: choosing a PIN, the lock screen's keypad, and "Forgot PIN?".
import type { Locator, Page } from '@playwright/test';

// One handler per page: setting a tablet up and signing in again on it must not stack two.
const unlocking = new WeakSet<Page>();

export class LockPage {
  readonly heading: Locator;
  readonly choosePinHeading: Locator;
  readonly keypad: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Coorie is locked' });
    this.choosePinHeading = page.getByRole('heading', {
      level: 1,
      name: /^Choose a PIN for this (phone|tablet|computer)$/,
    });
    this.keypad = page.getByRole('group', { name: 'Keypad' });
  }

  async choosePin(pin: string, again = pin): Promise<void> {
    await this.page.getByLabel('PIN', { exact: true }).fill(pin);
    await this.page.getByLabel('Type the PIN again').fill(again);
    await this.page.getByRole('button', { name: 'Use this PIN' }).click();
  }

  /** Taps the PIN on the keypad and Unlock, as a thumb would. */
  async unlockWithKeypad(pin: string): Promise<void> {
    for (const digit of pin) await this.keypad.getByRole('button', { name: digit, exact: true }).click();
    await this.keypad.getByRole('button', { name: 'Unlock' }).click();
  }

  async unlockByTyping(pin: string): Promise<void> {
    await this.page.getByLabel('PIN', { exact: true }).fill(pin);
    await this.page.keyboard.press('Enter');
  }

  /**
   * From now on, whenever the lock shows (a reload, a relaunch, five idle minutes), unlock it before the test's
   * next step, as the person holding the tablet would: specs about other things then read as they always did.
   * lock.spec.ts, which is about the lock itself, stops this with stopUnlocking().
   */
  async unlockWhenLocked(pin: string): Promise<void> {
    if (unlocking.has(this.page)) return;
    unlocking.add(this.page);
    await this.page.addLocatorHandler(this.heading, async () => {
      await this.page.getByLabel('PIN', { exact: true }).fill(pin);
      await this.page.getByRole('button', { name: 'Unlock' }).click();
    });
  }

  async stopUnlocking(): Promise<void> {
    unlocking.delete(this.page);
    await this.page.removeLocatorHandler(this.heading);
  }
}
