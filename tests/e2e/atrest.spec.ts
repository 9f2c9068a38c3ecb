// Private at rest, in Chromium on the real app: after a note and a phone number are written and Coorie is
// locked, a script reading IndexedDB as developer tools would finds none of them in any table (the outbox
// too); a note another device sent is pulled while locked, sealed without the PIN, and readable once unlocked;
// and a database written plainly before the update is sealed on the next unlock, losing nothing.
import type { Page } from '@playwright/test';
import { AccountPages, E2E_PIN } from './pages/AccountPages.ts';
import { LockPage } from './pages/LockPage.ts';
import { NotePage } from './pages/NotePage.ts';
import { PeoplePage } from './pages/PeoplePage.ts';
import { ProfilePage } from './pages/ProfilePage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { pullAll, readMeta } from './pages/SyncPages.ts';
import { expect, test, waitForServiceWorker } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Fife',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

const PHONE = '07700 900456';
const BODY = 'Sleeping badly and worried about the move to Kirkcaldy';
const OTHER_BODY = 'From the hall tablet: laughing again, asked about the swimming group';

/** Every table of the device database, as JSON, read with the plain IndexedDB API. */
async function everyTable(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('coorie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const names = [...db.objectStoreNames];
      const transaction = db.transaction(names);
      const all: Record<string, unknown[]> = {};
      for (const name of names) {
        all[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = transaction.objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      return all;
    } finally {
      db.close();
    }
  });
}

const isSealed = (value: unknown) => typeof value === 'object' && value !== null && '$sealed' in value;

/** No plain sensitive value anywhere: no text given, and every note's ONS4 answers, body, concern sealed. */
async function expectNothingReadable(page: Page, texts: string[]): Promise<void> {
  const tables = await everyTable(page);
  const json = JSON.stringify(tables);
  for (const text of texts) expect(json, `"${text}" is stored in clear`).not.toContain(text);
  const notes = [
    ...(tables.note ?? []),
    ...(tables.outbox ?? []).flatMap((entry) => {
      const { kind, values } = entry as { kind: string; values: unknown };
      return kind === 'note' ? [values] : [];
    }),
  ] as Record<string, unknown>[];
  for (const note of notes) {
    for (const field of ['body', 'ons4', 'concern', 'focusAreas']) {
      if (note[field] !== undefined) expect(isSealed(note[field]), `note ${field} sealed`).toBe(true);
    }
  }
}

/** An older device's push: plain values, as the server still takes them. */
async function pushFromAnotherDevice(page: Page, attendeeId: string, createdBy: string): Promise<void> {
  const version = `${String(Date.now()).padStart(13, '0')}-0000-halltablet`;
  const values = {
    attendeeId,
    body: OTHER_BODY,
    concern: 'keep an eye',
    ons4: { satisfied: 6, worthwhile: 7, happy: 5, anxious: 4 },
    createdAt: new Date().toISOString(),
    createdBy,
  };
  const response = await page.request.post('/api/sync/push', {
    data: {
      protocol: 1,
      deviceId: 'halltablet',
      batchId: crypto.randomUUID(),
      changes: [
        {
          kind: 'note',
          id: crypto.randomUUID(),
          values,
          versions: Object.fromEntries(Object.keys(values).map((field) => [field, version])),
        },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { results: { status: string }[] };
  expect(body.results.map((result) => result.status)).toEqual(['applied']);
}

async function attendeeIdOf(page: Page, name: string): Promise<string> {
  const tables = await everyTable(page);
  const row = (tables.attendee as { id: string; displayName?: string }[]).find((person) => person.displayName === name);
  if (!row) throw new Error(`${name} is not on the device`);
  return row.id;
}

test('notes and phone numbers are sealed at rest; a note pulled while locked reads after unlocking', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const account = new AccountPages(page);
  const lock = new LockPage(page);
  const shell = new ShellPage(page);
  const people = new PeoplePage(page);
  const profile = new ProfilePage(page);
  await account.setUp(coordinator);
  await waitForServiceWorker(page);

  await shell.open('People');
  await people.openAdd();
  await page.getByLabel('Name', { exact: true }).fill('Amy');
  await page.getByLabel('Phone number').fill(PHONE);
  await page.getByRole('button', { name: 'Add this person' }).click();
  await shell.expectHeading('Amy');
  await profile.recordConsentToNotes();
  // No signal from here until Coorie is locked: the note waits in the outbox, for the sync while locked.
  await context.setOffline(true);
  await profile.openNewNote('Amy');
  const note = new NotePage(page);
  await note.write(BODY, ['anxiety']);
  await note.save('Amy');
  await expect(page.getByText(BODY)).toBeVisible();

  // Locked: nothing about Amy in clear in any table, the outbox included.
  await lock.stopUnlocking();
  await shell.open('Settings');
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(lock.heading).toBeVisible();
  await expectNothingReadable(page, [BODY, PHONE, '07700900456', 'Kirkcaldy']);

  // Another device's note reaches the server; signal comes back while Coorie is locked, and the sync that
  // follows sends this device's note and pulls the other in, sealed without the PIN.
  const amy = await attendeeIdOf(page, 'Amy');
  const me = ((await readMeta(page, 'user')) as { id: string }).id;
  expect(((await everyTable(page)).outbox ?? []).length).toBeGreaterThan(0);
  await pushFromAnotherDevice(page, amy, me);
  await context.setOffline(false);
  await expect.poll(async () => ((await everyTable(page)).note ?? []).length, { timeout: 60_000 }).toBe(2);
  await expect(lock.heading).toBeVisible();
  await expectNothingReadable(page, [BODY, PHONE, OTHER_BODY, 'swimming']);
  // This device's note went while locked, sealed for the server's key, and the server opened it.
  await expect
    .poll(async () => (await pullAll(page.request, 'note')).map((change) => change.values.body), { timeout: 60_000 })
    .toContain(BODY);
  await expect.poll(async () => ((await everyTable(page)).outbox ?? []).length, { timeout: 60_000 }).toBe(0);

  await lock.unlockByTyping(E2E_PIN);
  await shell.expectHeading('Settings');
  await shell.open('People');
  await people.person('Amy').click();
  await shell.expectHeading('Amy');
  await expect(page.getByText(OTHER_BODY)).toBeVisible();
  await expect(page.getByText(BODY)).toBeVisible();
});

test('a database kept plainly before the update is sealed on the next unlock, with nothing lost', async ({ page }) => {
  test.setTimeout(180_000);
  const account = new AccountPages(page);
  const lock = new LockPage(page);
  const shell = new ShellPage(page);
  const people = new PeoplePage(page);
  await account.signIn(coordinator.email, coordinator.password, 'Old tablet');
  await waitForServiceWorker(page);
  await lock.stopUnlocking();
  // This sign-in's own sealing pass ends first: still running, it would mark the records sealed after they are
  // put back in clear below, and the next unlock would see nothing to do.
  await expect.poll(async () => readMeta(page, 'sealProgress'), { timeout: 60_000 }).toMatchObject({ finished: true });

  // As the app before the update kept them: no device key but the PIN's PBKDF2 hash, a person, a note and a
  // draft all in clear.
  const me = ((await readMeta(page, 'user')) as { id: string }).id;
  await page.evaluate(
    async ({ me, body, phone, pin }) => {
      const hex = (bytes: ArrayBuffer | Uint8Array) =>
        Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const iterations = 210_000;
      const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
        'deriveBits',
      ]);
      const hash = hex(
        await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256),
      );
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('coorie');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const version = `${String(Date.now()).padStart(13, '0')}-0000-oldtablet`;
      const stamp = (values: Record<string, unknown>) =>
        Object.fromEntries(Object.keys(values).map((field) => [field, version]));
      const at = new Date().toISOString();
      const person = {
        displayName: 'Beth',
        contact: { phone, okToText: true, okToVoicemail: false, okToNameCharity: false },
        consent: { what: ['notes'], at, wordingVersion: 'v1' },
        createdAt: at,
        createdBy: me,
      };
      const noteValues = { attendeeId: 'beth-old', body, concern: 'none', createdAt: at, createdBy: me };
      const transaction = db.transaction(['attendee', 'note', 'outbox', 'drafts', 'meta'], 'readwrite');
      transaction.objectStore('meta').delete('deviceKey');
      transaction.objectStore('meta').delete('sealProgress');
      transaction.objectStore('meta').put({ key: 'pin', value: { userId: me, salt: hex(salt), hash, iterations } });
      transaction.objectStore('attendee').put({ ...person, id: 'beth-old', _v: stamp(person) });
      transaction.objectStore('note').put({ ...noteValues, id: 'note-old', _v: stamp(noteValues) });
      transaction
        .objectStore('outbox')
        .add({ kind: 'note', id: 'note-old', values: noteValues, versions: stamp(noteValues) });
      transaction.objectStore('drafts').put({ key: 'note:person:beth-old', value: { body }, updatedAt: Date.now() });
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { me, body: BODY, phone: PHONE, pin: E2E_PIN },
  );
  expect(JSON.stringify(await everyTable(page))).toContain(BODY);

  await page.reload();
  await expect(lock.heading).toBeVisible();
  await lock.unlockByTyping(E2E_PIN);
  await expect.poll(async () => readMeta(page, 'sealProgress'), { timeout: 60_000 }).toMatchObject({ finished: true });
  await expectNothingReadable(page, [BODY, PHONE, '07700900456']);
  // The first right PIN made the device key and dropped the old hash: from now on the key checks the PIN.
  expect(await readMeta(page, 'pin')).toEqual({ userId: me });
  expect(await readMeta(page, 'deviceKey')).toMatchObject({ wrapped: { iterations: 600_000 } });

  await shell.open('People');
  await people.person('Beth').click();
  await shell.expectHeading('Beth');
  await expect(page.getByText(BODY)).toBeVisible();
});
