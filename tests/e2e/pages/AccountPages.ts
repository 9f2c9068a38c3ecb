// Page object for the first-run setup and sign-in screens.
import type { Page } from '@playwright/test';
import { expectNotCovered } from '../fixtures.ts';
import { LockPage } from './LockPage.ts';

export interface Coordinator {
  organisation: string;
  name: string;
  email: string;
  password: string;
}

/** The app PIN the browser tests choose for every new person on a tablet. */
export const E2E_PIN = '482613';

export class AccountPages {
  constructor(private readonly page: Page) {}

  async setUp(who: Coordinator): Promise<void> {
    await this.page.goto('/setup');
    await this.page.getByLabel('Organisation name').fill(who.organisation);
    await this.page.getByLabel('Your name').fill(who.name);
    await this.page.getByLabel('Email address').fill(who.email);
    await this.page.getByLabel('Password', { exact: true }).fill(who.password);
    await this.page.getByLabel('Type the password again').fill(who.password);
    const submit = this.page.getByRole('button', { name: 'Set up Coorie' });
    await expectNotCovered(submit);
    await submit.click();
    await this.openApp();
  }

  async signIn(email: string, password: string, device: string): Promise<void> {
    await this.submitSignIn(email, password, device);
    await this.openApp();
  }

  /** Fills in the sign-in form and sends it, leaving what follows (a PIN to choose, the lock) to the caller. */
  async submitSignIn(email: string, password: string, device: string): Promise<void> {
    await this.page.goto('/sign-in');
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByLabel("This device's name").fill(device);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Waits for the app to open, choosing the app PIN first when the lock asks a new person for one (src/app/lock). */
  async openApp(pin = E2E_PIN): Promise<void> {
    await new LockPage(this.page).unlockWhenLocked(pin);
    const sections = this.page.getByRole('navigation', { name: 'Sections' });
    const choosePin = this.page.getByRole('heading', {
      level: 1,
      name: /^Choose a PIN for this (phone|tablet|computer)$/,
    });
    // A set-up, sign-in or join that the server refused says why at once, rather than as a timeout.
    const opened = sections.or(choosePin);
    const refused = this.page.locator('.screen.account .problem');
    await opened.or(refused).first().waitFor();
    if (!(await opened.first().isVisible()) && (await refused.isVisible())) {
      throw new Error(`Coorie did not open: ${await refused.innerText()}`);
    }
    if (await choosePin.isVisible()) {
      await this.page.getByLabel('PIN', { exact: true }).fill(pin);
      await this.page.getByLabel('Type the PIN again').fill(pin);
      const usePin = this.page.getByRole('button', { name: 'Use this PIN' });
      await expectNotCovered(usePin);
      await usePin.click();
      await sections.waitFor();
    }
  }
}
