// The app lock's state on this device, kept in `meta`: whose PIN it is, wrong PINs in a row, which page load
// is unlocked, and the note a lock's wipe leaves behind. The lock is a gate on the screen only: sync never
// reads any of this, so it carries on while Coorie is locked.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CoorieDb } from './database.ts';
import { useAtLaunch, useDb } from './hooks.ts';
import { forgetDeviceKey } from './keyring.ts';
import { deleteMeta, getMeta, setMeta, type LockState, type LockWipe, type PinRecord, type SignedOut } from './meta.ts';
import { wipeDevice } from './wipe.ts';

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * This page load. Unlocking records it; a fresh load has another, so Coorie opens locked on every launch
 * without anything having to run before the first screen.
 */
const LAUNCH_ID = randomHex(16);

export async function readLockState(db: CoorieDb): Promise<LockState> {
  return db.transaction('r', db.meta, async () => {
    const [pin, unlocked, failures, wipe] = await Promise.all([
      getMeta(db, 'pin'),
      getMeta(db, 'unlocked'),
      getMeta(db, 'pinFailures'),
      getMeta(db, 'lockWipe'),
    ]);
    return {
      pin: pin ?? null,
      locked: unlocked?.launchId !== LAUNCH_ID,
      failures: failures ?? 0,
      wipe: wipe ?? null,
    };
  });
}

/** The lock's state, live; `undefined` while the first read is under way. */
export function useLockState(): LockState | undefined {
  const db = useDb();
  return useLiveQuery(() => readLockState(db), [db], useAtLaunch('lock'));
}

/** How this device came to be signed out, for the sign-in screen. */
export interface SignOutStory {
  signedOut: SignedOut | null;
  /** Too many wrong PINs wiped it: the lock's own notice says so, and "You signed out" would be wrong. */
  wipedByLock: boolean;
}

/**
 * Both entries read together, live, so that the screen never shows one updated and the other not (a moment of
 * "You signed out" after a wipe by the lock); `undefined` while the first read is under way.
 */
export function useSignOutStory(): SignOutStory | undefined {
  const db = useDb();
  return useLiveQuery(
    () =>
      db.transaction('r', db.meta, async () => {
        const [signedOut, wipe] = await Promise.all([getMeta(db, 'signedOut'), getMeta(db, 'lockWipe')]);
        return {
          signedOut: signedOut ?? null,
          // Only the wipe that signed this device out, not one long past.
          wipedByLock: wipe?.reason === 'wrong-pins' && signedOut?.at === wipe.at,
        };
      }),
    [db],
  );
}

/** A newly chosen PIN: it unlocks this page load at once, and any earlier wipe's note has served its turn. */
export async function storePin(db: CoorieDb, pin: PinRecord): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'pin', pin);
    await setMeta(db, 'pinFailures', 0);
    await setMeta(db, 'unlocked', { launchId: LAUNCH_ID });
    await deleteMeta(db, 'lockWipe');
  });
}

/** Forgets the PIN's old hash once the device key has taken over checking the PIN (src/app/lock/pin.ts). */
export async function dropPinHash(db: CoorieDb, userId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await getMeta(db, 'pin'))?.userId === userId) await setMeta(db, 'pin', { userId });
  });
}

export async function markUnlocked(db: CoorieDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'pinFailures', 0);
    await setMeta(db, 'unlocked', { launchId: LAUNCH_ID });
  });
}

/** Locks every open page of Coorie on this device (they all watch the same entry). */
export async function lockApp(db: CoorieDb): Promise<void> {
  forgetDeviceKey();
  await deleteMeta(db, 'unlocked');
}

/** Counts one more wrong PIN and returns how many there have been in a row. */
export async function countWrongPin(db: CoorieDb): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const failures = ((await getMeta(db, 'pinFailures')) ?? 0) + 1;
    await setMeta(db, 'pinFailures', failures);
    return failures;
  });
}

/**
 * Wipes the device for the lock and signs it out, in one transaction, as signing out does (src/db/account.ts):
 * until someone signs in again nothing syncs, and the browser's session cookie does not sign anyone back in.
 * The server has not heard yet (`signed-out-offline`); the app tells it as soon as it can.
 */
export async function wipeForLock(db: CoorieDb, reason: LockWipe['reason']): Promise<number> {
  forgetDeviceKey();
  const at = db.now();
  await db.transaction('rw', db.allTables(), async () => {
    await wipeDevice(db);
    await setMeta(db, 'signedOut', { reason: 'signed-out-offline', at });
    await setMeta(db, 'lockWipe', { at, reason });
  });
  return at;
}

/** The server has ended the device's session, so there is nothing left to tell it. */
export async function noteServerSignedOut(db: CoorieDb, at: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await getMeta(db, 'signedOut'))?.at === at) await setMeta(db, 'signedOut', { reason: 'signed-out', at });
  });
}
