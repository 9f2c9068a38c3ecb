// Sensitive fields at rest on the device: sealed in every table, readable only with the device key the PIN
// unwraps, and readable again after a PIN change; what waits in the outbox only the server's key opens.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportPublicKey, generateSealingKeyPair, isSealed, Opener, type Sealed } from '../../src/crypto/seal.ts';
import { ACTIVITY_KINDS } from '../../src/domain/activity.ts';
import { KIND_INDEXES, KIND_NAMES, type KindName } from '../../src/domain/indexes.ts';
import { SENSITIVE_FIELDS, sealPlace } from '../../src/domain/sensitive.ts';
import { CoorieDb } from '../../src/db/database.ts';
import { loadDraft, saveDraft } from '../../src/db/drafts.ts';
import { urgentNoteDrafts } from '../../src/db/urgentDrafts.ts';
import {
  createDeviceKey,
  currentOpener,
  forgetDeviceKey,
  openRows,
  rewrapDeviceKey,
  unlockDeviceKey,
} from '../../src/db/keyring.ts';
import { lockApp } from '../../src/db/lock.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { sealAtRest } from '../../src/db/sealAtRest.ts';
import { readToday } from '../../src/db/today.ts';
import { listRejected } from '../../src/db/rejected.ts';
import {
  applyPullPage,
  outboxReader,
  SealedForAnotherKeyError,
  sealPulledFor,
  settlePush,
} from '../../src/engine/syncStore.ts';

const PIN = '4829';
let db: CoorieDb;
afterEach(async () => {
  forgetDeviceKey();
  await db?.delete();
});

function openDb() {
  db = new CoorieDb(`test-${crypto.randomUUID()}`);
  return db;
}

const AT = '2026-11-24T10:00:00Z';
const ACTIVITY_KIND = ACTIVITY_KINDS[0];
/** A new record of each kind: its required fields and every sensitive one, each with words found nowhere else. */
const SAMPLES: Record<KindName, Record<string, unknown>> = {
  venue: { name: 'Rothes Hall' },
  session: { title: 'Drop-in', startsAt: AT, reflection: 'Secret reflection about Ann' },
  attendee: {
    displayName: 'Ann',
    contact: { phone: '07700 900123', okToText: true, okToVoicemail: false, okToNameCharity: false },
    needs: ['secret need: housing'],
    heardVia: 'secret health visitor',
    cake: 'secret lemon drizzle',
    dietary: ['nut allergy'],
    consent: { what: ['secret contact'], at: AT, wordingVersion: 'v2' },
  },
  checkIn: { sessionId: 's1', attendeeId: 'a1' },
  outreach: { sessionId: 's1', attendeeId: 'a1' },
  note: {
    attendeeId: 'a1',
    body: 'Secret body: low since the birth',
    focusAreas: ['anxiety', 'mood'],
    concern: 'urgent',
    ons4: { satisfied: 3, worthwhile: 4, happy: 2, anxious: 9 },
    positives: 'secret positives',
    followUp: 'secret follow-up',
  },
  visit: { attendeeId: 'a1', at: AT, where: '12 Secret Street, Glenrothes' },
  activity: { title: 'Baby massage', kind: ACTIVITY_KIND },
  service: { name: 'Helpline' },
  feedback: { sessionId: 's1', comment: 'secret comment' },
  training: { memberId: 'u1', name: 'Safeguarding', completedOn: '2026-01-10' },
  pvg: { memberId: 'u1', status: 'member' },
  hours: { memberId: 'u1', on: '2026-01-10', hours: 2 },
  supervision: { memberId: 'u1', supervisorId: 'u2', on: '2026-01-10' },
  supervisionNote: {
    supervisionId: 'sv1',
    memberId: 'u1',
    supervisorId: 'u2',
    content: 'Secret supervision: finding the visits hard',
  },
  booking: { sessionId: 's1', attendeeId: 'a1', travel: 'taxi', travelNote: 'secret taxi from Glenrothes' },
  partner: { name: 'Moray Wellbeing Hub', type: 'wellbeing hub' },
  referral: { attendeeId: 'a1', madeAt: AT, partnerId: 'p1', reason: 'Secret reason: debt worries' },
  questionnaire: {
    title: 'What would help',
    versions: [{ number: 1, createdAt: AT, questions: [{ id: 'q1', type: 'shortText', text: 'Anything?' }] }],
  },
  response: {
    questionnaireId: 'q',
    version: 1,
    how: 'visit',
    attendeeId: 'a1',
    answers: { q1: 'secret answer about Ann' },
    other: { q2: 'secret other' },
  },
};

async function withServerKey() {
  const pair = await generateSealingKeyPair();
  await setMeta(db, 'serverSealKey', { keyId: 'org-1', publicKey: await exportPublicKey(pair.publicKey) });
  return new Opener('org-1', pair.privateKey);
}

describe('sensitive fields at rest', () => {
  it('keeps no sensitive field in an index', () => {
    for (const kind of KIND_NAMES) {
      const indexed = KIND_INDEXES[kind].flatMap((index) => index.replace(/[[\]]/g, '').split('+'));
      for (const field of SENSITIVE_FIELDS[kind] as readonly string[]) expect(indexed).not.toContain(field);
    }
  });

  it('round-trips every sensitive field of every kind: sealed in the table and the outbox, opened on read', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    const server = await withServerKey();
    for (const kind of KIND_NAMES) {
      const id = `${kind}-1`;
      await saveRecord(db, kind, id, SAMPLES[kind]);
      const stored = (await db.records(kind).get(id)) as Record<string, unknown>;
      const [entry] = await db.outbox.where('[kind+id]').equals([kind, id]).toArray();
      for (const field of SENSITIVE_FIELDS[kind] as readonly string[]) {
        expect(isSealed(stored[field]), `${kind}.${field} on the row`).toBe(true);
        const sent = entry?.values[field] as Sealed;
        expect(sent.k).toBe('org-1');
        // The server opens what the outbox holds, at the agreed place.
        expect(await server.open(sealPlace(kind, id, field), sent)).toEqual(SAMPLES[kind][field]);
      }
      expect(await getRecord(db, kind, id)).toMatchObject(SAMPLES[kind]);
    }
    const everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toMatch(/secret|07700|Secret/i);
  });

  it('a wrong PIN cannot unwrap the key, and a tampered value is not shown', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    await saveRecord(db, 'note', 'n1', SAMPLES.note);
    forgetDeviceKey();
    await expect(unlockDeviceKey(db, '4830')).rejects.toThrow('wrong PIN');
    expect(currentOpener()).toBeUndefined();
    await unlockDeviceKey(db, PIN);
    const row = (await db.records('note').get('n1'))!;
    const body = row.body as unknown as Sealed;
    const flipped = body.c.startsWith('A') ? `B${body.c.slice(1)}` : `A${body.c.slice(1)}`;
    await db.records('note').put({ ...row, body: { ...body, c: flipped } as unknown as string });
    const note = await getRecord(db, 'note', 'n1');
    expect(note?.body).toBeUndefined();
    expect(note?.concern).toBe('urgent');
    // A value moved to another record fails to open too.
    await db.records('note').put({ ...row, id: 'n2' });
    expect((await getRecord(db, 'note', 'n2'))?.body).toBeUndefined();
  });

  it('locking forgets the key: nothing sensitive reads until the PIN is given again', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    await saveRecord(db, 'note', 'n1', SAMPLES.note);
    await lockApp(db);
    expect(currentOpener()).toBeUndefined();
    const locked = await getRecord(db, 'note', 'n1');
    expect(locked?.body).toBeUndefined();
    expect(locked?.attendeeId).toBe('a1');
    await unlockDeviceKey(db, PIN);
    expect((await getRecord(db, 'note', 'n1'))?.body).toBe(SAMPLES.note.body);
  });

  it('Today finds notes by their sealed concerns, again and again while unlocked, a concern changed included, and none while locked', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    // A body long enough to be opened afresh on every read, unlike the short concern.
    const body = 'Secret body: low since the birth. '.repeat(20);
    await saveRecord(db, 'note', 'n1', { ...SAMPLES.note, body, createdAt: '2026-01-10T10:00:00Z' });
    await saveRecord(db, 'note', 'n2', { attendeeId: 'a1', body: 'Came with her sister', concern: 'none' });
    const now = new Date(AT);
    const shown = async () => (await readToday(db, now, '2026-11-24')).notes.map((note) => note.id);
    expect(isSealed((await db.records('note').get('n1'))?.concern)).toBe(true);
    expect(await shown()).toEqual(['n1']);
    // The second read opens in full only the note it shows: the other's concern, opened before, it knows at once.
    const opener = currentOpener();
    if (!opener) throw new Error('unlocked, so the key is held');
    const open = vi.spyOn(opener, 'open');
    expect(await shown()).toEqual(['n1']);
    const places = open.mock.calls.map(([place]) => place);
    open.mockRestore();
    expect(places).toContain('note/n1/body');
    expect(places.filter((place) => place.startsWith('note/n2/'))).toEqual([]);
    await saveRecord(db, 'note', 'n1', { concern: 'keep an eye' });
    await saveRecord(db, 'note', 'n2', { concern: 'talk to coordinator' });
    expect(await shown()).toEqual(['n2']);
    await lockApp(db);
    expect(await shown()).toEqual([]);
    await unlockDeviceKey(db, PIN);
    expect(await shown()).toEqual(['n2']);
  });

  it('a PIN change re-wraps the key: the data stays as it was and readable with the new PIN only', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    await saveRecord(db, 'note', 'n1', SAMPLES.note);
    const before = await db.records('note').get('n1');
    await rewrapDeviceKey(db, PIN, '7351');
    forgetDeviceKey();
    expect(await db.records('note').get('n1')).toEqual(before);
    await expect(unlockDeviceKey(db, PIN)).rejects.toThrow('wrong PIN');
    await unlockDeviceKey(db, '7351');
    expect((await getRecord(db, 'note', 'n1'))?.body).toBe(SAMPLES.note.body);
  });

  it('seals pulled values for the device key without the PIN (the worker), readable after unlocking', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    forgetDeviceKey();
    const change = { kind: 'note', id: 'n9', values: SAMPLES.note, versions: { body: '1', attendeeId: '1' } };
    await applyPullPage(db, { changes: [change], cursor: 'c1' }, 0, { downloaded: 0 }, () => Date.now());
    const stored = (await db.records('note').get('n9')) as Record<string, unknown>;
    expect(isSealed(stored.body)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Secret');
    await unlockDeviceKey(db, PIN);
    expect((await openRows('note', [stored as { id: string }]))[0]).toMatchObject({ body: SAMPLES.note.body });
  });

  it('after a download while unlocked, Today shows the pulled concerns without opening them one by one', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    const note = (id: string, concern: string) => ({
      kind: 'note',
      id,
      values: { attendeeId: 'a1', body: 'Came with her sister', concern, createdAt: '2026-11-01T10:00:00Z' },
      versions: { attendeeId: '1', body: '1', concern: '1', createdAt: '1' },
    });
    const changes = [note('p1', 'urgent'), note('p2', 'none'), note('p3', 'talk to coordinator')];
    await applyPullPage(db, { changes, cursor: 'c1' }, 0, { downloaded: 0 }, () => Date.now());
    expect(isSealed((await db.records('note').get('p1'))?.concern)).toBe(true);
    // What Web Crypto is asked to decrypt, by the place each value is bound to.
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const data = await readToday(db, new Date(AT), '2026-11-24');
    const places = decrypt.mock.calls.map(([params]) =>
      new TextDecoder().decode((params as AesGcmParams).additionalData),
    );
    decrypt.mockRestore();
    expect(data.notes.map((shown) => [shown.id, shown.concern])).toEqual([
      ['p1', 'urgent'],
      ['p3', 'talk to coordinator'],
    ]);
    expect(places).toContain('note/p1/body');
    expect(places.filter((place) => place.endsWith('/concern'))).toEqual([]);
  });

  it('stores a page sealed ahead for the device key, and refuses one sealed for a key since replaced', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    forgetDeviceKey();
    const change = { kind: 'note', id: 'n9', values: SAMPLES.note, versions: { body: '1', attendeeId: '1' } };
    const old = await generateSealingKeyPair();
    const replaced = { keyId: 'device:replaced', publicKey: await exportPublicKey(old.publicKey) };
    const stale = await sealPulledFor([change], replaced);
    await expect(
      applyPullPage(db, { changes: stale, cursor: 'c1' }, 0, { downloaded: 0 }, () => Date.now()),
    ).rejects.toThrow(SealedForAnotherKeyError);
    expect(await db.records('note').get('n9')).toBeUndefined();
    expect(await getMeta(db, 'cursor')).toBeUndefined();

    const ahead = await sealPulledFor([change], await getMeta(db, 'deviceKey'));
    expect(isSealed(ahead[0]?.values.body)).toBe(true);
    expect(change.values.body).toBe(SAMPLES.note.body);
    await applyPullPage(db, { changes: ahead, cursor: 'c1' }, 0, { downloaded: 0 }, () => Date.now());
    expect(await getMeta(db, 'cursor')).toBe('c1');
    await unlockDeviceKey(db, PIN);
    const stored = (await db.records('note').get('n9')) as { id: string };
    expect((await openRows('note', [stored]))[0]).toMatchObject({ body: SAMPLES.note.body });
  });

  it('keeps drafts sealed and reads them only while unlocked', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    await saveDraft(db, 'note:person:a1', { body: 'Secret draft' });
    expect(JSON.stringify(await db.drafts.toArray())).not.toContain('Secret');
    expect(await loadDraft(db, 'note:person:a1')).toEqual({ body: 'Secret draft' });
    forgetDeviceKey();
    expect(await loadDraft(db, 'note:person:a1')).toBeUndefined();
  });

  it("flags an urgent note's sealed draft on Today while unlocked", async () => {
    openDb();
    await createDeviceKey(db, PIN);
    await saveDraft(db, 'note:person:a1:', { body: 'Worried tonight', concern: 'urgent' });
    await saveDraft(db, 'note:person:a2:', { body: 'Fine', concern: 'none' });
    expect(JSON.stringify(await db.drafts.toArray())).not.toContain('urgent');
    expect((await urgentNoteDrafts(db)).map((draft) => draft.path)).toEqual(['/people/a1/notes/new']);
    forgetDeviceKey();
    expect(await urgentNoteDrafts(db)).toEqual([]);
  });

  it('seals a plain database on the first unlock, losing nothing, and re-seals the outbox for the server', async () => {
    openDb();
    // Written before the update: no device key, so plain everywhere.
    for (const kind of KIND_NAMES) await saveRecord(db, kind, `${kind}-1`, SAMPLES[kind]);
    for (let index = 0; index < 450; index++) await saveRecord(db, 'note', `bulk-${index}`, { ...SAMPLES.note });
    await saveDraft(db, 'note:person:a1', { body: 'Secret draft' });
    await db.rejected.add({
      kind: 'note',
      id: 'n-refused',
      values: { body: 'Secret refused' },
      versions: { body: '1' },
      code: 'forbidden',
      message: 'no',
      at: 0,
    });
    expect(JSON.stringify(await db.records('note').get('note-1'))).toContain('Secret');

    await unlockDeviceKey(db, PIN); // no key yet: made now, on the first unlock after the update
    await sealAtRest(db);
    expect(await getMeta(db, 'sealProgress')).toMatchObject({ finished: true });
    let everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toMatch(/secret|07700/i);
    for (const kind of KIND_NAMES) expect(await getRecord(db, kind, `${kind}-1`)).toMatchObject(SAMPLES[kind]);
    expect((await getRecord(db, 'note', 'bulk-449'))?.body).toBe(SAMPLES.note.body);
    expect(await loadDraft(db, 'note:person:a1')).toEqual({ body: 'Secret draft' });

    // The server's key arrives later: what waits in the outbox is sealed again for it.
    const server = await withServerKey();
    await sealAtRest(db);
    const [entry] = await db.outbox.where('[kind+id]').equals(['note', 'note-1']).toArray();
    expect(await server.open(sealPlace('note', 'note-1', 'body'), entry?.values.body as Sealed)).toBe(
      SAMPLES.note.body,
    );
    everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toMatch(/secret|07700/i);
  });

  it('holds back what is sealed for the device key until the server has its key, and shows a refused change', async () => {
    openDb();
    await createDeviceKey(db, PIN);
    await saveRecord(db, 'note', 'n1', SAMPLES.note);
    // The server's key is not known yet: the note is sealed for the device key and nothing is handed out.
    expect(await outboxReader(db, 'node-1').next()).toBeUndefined();
    await withServerKey();
    await sealAtRest(db);
    const batch = await outboxReader(db, 'node-1').next();
    expect(batch?.items.map((item) => item.change.id)).toEqual(['n1']);
    const results = [{ status: 'rejected' as const, code: 'forbidden', message: 'No' }];
    await settlePush(db, batch!, results, 0, () => Date.now());
    // The refusal keeps the device's own copy of each value, which reads while unlocked.
    const [refused] = await listRejected(db);
    expect(refused?.values).toMatchObject({ body: SAMPLES.note.body, ons4: SAMPLES.note.ons4 });
    expect(JSON.stringify(await db.rejected.toArray())).not.toContain('Secret');
  });
});
