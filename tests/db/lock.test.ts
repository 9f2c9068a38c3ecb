// The app lock's logic: the PIN rules, the PIN checked by unwrapping the device key (and the old hash of devices
// set up before keys, upgraded on their first right PIN), wrong PINs counted across reloads, the wipe at the
// limit, and the idle timer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../src/app/lock/idle.ts';
import { changePin, checkPin, choosePin, MAX_WRONG_PINS, pinProblem, unlockWithPin } from '../../src/app/lock/pin.ts';
import { hashPin, legacyPinRecord } from '../../src/app/lock/legacyPin.ts';
import { WRAP_ITERATIONS } from '../../src/crypto/keys.ts';
import { CoorieDb } from '../../src/db/database.ts';
import { currentOpener, forgetDeviceKey, forgetTypedPins, openRows, prepareUnlock } from '../../src/db/keyring.ts';
import { lockApp, readLockState, storePin } from '../../src/db/lock.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';

const ALEX = { id: 'u1', name: 'Alex', email: 'alex@example.org', role: 'coordinator', organisationId: 'o1' } as const;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  forgetTypedPins();
});

/**
 * A device set up before device keys, with the PIN's old hash in one round, so that the tests of counting do not
 * wait on 600,000 of them for every wrong PIN.
 */
async function deviceWithPin(name = `lock-${crypto.randomUUID()}`, pin = '4826') {
  const db = new CoorieDb(name);
  await storePin(db, await legacyPinRecord(ALEX.id, pin, 1));
  return db;
}

function stubSignOut(answer: 'heard' | 'no-network') {
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (answer === 'no-network') throw new TypeError('Failed to fetch');
    expect(`${init?.method} ${String(input)}`).toBe('POST /api/auth/sign-out');
    return new Response(null, { status: 204 });
  });
  vi.stubGlobal('fetch', fetchStub);
  return fetchStub;
}

describe('choosing a PIN', () => {
  it('wants 4 to 6 digits and says what to fix', () => {
    expect(pinProblem('')).toBe('Choose a PIN of 4 to 6 digits');
    expect(pinProblem('48a6')).toBe('Use digits only');
    expect(pinProblem('482')).toBe('Use 4 to 6 digits');
    expect(pinProblem('4826193')).toBe('Use 4 to 6 digits');
    expect(pinProblem('4826')).toBeUndefined();
    expect(pinProblem('739215')).toBeUndefined();
  });

  it.each([
    ['0000', 'it is one digit repeated'],
    ['111111', 'it is one digit repeated'],
    ['1234', 'its digits run in order, like 1234 or 9876'],
    ['4321', 'its digits run in order, like 1234 or 9876'],
    ['123456', 'its digits run in order, like 1234 or 9876'],
    ['987654', 'its digits run in order, like 1234 or 9876'],
    ['7890', 'its digits run in order, like 1234 or 9876'],
    ['1212', 'it repeats a short group of digits, like 1212'],
    ['121212', 'it repeats a short group of digits, like 1212'],
    ['123123', 'it repeats a short group of digits, like 1212'],
    ['2580', 'it is one of the best-known PINs, which people guess first'],
    ['5683', 'it is one of the best-known PINs, which people guess first'],
  ])('refuses %s as too easy to guess, saying why: %s', (pin, why) => {
    expect(pinProblem(pin)).toBe(`That PIN is too easy to guess: ${why}. Choose another`);
  });

  it('keeps no hash of the PIN, only the device key it wraps (PBKDF2 at 600,000 rounds, fresh salt), never the PIN', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    const other = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    await choosePin(other, ALEX.id, '739215');
    expect(await getMeta(db, 'pin')).toEqual({ userId: ALEX.id });
    const key = await getMeta(db, 'deviceKey');
    const otherKey = await getMeta(other, 'deviceKey');
    expect(key?.wrapped.iterations).toBe(WRAP_ITERATIONS);
    expect(WRAP_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('739215');
    expect(key?.wrapped.salt).not.toBe(otherKey?.wrapped.salt);
    // Chosen: this page holds the key at once (the last one chosen).
    expect(currentOpener()?.keyId).toBe(otherKey?.keyId);
    forgetDeviceKey();
    expect(await checkPin(db, '739216')).toMatchObject({ outcome: 'wrong' });
    expect(currentOpener()).toBeUndefined();
    expect(await checkPin(db, '739215')).toEqual({ outcome: 'right' });
    expect(currentOpener()?.keyId).toBe(key?.keyId);
  });

  it("checks an old device's hash with PBKDF2-HMAC-SHA-256 as the standard defines it (RFC 7914 test vector)", async () => {
    const saltHex = Array.from(new TextEncoder().encode('salt'), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(await hashPin('passwd', saltHex, 1)).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc',
    );
  });

  it('refuses to store a guessable PIN even if a form let one through', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await expect(choosePin(db, ALEX.id, '1111')).rejects.toThrow(/too easy to guess/);
    expect(await getMeta(db, 'pin')).toBeUndefined();
  });
});

describe('unlocking', () => {
  it('opens this page load with the right PIN and resets the count of wrong ones', async () => {
    const db = await deviceWithPin();
    await lockApp(db);
    expect((await readLockState(db)).locked).toBe(true);
    expect(await unlockWithPin(db, '1111')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - 1 });
    expect((await readLockState(db)).locked).toBe(true);
    expect(await unlockWithPin(db, '4826')).toEqual({ outcome: 'right' });
    expect(await readLockState(db)).toMatchObject({ locked: false, failures: 0 });
  });

  it('keeps counting wrong PINs across a reload, so reloading gives nobody fresh tries', async () => {
    const name = `lock-${crypto.randomUUID()}`;
    const db = await deviceWithPin(name);
    for (let i = 0; i < 4; i++) await checkPin(db, '0001');
    db.close();
    const reopened = new CoorieDb(name);
    expect(await checkPin(reopened, '0001')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - 5 });
  });

  it('wipes the device at the tenth wrong PIN in a row, signs it out and tells the server', async () => {
    const fetchStub = stubSignOut('heard');
    const db = await deviceWithPin();
    await setMeta(db, 'user', ALEX);
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    for (let i = 1; i < MAX_WRONG_PINS; i++) {
      expect(await checkPin(db, '9999')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - i });
    }
    expect(await db.records('attendee').count()).toBe(1);
    expect(await checkPin(db, '9999')).toEqual({ outcome: 'wiped' });

    expect(await db.records('attendee').count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'user')).toBeUndefined();
    expect(await getMeta(db, 'pin')).toBeUndefined();
    expect(await getMeta(db, 'lockWipe')).toMatchObject({ reason: 'wrong-pins' });
    expect(await getMeta(db, 'signedOut')).toMatchObject({ reason: 'signed-out' });
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it('wipes at once with no signal, leaving the server to be told when the tablet is next online', async () => {
    stubSignOut('no-network');
    const db = await deviceWithPin();
    await setMeta(db, 'pinFailures', MAX_WRONG_PINS - 1);
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Amy' });
    expect(await checkPin(db, '9999')).toEqual({ outcome: 'wiped' });
    expect(await db.records('attendee').count()).toBe(0);
    expect(await getMeta(db, 'signedOut')).toMatchObject({ reason: 'signed-out-offline' });
  });

  it('changes the PIN only when the current one is given, counting a wrong one', async () => {
    const db = await deviceWithPin();
    expect(await changePin(db, ALEX.id, '1111', '739215')).toMatchObject({ outcome: 'wrong' });
    expect(await getMeta(db, 'pinFailures')).toBe(1);
    expect(await checkPin(db, '4826')).toEqual({ outcome: 'right' });
    expect(await changePin(db, ALEX.id, '4826', '739215')).toEqual({ outcome: 'right' });
    expect(await checkPin(db, '739215')).toEqual({ outcome: 'right' });
    expect(await checkPin(db, '4826')).toMatchObject({ outcome: 'wrong' });
  });
});

describe('the PIN is the device key', { timeout: 120_000 }, () => {
  it('counts each PIN that fails to unwrap the key as wrong, and wipes the device at the tenth', async () => {
    const fetchStub = stubSignOut('heard');
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    await setMeta(db, 'user', ALEX);
    await saveRecord(db, 'note', 'n1', { attendeeId: 'a1', body: 'Slept better this week' });
    await lockApp(db);
    for (let i = 1; i < MAX_WRONG_PINS; i++) {
      expect(await unlockWithPin(db, '739216')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - i });
      expect(currentOpener()).toBeUndefined();
    }
    expect((await readLockState(db)).locked).toBe(true);
    expect(await db.records('note').count()).toBe(1);
    expect(await unlockWithPin(db, '739216')).toEqual({ outcome: 'wiped' });
    expect(await db.records('note').count()).toBe(0);
    expect(await getMeta(db, 'deviceKey')).toBeUndefined();
    expect(await getMeta(db, 'pin')).toBeUndefined();
    expect(await getMeta(db, 'lockWipe')).toMatchObject({ reason: 'wrong-pins' });
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it('the right PIN after a few wrong ones opens the key and starts the count again', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    await saveRecord(db, 'note', 'n1', { attendeeId: 'a1', body: 'Slept better this week' });
    await lockApp(db);
    expect(await unlockWithPin(db, '1357')).toMatchObject({ outcome: 'wrong' });
    expect(await unlockWithPin(db, '739215')).toEqual({ outcome: 'right' });
    expect(await readLockState(db)).toMatchObject({ locked: false, failures: 0 });
    const [note] = await openRows('note', await db.records('note').toArray());
    expect(note?.body).toBe('Slept better this week');
  });

  it('works the key out while the PIN is typed, so that Unlock does not work it out again', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    await lockApp(db);
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    // Typed digit by digit: each PIN that could be whole is worked out as it is typed.
    prepareUnlock(db, '7392');
    prepareUnlock(db, '73921');
    prepareUnlock(db, '739215');
    await vi.waitFor(async () => {
      expect(derive).toHaveBeenCalledTimes(3);
      await Promise.all(derive.mock.results.map((result) => result.value));
    });
    // Typing is not trying: nothing is open and nothing counted until Unlock.
    expect(currentOpener()).toBeUndefined();
    expect(await readLockState(db)).toMatchObject({ locked: true, failures: 0 });
    expect(await unlockWithPin(db, '739215')).toEqual({ outcome: 'right' });
    expect(derive).toHaveBeenCalledTimes(3);
    expect(currentOpener()).toBeDefined();
  });

  it('never opens with the key of a PIN typed but changed before Unlock, and keeps none past Unlock', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    await lockApp(db);
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    prepareUnlock(db, '739215');
    await vi.waitFor(async () => {
      expect(derive).toHaveBeenCalledTimes(1);
      await derive.mock.results[0]?.value;
    });
    expect(await unlockWithPin(db, '739216')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - 1 });
    expect(currentOpener()).toBeUndefined();
    // The right PIN's key, worked out while it was typed, went with that Unlock: this one works it out afresh.
    expect(await unlockWithPin(db, '739215')).toEqual({ outcome: 'right' });
    expect(derive).toHaveBeenCalledTimes(3);
  });

  it('upgrades a device that has only the old hash on its first right PIN: the key made, the hash dropped', async () => {
    const db = await deviceWithPin();
    // Set up before keys: its records are in clear until the sealing pass.
    await saveRecord(db, 'note', 'n1', { attendeeId: 'a1', body: 'Slept better this week' });
    await lockApp(db);
    expect(await getMeta(db, 'deviceKey')).toBeUndefined();
    expect(await unlockWithPin(db, '1111')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - 1 });
    expect(await getMeta(db, 'deviceKey')).toBeUndefined();
    expect((await getMeta(db, 'pin'))?.hash).toBeDefined();

    expect(await unlockWithPin(db, '4826')).toEqual({ outcome: 'right' });
    const key = await getMeta(db, 'deviceKey');
    expect(key?.wrapped.iterations).toBe(WRAP_ITERATIONS);
    expect(await getMeta(db, 'pin')).toEqual({ userId: ALEX.id });
    expect(currentOpener()?.keyId).toBe(key?.keyId);
    expect(await readLockState(db)).toMatchObject({ locked: false, failures: 0 });

    // From now on the key is the check: the same PIN opens it, a wrong one still counts.
    await lockApp(db);
    expect(await unlockWithPin(db, '1111')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - 1 });
    expect(await unlockWithPin(db, '4826')).toEqual({ outcome: 'right' });
    expect(currentOpener()?.keyId).toBe(key?.keyId);
    const [note] = await openRows('note', await db.records('note').toArray());
    expect(note?.body).toBe('Slept better this week');
  });

  it('drops the old hash of a device that has a key beside it once the key opens, checking with the key alone', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    // As devices kept both before: the hash (of the same PIN) beside the wrapped key.
    await storePin(db, await legacyPinRecord(ALEX.id, '739215', 1));
    const key = await getMeta(db, 'deviceKey');
    await lockApp(db);
    expect(await unlockWithPin(db, '4826')).toMatchObject({ outcome: 'wrong' });
    expect((await getMeta(db, 'pin'))?.hash).toBeDefined();
    expect(await unlockWithPin(db, '739215')).toEqual({ outcome: 'right' });
    expect(await getMeta(db, 'pin')).toEqual({ userId: ALEX.id });
    expect(await getMeta(db, 'deviceKey')).toEqual(key);
  });

  it('changing the PIN re-wraps the same key; a wrong current PIN counts and changes nothing', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    const before = await getMeta(db, 'deviceKey');
    expect(await changePin(db, ALEX.id, '1357', '592817')).toEqual({ outcome: 'wrong', triesLeft: MAX_WRONG_PINS - 1 });
    expect(await getMeta(db, 'deviceKey')).toEqual(before);
    expect(await changePin(db, ALEX.id, '739215', '592817')).toEqual({ outcome: 'right' });
    const after = await getMeta(db, 'deviceKey');
    expect(after?.keyId).toBe(before?.keyId);
    expect(after?.wrapped.salt).not.toBe(before?.wrapped.salt);
    expect(await getMeta(db, 'pinFailures')).toBe(0);
    await lockApp(db);
    expect(await unlockWithPin(db, '739215')).toMatchObject({ outcome: 'wrong' });
    expect(await unlockWithPin(db, '592817')).toEqual({ outcome: 'right' });
    expect(currentOpener()?.keyId).toBe(before?.keyId);
  });
});

describe('the idle timer', () => {
  const MINUTE = 60_000;

  function setHidden(hidden: boolean) {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(hidden ? 'hidden' : 'visible');
    document.dispatchEvent(new Event('visibilitychange'));
  }

  it('locks after five minutes with nobody touching the tablet, and only once', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const onIdle = vi.fn();
    const stop = watchIdle({ onIdle });
    vi.advanceTimersByTime(4 * MINUTE + 45_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(15_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('starts the five minutes again at every touch, tap or key', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const onIdle = vi.fn();
    const stop = watchIdle({ onIdle });
    for (const type of ['pointerdown', 'keydown', 'touchstart']) {
      vi.advanceTimersByTime(4 * MINUTE);
      window.dispatchEvent(new Event(type));
    }
    vi.advanceTimersByTime(4 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('counts time in the background: back after longer than the spell, it locks before the first tap counts', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const onIdle = vi.fn();
    const stop = watchIdle({ onIdle });
    setHidden(true);
    // A sleeping tablet runs no timers: only the clock moves.
    vi.setSystemTime(Date.now() + 6 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    setHidden(false);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
    vi.restoreAllMocks();
  });

  it('stops watching when told to', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const onIdle = vi.fn();
    watchIdle({ onIdle })();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
