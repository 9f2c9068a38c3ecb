// The app lock's logic: the PIN rules, the slow salted hash, wrong PINs counted across reloads, the wipe at the
// limit, and the idle timer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../src/app/lock/idle.ts';
import {
  changePin,
  checkPin,
  choosePin,
  hashPin,
  MAX_WRONG_PINS,
  PIN_ITERATIONS,
  pinProblem,
  unlockWithPin,
} from '../../src/app/lock/pin.ts';
import { CoorieDb } from '../../src/db/database.ts';
import { lockApp, readLockState, storePin } from '../../src/db/lock.ts';
import { getMeta, setMeta } from '../../src/db/meta.ts';
import { saveRecord } from '../../src/db/records.ts';

const ALEX = { id: 'u1', name: 'Alex', email: 'alex@example.org', role: 'coordinator', organisationId: 'o1' } as const;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A device with a PIN hashed in one round, so the tests of counting do not wait on 200,000 of them. */
async function deviceWithPin(name = `lock-${crypto.randomUUID()}`, pin = '4826') {
  const db = new CoorieDb(name);
  const salt = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  await storePin(db, { userId: ALEX.id, salt, hash: await hashPin(pin, salt, 1), iterations: 1 });
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

  it('keeps only a PBKDF2 hash with a fresh salt and many rounds, never the PIN', async () => {
    const db = new CoorieDb(`lock-${crypto.randomUUID()}`);
    const other = new CoorieDb(`lock-${crypto.randomUUID()}`);
    await choosePin(db, ALEX.id, '739215');
    await choosePin(other, ALEX.id, '739215');
    const stored = await getMeta(db, 'pin');
    const otherStored = await getMeta(other, 'pin');
    expect(stored).toMatchObject({ userId: ALEX.id, iterations: PIN_ITERATIONS });
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('739215');
    expect(stored?.salt).not.toBe(otherStored?.salt);
    expect(stored?.hash).not.toBe(otherStored?.hash);
    expect(stored?.hash).toBe(await hashPin('739215', stored?.salt ?? '', PIN_ITERATIONS));
    expect(await checkPin(db, '739215')).toEqual({ outcome: 'right' });
    expect(await checkPin(db, '739216')).toMatchObject({ outcome: 'wrong' });
  });

  it('hashes with PBKDF2-HMAC-SHA-256 as the standard defines it (RFC 7914 test vector)', async () => {
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
