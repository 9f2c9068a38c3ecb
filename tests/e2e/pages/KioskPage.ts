// Page object for the feedback kiosk: handing the tablet over, a parent's answers, and unlocking it with the app PIN.
import type { Page } from '@playwright/test';

export class KioskPage {
  constructor(readonly page: Page) {}

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Hand to parents' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'How was today?' }).waitFor();
  }

  async answer(welcome: string): Promise<void> {
    await this.page.getByLabel(welcome, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Send' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await this.page.getByRole('button', { name: 'Next person' }).click();
  }

  async unlock(pin: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Finish' }).click();
    await this.page.getByLabel('Facilitator: your PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Feedback kiosk' }).waitFor();
  }
}
