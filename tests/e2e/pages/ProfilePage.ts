// Page object for a person's profile: consent, and the way to write a note.
import type { Page } from '@playwright/test';

export class ProfilePage {
  constructor(readonly page: Page) {}

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
}
