// Page object for People: the list by display name, and the form that adds a person.
import type { Locator, Page } from '@playwright/test';

export class PeoplePage {
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'People' });
  }

  person(name: string): Locator {
    return this.list.getByRole('link', { name: new RegExp(`^${name}\\b`) });
  }

  async openAdd(): Promise<void> {
    await this.page.getByRole('link', { name: 'Add a person' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Add a person' }).waitFor();
  }

  /** Adds someone through the person form with just a name (and optionally an area), landing on their profile. */
  async add(name: string, area?: string): Promise<void> {
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    if (area) await this.page.getByLabel('Area they live in').fill(area);
    await this.page.getByRole('button', { name: 'Add this person' }).click();
    // Exactly the name: the form's own heading must not pass for the profile.
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }
}
