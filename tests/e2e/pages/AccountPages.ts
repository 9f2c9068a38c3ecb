// Page object for the first-run setup and sign-in screens.
import type { Page } from '@playwright/test';

export interface Coordinator {
  organisation: string;
  name: string;
  email: string;
  password: string;
}

export class AccountPages {
  constructor(private readonly page: Page) {}

  async setUp(who: Coordinator): Promise<void> {
    await this.page.goto('/setup');
    await this.page.getByLabel('Organisation name').fill(who.organisation);
    await this.page.getByLabel('Your name').fill(who.name);
    await this.page.getByLabel('Email address').fill(who.email);
    await this.page.getByLabel('Password', { exact: true }).fill(who.password);
    await this.page.getByLabel('Type the password again').fill(who.password);
    await this.page.getByRole('button', { name: 'Set up Coorie' }).click();
    await this.page.getByRole('navigation', { name: 'Sections' }).waitFor();
  }

  async signIn(email: string, password: string, device: string): Promise<void> {
    await this.page.goto('/sign-in');
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByLabel("This device's name").fill(device);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('navigation', { name: 'Sections' }).waitFor();
  }
}
