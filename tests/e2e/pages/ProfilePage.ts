// Page object for a person's profile: consent, the way to write a note, and a coordinator's data protection.
import type { Locator, Page } from '@playwright/test';

export class ProfilePage {
  readonly dataProtection: Locator;

  constructor(readonly page: Page) {
    this.dataProtection = page.getByRole('region', { name: 'Data protection' });
  }

  /** Records consent to notes with the wording read out (the panel ticks "notes" to begin with). */
  async recordConsentToNotes(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record consent' }).click();
    await this.page.getByRole('button', { name: 'Save consent' }).click();
    await this.page.getByRole('link', { name: 'Write a note' }).waitFor();
  }

  async openNewNote(name: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Write a note' }).click();
    await this.page.getByRole('heading', { level: 1, name: `Note about ${name}` }).waitFor();
  }

  async openExport(name: string): Promise<void> {
    await this.dataProtection.getByRole('link', { name: `Everything we hold about ${name}` }).click();
    await this.page.getByRole('heading', { level: 1, name: `Everything we hold about ${name}` }).waitFor();
  }

  async openHistory(name: string): Promise<void> {
    await this.dataProtection.getByRole('link', { name: `History of ${name}’s record` }).click();
    await this.page.getByRole('heading', { level: 1, name: `History of ${name}’s record` }).waitFor();
  }

  async openErase(name: string): Promise<void> {
    await this.dataProtection.getByRole('link', { name: `Erase ${name}` }).click();
    await this.page.getByRole('heading', { level: 1, name: `Erase ${name}` }).waitFor();
  }
}
