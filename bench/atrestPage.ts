// The page half of the at-rest benchmark (bench/atrest.ts): the app's own code (saveRecord, applyPullPage,
// unlockWithPin, openRows and the profile's NotesList), bundled by bench/atrest.ts and run in Chromium on the
// app's origin. Each figure is measured on a database of its own, with a device key (sealed at rest) and
// without one (plain: sealForWrite and the pull store plain values on a device that has no key yet).
import { Dexie } from 'dexie';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { MemoryRouter } from 'react-router';
import { checkPin, choosePin, unlockWithPin } from '../src/app/lock/pin.ts';
import { NotesList } from '../src/app/people/ProfileNotes.tsx';
import { exportPublicKey, generateSealingKeyPair } from '../src/crypto/seal.ts';
import { CoorieDb } from '../src/db/database.ts';
import { DbContext } from '../src/db/hooks.ts';
import { forgetDeviceKey, openRows } from '../src/db/keyring.ts';
import { markUnlocked } from '../src/db/lock.ts';
import { setMeta } from '../src/db/meta.ts';
import { newId, saveRecord, sealForWrite } from '../src/db/records.ts';
import type { Note } from '../src/domain/note.ts';
import { pullChanges } from '../src/engine/client.ts';
import { applyPullPage } from '../src/engine/syncStore.ts';
import type { Change } from '../src/sync/protocol.ts';

const PIN = '2684';
const USER = 'bench-atrest-user';
const WORDS = 'she slept better this week and the health visitor came round about feeding '.repeat(8);

let made = 0;

/** A fresh database; `sealed`: with a PIN and its device key, and the server's sealing key (as once signed in). */
async function freshDb(sealed: boolean): Promise<CoorieDb> {
  const db = new CoorieDb(`bench-atrest-${made++}-${sealed ? 'sealed' : 'plain'}`);
  await db.open();
  if (sealed) {
    await choosePin(db, USER, PIN);
    const server = await generateSealingKeyPair();
    await setMeta(db, 'serverSealKey', { keyId: 'server-bench', publicKey: await exportPublicKey(server.publicKey) });
  }
  return db;
}

async function drop(db: CoorieDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

function noteValues(attendeeId: string, index: number) {
  return {
    attendeeId,
    body: `${WORDS}(${index + 1})`,
    focusAreas: index % 2 === 0 ? ['mood', 'confidence'] : ['anxiety'],
    concern: index % 10 === 0 ? 'keep an eye' : 'none',
    ons4: { satisfied: 6, worthwhile: 7, happy: 5, anxious: 4 },
    ...(index % 3 === 0 ? { followUp: 'Ring about the buggy walk' } : {}),
  };
}

/** Writes `count` notes one after another through saveRecord, as the note form does; answers with the ms. */
async function writeNotes(sealed: boolean, count: number): Promise<number> {
  const db = await freshDb(sealed);
  // One warm-up write each, so that neither side pays for loading the schemas or the crypto code.
  await saveRecord(db, 'note', newId(), noteValues('bench-person-0', 0), { userId: USER });
  const start = performance.now();
  for (let index = 0; index < count; index++) {
    await saveRecord(db, 'note', newId(), noteValues('bench-person-1', index), { userId: USER });
  }
  const ms = performance.now() - start;
  const rows = await db.records('note').count();
  const sample = await db.records('note').where('attendeeId').equals('bench-person-1').first();
  await drop(db);
  if (rows !== count + 1) throw new Error(`${rows} notes written, not ${count + 1}`);
  const bodySealed = typeof sample?.body === 'object';
  if (bodySealed !== sealed) throw new Error(`The note's body is ${bodySealed ? 'sealed' : 'plain'} on this device`);
  return ms;
}

/**
 * A first pull: each page fetched from the real server (signed in on this origin) and stored through
 * applyPullPage, which seals pulled values for the device key when there is one. `engine`: through the sync
 * engine's own loop (pullChanges: each page checked against the protocol's schema, the next page asked for while
 * one is stored); otherwise one page after another, fetched and stored here.
 */
async function pull(
  sealed: boolean,
  limit: number,
  engine = false,
): Promise<{ ms: number; records: number; pages: number }> {
  const db = await freshDb(sealed);
  forgetDeviceKey();
  const start = performance.now();
  let cursor = '';
  let progress: { downloaded: number; total?: number } = { downloaded: 0 };
  let pages = 0;
  if (engine) {
    progress = { downloaded: await pullChanges({ db, pullLimit: limit }) };
    pages = Math.ceil(progress.downloaded / limit);
  }
  while (!engine) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = await fetch(`/api/sync/pull?${query.toString()}`);
    if (!response.ok) throw new Error(`Pull failed: ${response.status}`);
    const page = (await response.json()) as { changes: Change[]; cursor: string; more: boolean; remaining?: number };
    progress = await applyPullPage(db, page, 0, progress, () => Date.now());
    pages++;
    cursor = page.cursor;
    if (!page.more) break;
  }
  const ms = performance.now() - start;
  const sample = await db.records('attendee').limit(1).first();
  await drop(db);
  const heardSealed = typeof sample?.heardVia === 'object';
  if (heardSealed !== sealed) throw new Error(`Pulled values are ${heardSealed ? 'sealed' : 'plain'}`);
  return { ms, records: progress.downloaded, pages };
}

/** The baseline: Dexie's bulkPut of the same records (as rows) into a table with the same indexes. */
async function bulkPut(limit: number): Promise<number> {
  const rows: unknown[] = [];
  let cursor = '';
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const page = (await (await fetch(`/api/sync/pull?${query.toString()}`)).json()) as {
      changes: Change[];
      cursor: string;
      more: boolean;
    };
    for (const record of page.changes) rows.push({ ...record.values, id: record.id, _v: record.versions });
    cursor = page.cursor;
    if (!page.more) break;
  }
  const db = new Dexie(`bench-atrest-baseline-${made++}`);
  db.version(1).stores({ attendee: 'id, displayName' });
  await db.open();
  const start = performance.now();
  await db.table('attendee').bulkPut(rows);
  const ms = performance.now() - start;
  db.close();
  await Dexie.delete(db.name);
  return ms;
}

interface UnlockDevice {
  db: CoorieDb;
  person: string;
}

/** A locked device holding one person with `count` notes (sealed for the device key, or plain). */
async function lockedDevice(sealed: boolean, count: number): Promise<UnlockDevice> {
  const db = await freshDb(true);
  const person = newId();
  await saveRecord(db, 'attendee', person, { displayName: 'Kirsty' }, { userId: USER });
  for (let index = 0; index < count; index++) {
    const id = newId();
    const values = noteValues(person, index);
    // The plain device: the same PIN, but its notes kept in clear, as before sealing at rest.
    const sealedWrite = sealed ? await sealForWrite(db, 'note', id, values) : undefined;
    await saveRecord(db, 'note', id, values, { userId: USER, sealed: sealedWrite ?? { row: {}, outbox: {} } });
  }
  await db.outbox.clear();
  forgetDeviceKey();
  return { db, person };
}

/**
 * From the right PIN to the person's notes drawn: with sealing, unlockWithPin (the PIN checked by unwrapping the
 * device key, one PBKDF2 run), the person's notes read through their index and opened, and NotesList drawn;
 * without, the same PIN check (one PBKDF2 run at OWASP's 600,000 rounds, as any PIN check should cost) and the
 * same notes kept in clear.
 */
async function unlockAndShow(sealed: boolean, count: number): Promise<{ ms: number; unlockMs: number }> {
  const { db, person } = await lockedDevice(sealed, count);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const start = performance.now();
  // Without sealing: the PIN checked (the same one PBKDF2 run), the page marked unlocked, the notes in clear.
  const check = sealed ? await unlockWithPin(db, PIN) : await checkPin(db, PIN);
  if (check.outcome !== 'right') throw new Error(`Unlock: ${check.outcome}`);
  if (!sealed) await markUnlocked(db);
  const unlockMs = performance.now() - start;
  const notes = await openRows('note', await db.records('note').where('attendeeId').equals(person).toArray());
  const list = createElement(NotesList, { notes: notes as Note[] });
  flushSync(() =>
    root.render(createElement(MemoryRouter, null, createElement(DbContext.Provider, { value: db }, list))),
  );
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const ms = performance.now() - start;
  const shown = host.querySelectorAll('.note-card').length;
  const readable = host.textContent?.includes('health visitor') === true;
  root.unmount();
  host.remove();
  forgetDeviceKey();
  await drop(db);
  if (shown !== count || !readable) throw new Error(`${shown} notes shown (readable: ${String(readable)})`);
  return { ms, unlockMs };
}

(globalThis as unknown as { atRest: unknown }).atRest = { writeNotes, pull, bulkPut, unlockAndShow };
