// Page object for Team and Devices (Settings): members with their roles, adding and inviting, and signing a
// device out.
import type { Locator, Page } from '@playwright/test';

export interface NewMember {
  name: string;
  email: string;
  role: 'Coordinator' | 'Facilitator' | 'Home-visit peer supporter';
  password: string;
}

export class TeamPage {
  constructor(readonly page: Page) {}

  /** Settings → Team, through the app's own links (a reload would meet the app lock). */
  async open(): Promise<void> {
    await this.openSettings();
    await this.page.getByRole('link', { name: 'Team', exact: true }).click();
    await this.page.getByRole('list', { name: 'Team members' }).waitFor();
  }

  async openDevices(): Promise<void> {
    await this.openSettings();
    await this.page.getByRole('link', { name: 'Devices', exact: true }).click();
    await this.page.getByRole('list', { name: 'Signed-in devices' }).waitFor();
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }

  member(name: string): Locator {
    return this.page.getByRole('list', { name: 'Team members' }).getByRole('listitem').filter({ hasText: name });
  }

  device(name: string): Locator {
    return this.page.getByRole('list', { name: 'Signed-in devices' }).getByRole('listitem').filter({ hasText: name });
  }

  async openAddMember(): Promise<void> {
    await this.page.getByRole('link', { name: 'Add a member' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Add a team member' }).waitFor();
  }

  /** Fills the add-a-member form and sends it; back on the Team screen once the server has the account. */
  async addMember(who: NewMember): Promise<void> {
    await this.page.getByLabel('Name').fill(who.name);
    await this.page.getByLabel('Email address').fill(who.email);
    await this.page.getByRole('radio', { name: who.role }).check();
    await this.page.getByLabel('First password').fill(who.password);
    await this.page.getByRole('button', { name: 'Add to the team' }).click();
    await this.member(who.name).waitFor();
  }

  /** Signs another device out from Devices, confirming when asked. */
  async revokeDevice(name: string): Promise<void> {
    await this.device(name)
      .getByRole('button', { name: `Sign out “${name}”` })
      .click();
    await this.page.getByRole('button', { name: 'Sign it out' }).click();
    await this.page.getByText(`“${name}” is signed out.`).waitFor();
  }
}
