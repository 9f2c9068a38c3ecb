// Issue 9.1 in Chromium: what a colleague may no longer see leaves her tablet on its next sync, from
// IndexedDB and from the screen: a shared note taken back by its author, and everything about an erased person.
import type { Page } from '@playwright/test';
import { NotePage } from './pages/NotePage.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { addTeamMember, PrivacyPage, signInTablet, syncHere } from './pages/PrivacyPage.ts';
import { ProfilePage } from './pages/ProfilePage.ts';
import { countRows, ensureOrganisation, openSection, pullAll } from './pages/SyncPages.ts';
import { expect, test, waitForServiceWorker } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Ailsa',
  email: 'ailsa@example.org',
  password: 'a long enough password',
};
const morag = {
  name: 'Morag',
  email: 'morag.purge@example.org',
  role: 'facilitator' as const,
  password: 'another long password',
};

/** Adds a person with consent to notes and writes a note about them shared with the whole team. */
async function sharedNoteAbout(page: Page, name: string, body: string): Promise<void> {
  await openSection(page, 'People');
  const people = new PeoplePage(page);
  await people.openAdd();
  await people.add(name, 'Rothes');
  const profile = new ProfilePage(page);
  await profile.recordConsentToNotes();
  await profile.openNewNote(name);
  const note = new NotePage(page);
  await note.write(body);
  await page
    .getByRole('group', { name: /Who can read this note/ })
    .getByLabel('The whole team')
    .check();
  await note.save(name);
}

async function openProfile(page: Page, name: string): Promise<void> {
  await openSection(page, 'People');
  await new PeoplePage(page).person(name).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('a shared note taken back, and an erased person, leave a colleague’s tablet at its next sync', async ({
  page,
  browser,
  server,
}) => {
  await ensureOrganisation(page.request, coordinator);
  await signInTablet(page, coordinator.email, coordinator.password, 'Office tablet');
  await addTeamMember(page.request, morag);
  await sharedNoteAbout(page, 'Kirsty', 'Kirsty talked about her return to work.');
  await sharedNoteAbout(page, 'Shona', 'Shona and the baby were giggling together.');
  await syncHere(page);
  // A sync started by the second save may still be sending: the office tablet has sent both notes once nothing waits.
  await expect.poll(() => countRows(page, 'outbox'), { timeout: 30_000 }).toBe(0);

  // Morag's tablet gets both notes.
  const hall = await browser.newContext({ baseURL: server.url });
  const hallPage = await hall.newPage();
  await signInTablet(hallPage, morag.email, morag.password, 'Hall tablet');
  await waitForServiceWorker(hallPage);
  // The server has both for Morag before her tablet syncs (so a failure below is the tablet's, not the push's).
  await expect
    .poll(async () => (await pullAll(hallPage.request, 'note')).length, { message: 'notes the server has for Morag' })
    .toBe(2);
  await syncHere(hallPage);
  await openProfile(hallPage, 'Kirsty');
  const hallNotes = hallPage.getByRole('region', { name: 'Notes' });
  await expect(hallNotes.getByText('Kirsty talked about her return to work.')).toBeVisible();
  await expect.poll(() => countRows(hallPage, 'note'), { message: 'notes on the hall tablet' }).toBe(2);

  // Its author takes the note about Kirsty back.
  await openProfile(page, 'Kirsty');
  await page.getByRole('button', { name: /Stop sharing with the team/ }).click();
  await expect(page.getByRole('region', { name: 'Notes' }).getByText('Only the author and coordinators')).toBeVisible();
  await syncHere(page);

  // After her next sync the note is gone from Morag's tablet and screen; Kirsty and the other note stay.
  await syncHere(hallPage);
  expect(await countRows(hallPage, 'note')).toBe(1);
  await openProfile(hallPage, 'Kirsty');
  await expect(hallNotes.getByText('No notes yet.')).toBeVisible();
  await expect(hallPage.getByText('Kirsty talked about her return to work.')).toHaveCount(0);

  // Shona is erased on request: everything about her leaves Morag's tablet too.
  await openProfile(page, 'Shona');
  await new ProfilePage(page).openErase('Shona');
  await new PrivacyPage(page).erase('Shona');
  await syncHere(hallPage);
  expect(await countRows(hallPage, 'note')).toBe(0);
  expect(await countRows(hallPage, 'attendee')).toBe(1);
  await openSection(hallPage, 'People');
  await expect(new PeoplePage(hallPage).person('Kirsty')).toBeVisible();
  await expect(new PeoplePage(hallPage).person('Shona')).toHaveCount(0);
  await hall.close();
});
