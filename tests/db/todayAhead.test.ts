// Today read ahead of the unlock: what the lock reads while the PIN is checked is kept only for a right PIN and
// only while the key it was opened with is held; a failed read never keeps the lock shut.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { choosePin, startReadAhead, unlockWithPin, type ReadAhead } from '../../src/app/lock/pin.ts';
import { legacyPinRecord } from '../../src/app/lock/legacyPin.ts';
import { rememberSignedIn } from '../../src/db/account.ts';
import { CoorieDb } from '../../src/db/database.ts';
import { currentOpener, forgetDeviceKey } from '../../src/db/keyring.ts';
import { lockApp, readLockState, storePin } from '../../src/db/lock.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';
import { readToday, readTodayAhead, todayAhead, todayAheadDrawn } from '../../src/db/today.ts';

const ALEX = { id: 'u1', name: 'Alex', email: 'alex@example.org', role: 'coordinator', organisationId: 'o1' } as const;
// Tuesday 24 November 2026, 11:00 in Scotland.
const NOW = new Date('2026-11-24T11:00:00.000Z');
const TODAY = '2026-11-24';
const PIN = '4826';
/** A device that has synced before, an hour ago. */
const SYNCED = { phase: 'idle', lastSuccess: NOW.getTime() - 3_600_000 } as const;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  forgetDeviceKey();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A signed-in coordinator's device with a PIN (its old hash in one round: the first right PIN makes the key). */
async function device() {
  const db = new CoorieDb(`today-ahead-${crypto.randomUUID()}`);
  await rememberSignedIn(db, ALEX);
  await setMeta(db, 'sync', SYNCED);
  await storePin(db, await legacyPinRecord(ALEX.id, PIN, 1));
  await lockApp(db);
  await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
  await saveRecord(db, 'note', 'n-urgent', { attendeeId: 'morag', body: 'x', concern: 'urgent' }, { userId: 'u2' });
  return db;
}

/** readTodayAhead, noting each answer it is given (whether the PIN was right) in `told`, and each read in `reads`. */
function listening() {
  const heard = { told: [] as boolean[], reads: 0 };
  const readAhead: ReadAhead = async (database, unlocking) => {
    heard.reads++;
    const read = readTodayAhead(database, unlocking);
    heard.told.push(await unlocking);
    await read;
  };
  return { heard, readAhead };
}

describe('reading Today ahead of the unlock', { timeout: 30_000 }, () => {
  it('keeps what a right PIN opened, for Today on that day, until the lock forgets the key', async () => {
    const db = await device();
    expect(await unlockWithPin(db, PIN, readTodayAhead)).toEqual({ outcome: 'right' });
    const ahead = todayAhead(db, TODAY);
    expect(ahead?.data.notes.map((note) => [note.id, note.concern])).toEqual([['n-urgent', 'urgent']]);
    expect(ahead?.data.attendees.get('morag')?.displayName).toBe('Morag');
    expect(todayAhead(db, '2026-11-25')).toBeUndefined();
    expect(todayAhead(new CoorieDb(`other-${crypto.randomUUID()}`), TODAY)).toBeUndefined();
    forgetDeviceKey();
    expect(todayAhead(db, TODAY)).toBeUndefined();
  });

  it('keeps nothing for a wrong PIN, and tells the read so', async () => {
    const db = await device();
    const { heard, readAhead } = listening();
    expect(await unlockWithPin(db, '1111', readAhead)).toMatchObject({ outcome: 'wrong' });
    expect(heard.told).toEqual([false]);
    expect(todayAhead(db, TODAY)).toBeUndefined();
    expect((await readLockState(db)).locked).toBe(true);
  });

  it('uses a read started as the PIN was typed, reading nothing again at Unlock', async () => {
    const db = await device();
    const { heard, readAhead } = listening();
    const early = startReadAhead(db, readAhead);
    expect(await unlockWithPin(db, PIN, readAhead, early)).toEqual({ outcome: 'right' });
    expect(heard.reads).toBe(1);
    expect(heard.told).toEqual([true]);
    expect(todayAhead(db, TODAY)?.data.notes.map((note) => [note.id, note.concern])).toEqual([['n-urgent', 'urgent']]);
  });

  it('reads again at Unlock when a record was written after the read started (a sync under the lock)', async () => {
    const db = await device();
    const { heard, readAhead } = listening();
    const early = startReadAhead(db, readAhead);
    await saveRecord(db, 'note', 'n-new', { attendeeId: 'morag', body: 'y', concern: 'urgent' }, { userId: 'u2' });
    expect(await unlockWithPin(db, PIN, readAhead, early)).toEqual({ outcome: 'right' });
    // The early read was told to keep nothing; the one made at Unlock has the new note.
    expect(heard.told).toEqual([false, true]);
    expect(todayAhead(db, TODAY)?.data.notes.map((note) => note.id)).toEqual(['n-new', 'n-urgent']);
  });

  it('keeps nothing of a read started as a wrong PIN was typed', async () => {
    const db = await device();
    const early = startReadAhead(db, readTodayAhead);
    expect(await unlockWithPin(db, '1111', readTodayAhead, early)).toMatchObject({ outcome: 'wrong' });
    await early.done;
    expect(todayAhead(db, TODAY)).toBeUndefined();
  });

  it('reads nothing ahead on a device that has never finished a sync, whose first download Today shows instead', async () => {
    const db = await device();
    await setMeta(db, 'sync', { phase: 'pulling', downloaded: 300, total: 4000 });
    expect(await unlockWithPin(db, PIN, readTodayAhead)).toEqual({ outcome: 'right' });
    expect(todayAhead(db, TODAY)).toBeUndefined();
  });

  it('unlocks even when the read ahead fails', async () => {
    const db = await device();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing: ReadAhead = async () => {
      throw new Error('The disk is full');
    };
    expect((await readLockState(db)).locked).toBe(true);
    expect(await unlockWithPin(db, PIN, failing)).toEqual({ outcome: 'right' });
    expect((await readLockState(db)).locked).toBe(false);
  });
});

describe('concerns opened on an earlier launch', { timeout: 60_000 }, () => {
  const CHOSEN = '739215';
  const concernsShown = (db: CoorieDb) => todayAhead(db, TODAY)?.data.notes.map((note) => [note.id, note.concern]);

  it('open with one decryption at the next unlock, kept sealed, without any note’s id, and never stale', async () => {
    const db = new CoorieDb(`opened-${crypto.randomUUID()}`);
    await rememberSignedIn(db, ALEX);
    await setMeta(db, 'sync', SYNCED);
    // A device key, so that every concern is sealed at rest as on a tablet.
    await choosePin(db, ALEX.id, CHOSEN);
    await saveRecord(db, 'attendee', 'morag', { displayName: 'Morag' });
    await saveRecord(db, 'note', 'n-urgent', { attendeeId: 'morag', body: 'x', concern: 'urgent' }, { userId: 'u2' });
    for (const id of ['n-1', 'n-2', 'n-3', 'n-4', 'n-5']) {
      await saveRecord(db, 'note', id, { attendeeId: 'morag', body: 'x', concern: 'none' }, { userId: 'u2' });
    }
    await lockApp(db);
    // Every decryption, by the place its value is bound to.
    const decrypted: string[] = [];
    const decrypt = crypto.subtle.decrypt.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'decrypt').mockImplementation((algorithm, key, data) => {
      const place = (algorithm as AesGcmParams).additionalData;
      decrypted.push(place ? new TextDecoder().decode(place as Uint8Array) : '');
      return decrypt(algorithm, key, data);
    });
    const concernsDecrypted = () => decrypted.filter((place) => place.endsWith('/concern'));

    // The first launch opens every concern on its own, then, once Today has drawn, keeps them for the next.
    expect(await unlockWithPin(db, CHOSEN, readTodayAhead)).toEqual({ outcome: 'right' });
    expect(concernsDecrypted()).toHaveLength(6);
    expect(concernsShown(db)).toEqual([['n-urgent', 'urgent']]);
    expect(await getMeta(db, 'openedConcerns')).toBeUndefined();
    todayAheadDrawn();
    await expect.poll(() => getMeta(db, 'openedConcerns'), { timeout: 10_000 }).toBeDefined();
    const stored = JSON.stringify(await getMeta(db, 'openedConcerns'));
    expect(stored).not.toContain('urgent');
    expect(stored).not.toContain('none');
    const opened = JSON.stringify(
      await currentOpener()?.open('meta/openedConcerns', (await getMeta(db, 'openedConcerns'))!),
    );
    expect(opened).toContain('urgent');
    expect(opened).not.toMatch(/n-urgent|n-1|morag/);

    // The next launch opens that one value, not each concern.
    await lockApp(db);
    decrypted.length = 0;
    expect(await unlockWithPin(db, CHOSEN, readTodayAhead)).toEqual({ outcome: 'right' });
    expect(decrypted.filter((place) => place === 'meta/openedConcerns')).toHaveLength(1);
    expect(concernsDecrypted()).toEqual([]);
    expect(concernsShown(db)).toEqual([['n-urgent', 'urgent']]);
    // Today's own reading after it has drawn (its live query) finds them known too.
    const live = await readToday(db, NOW, TODAY);
    expect(live.notes.map((note) => [note.id, note.concern])).toEqual([['n-urgent', 'urgent']]);
    expect(concernsDecrypted()).toEqual([]);

    // A concern raised since is opened afresh, not taken from what was kept.
    await saveRecord(db, 'note', 'n-3', { concern: 'urgent' }, { userId: 'u2' });
    await lockApp(db);
    decrypted.length = 0;
    expect(await unlockWithPin(db, CHOSEN, readTodayAhead)).toEqual({ outcome: 'right' });
    expect(concernsDecrypted()).toEqual(['note/n-3/concern']);
    expect(concernsShown(db)).toEqual([
      ['n-3', 'urgent'],
      ['n-urgent', 'urgent'],
    ]);
  });
});
