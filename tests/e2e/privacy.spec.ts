// Issue 5 in Chromium: hostile text in a note stays text on the profile and the subject access copy; erasure on
// one tablet reaches another that was offline at the time, with an unsent edit, and nothing brings the person
// back; every new privacy screen passes axe.
import type { Page } from '@playwright/test';
import { NotePage } from './pages/NotePage.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { addTeamMember, openUnlocked, PrivacyPage, signInTablet, syncHere } from './pages/PrivacyPage.ts';
import { ProfilePage } from './pages/ProfilePage.ts';
import { ensureOrganisation, countRows, openSection, pullAll } from './pages/SyncPages.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Ailsa',
  email: 'ailsa@example.org',
  password: 'a long enough password',
};

const HOSTILE = 'Said <img src=x onerror=alert(1)> and <script>alert(2)</script> at drop-in';

/** Fails the test on any alert, confirm or prompt: nothing a note holds may ever run. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

async function coordinatorTablet(page: Page): Promise<void> {
  await ensureOrganisation(page.request, coordinator);
  await signInTablet(page, coordinator.email, coordinator.password, 'Office tablet');
}

async function addPerson(page: Page, name: string): Promise<void> {
  await openSection(page, 'People');
  const people = new PeoplePage(page);
  await people.openAdd();
  await people.add(name, 'Rothes');
}

test('a note holding markup shows as text on the profile and in the subject access copy', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await coordinatorTablet(page);
  await addPerson(page, 'Kirsty');
  const profile = new ProfilePage(page);
  await profile.recordConsentToNotes();
  await profile.openNewNote('Kirsty');
  const note = new NotePage(page);
  await note.write(HOSTILE);
  await note.save('Kirsty');

  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes.getByText(HOSTILE)).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  await expectAccessible(page, 'profile with data protection');

  // The copy comes from the server: send the note there first.
  await syncHere(page);
  await openSection(page, 'People');
  await new PeoplePage(page).person('Kirsty').click();
  await profile.openExport('Kirsty');
  const privacy = new PrivacyPage(page);
  await privacy.expectExportOf('Kirsty');
  const copied = privacy.region('Notes (1)');
  await expect(copied.getByText(HOSTILE)).toBeVisible();
  await expect(page.locator('main img, main script')).toHaveCount(0);
  await expect(privacy.region('Person').getByText('Rothes')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeVisible();
  await expectAccessible(page, 'subject access copy');
  await screenshot(page, 'subject-access');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^coorie-subject-access-.+\.json$/);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(copied.getByText(HOSTILE)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.goBack();
  await profile.openHistory('Kirsty');
  await expect(page.getByRole('cell', { name: 'Ailsa' }).first()).toBeVisible();
  await expectAccessible(page, 'record history');

  await privacy.openSettingsLink('Audit log');
  await expect(page.getByRole('cell', { name: 'Exported everything about a person' })).toBeVisible();
  await expectAccessible(page, 'audit log');

  await privacy.openSettingsLink('Data retention');
  await page.getByRole('radio', { name: 'List them for erasure after a number of months' }).check();
  await page.getByRole('button', { name: 'Save the retention period' }).click();
  await expect(page.getByText('Enter a whole number of months from 6 to 120.')).toBeVisible();
  await page.getByLabel('Months with no activity').fill('24');
  await page.getByRole('button', { name: 'Save the retention period' }).click();
  await expect(page.getByText('Saved: 24 months.')).toBeVisible();
  await expect(page.getByText('Nobody has gone 24 months without activity.')).toBeVisible();
  await expectAccessible(page, 'data retention');

  expect(dialogs).toEqual([]);
});

test('erasure reaches a tablet that was offline with an unsent edit, and the person never comes back', async ({
  page,
  browser,
  server,
}) => {
  const dialogs = watchDialogs(page);
  await coordinatorTablet(page);
  const morag = {
    name: 'Morag',
    email: 'morag@example.org',
    role: 'facilitator' as const,
    password: 'another long password',
  };
  await addTeamMember(page.request, morag);
  await addPerson(page, 'Catriona');
  const personId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await addPerson(page, 'Shona');
  await syncHere(page);

  // Morag's tablet has Catriona, then loses signal and changes her details.
  const hall = await browser.newContext({ baseURL: server.url });
  const hallPage = await hall.newPage();
  const hallDialogs = watchDialogs(hallPage);
  await signInTablet(hallPage, morag.email, morag.password, 'Hall tablet');
  await waitForServiceWorker(hallPage);
  await syncHere(hallPage);
  await openSection(hallPage, 'People');
  await expect(new PeoplePage(hallPage).person('Catriona')).toBeVisible();
  await hall.setOffline(true);
  await new PeoplePage(hallPage).person('Catriona').click();
  await hallPage.getByRole('link', { name: 'Change details' }).click();
  await hallPage.getByLabel('Area they live in').fill('Aberlour');
  await hallPage.getByRole('button', { name: 'Save changes' }).click();
  await expect(hallPage.getByRole('heading', { level: 1, name: 'Catriona' })).toBeVisible();
  expect(await countRows(hallPage, 'outbox')).toBeGreaterThan(0);

  // Meanwhile the coordinator erases her.
  await openSection(page, 'People');
  await new PeoplePage(page).person('Catriona').click();
  const profile = new ProfilePage(page);
  await profile.openErase('Catriona');
  await expect(page.getByText('This cannot be undone.')).toBeVisible();
  await expectAccessible(page, 'erase a person');
  await new PrivacyPage(page).erase('Catriona');
  await expect(new PeoplePage(page).person('Catriona')).toHaveCount(0);
  await expect(new PeoplePage(page).person('Shona')).toBeVisible();
  await expectAccessible(page, 'people after erasure');

  // Back in signal, the hall tablet syncs: Catriona is gone, its edit with her.
  await hall.setOffline(false);
  await syncHere(hallPage);
  await openSection(hallPage, 'People');
  await expect(new PeoplePage(hallPage).person('Shona')).toBeVisible();
  await expect(new PeoplePage(hallPage).person('Catriona')).toHaveCount(0);
  expect(await countRows(hallPage, 'outbox')).toBe(0);
  await openUnlocked(hallPage, `/people/${personId}`);
  await expect(hallPage.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();

  // The server holds only the tombstone, and the coordinator's tablet does not get her back.
  const onServer = await pullAll(page.request, 'attendee');
  expect(onServer.find((record) => record.id === personId)?.values).toEqual({ deleted: true, erased: true });
  await syncHere(page);
  await openSection(page, 'People');
  await expect(new PeoplePage(page).person('Shona')).toBeVisible();
  await expect(new PeoplePage(page).person('Catriona')).toHaveCount(0);

  expect([...dialogs, ...hallDialogs]).toEqual([]);
  await hall.close();
});
