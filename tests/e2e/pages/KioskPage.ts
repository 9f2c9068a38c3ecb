// Page object for the feedback kiosk: setting the code, a parent's answers, and unlocking it again.
import type { Page } from '@playwright/test';

export class KioskPage {
  constructor(readonly page: Page) {}

  async start(code: string): Promise<void> {
    await this.page.getByLabel('Kiosk code').fill(code);
    await this.page.getByLabel('Type the code again').fill(code);
    await this.page.getByRole('button', { name: 'Hand to parents' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'How was today?' }).waitFor();
  }

  async answer(welcome: string): Promise<void> {
    await this.page.getByLabel(welcome, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Send' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await this.page.getByRole('button', { name: 'Next person' }).click();
  }

  async unlock(code: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Finish' }).click();
    await this.page.getByLabel('Facilitator: kiosk code').fill(code);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Feedback kiosk' }).waitFor();
  }
}
