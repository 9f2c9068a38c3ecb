// Page object for the data-protection screens (subject access copy, erasure, retention, audit log, history),
// and for getting a tablet signed in past the app lock without the sign-in screen.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { syncNow } from './SyncPages.ts';

export const PIN = '3917';

/**
 * Gets past the app lock, whatever it shows: chooses the tablet's PIN the first time, or unlocks after a page
 * load (Coorie locks on every launch); then waits for the app itself.
 */
export async function passLock(page: Page): Promise<void> {
  const sections = page.getByRole('navigation', { name: 'Sections' });
  const choose = page.getByRole('heading', { level: 1, name: /^Choose a PIN for this (phone|tablet|computer)$/ });
  const locked = page.getByRole('heading', { level: 1, name: 'Coorie is locked' });
  await expect(sections.or(choose).or(locked)).toBeVisible();
  // The lock screen can render again as the signed-in user is refreshed from the server, emptying what was
  // typed: try again until the app opens.
  await expect(async () => {
    if (await choose.isVisible()) {
      await page.getByLabel('PIN', { exact: true }).fill(PIN);
      await page.getByLabel('Type the PIN again').fill(PIN);
      await page.getByRole('button', { name: 'Use this PIN' }).click();
    } else if (await locked.isVisible()) {
      await page.getByLabel('PIN', { exact: true }).fill(PIN);
      await page.getByRole('button', { name: 'Unlock' }).click();
    }
    await expect(sections).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** Opens an address afresh (a page load, so the lock comes up) and unlocks. */
export async function openUnlocked(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await passLock(page);
}

/** "Sync now" in Settings, waiting until that sync has finished well, past the lock. */
export async function syncHere(page: Page): Promise<void> {
  await syncNow(page, openUnlocked);
}

/** Signs the page's browser context in through the API (its cookie is the tablet's), then opens Coorie. */
export async function signInTablet(page: Page, email: string, password: string, device: string): Promise<void> {
  const answer = await page.request.post('/api/auth/sign-in', { data: { email, password, device } });
  expect(answer.status()).toBe(200);
  await page.goto('/');
  await passLock(page);
}

/** A team member made by a signed-in coordinator's context (POST /api/users). */
export async function addTeamMember(
  request: APIRequestContext,
  member: { name: string; email: string; role: 'coordinator' | 'facilitator' | 'visitor'; password: string },
): Promise<void> {
  const answer = await request.post('/api/users', { data: member });
  expect(answer.status(), await answer.text()).toBe(201);
}

export class PrivacyPage {
  constructor(readonly page: Page) {}

  region(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  async expectExportOf(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `Everything we hold about ${name}` })).toBeVisible();
    await expect(this.region('Person')).toBeVisible();
  }

  /** Types the name and erases; lands on People with the confirmation. */
  async erase(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `Erase ${name}` })).toBeVisible();
    await this.page.getByLabel(`Type ${name} to confirm`).fill(name);
    await this.page.getByRole('button', { name: `Erase ${name} for good` }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expect(this.page.getByText(`${name} has been erased.`, { exact: false })).toBeVisible();
  }

  async openSettingsLink(name: 'Data retention' | 'Audit log'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await this.region('Data protection').getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
}
