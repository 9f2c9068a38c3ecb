// The gate in front of the signed-in app: choose a PIN first, then the lock on every launch and after a spell
// idle. Whatever it shows instead of the app, the app is not rendered behind it, so nothing about anyone reaches
// a screen reader or a glance.
import { Suspense, useEffect, type ReactNode } from 'react';
import { useDb, useMeta } from '../../db/hooks.ts';
import { forgetDeviceKey } from '../../db/keyring.ts';
import { lockApp, useLockState } from '../../db/lock.ts';
import type { LockState, SignedInUser } from '../../db/meta.ts';
import { preloadable } from '../preloadable.ts';
import type { ReadAhead } from './pin.ts';
import { watchIdle } from './idle.ts';

// Loaded when first needed, like every screen but Today, to keep the first screen small (npm run size); the
// service worker precaches them, so the lock opens offline too. Until one has loaded, nothing shows.
const ChoosePinScreen = preloadable(() =>
  import('./ChoosePinScreen.tsx').then((m) => ({ default: m.ChoosePinScreen })),
);
const LockScreen = preloadable(() => import('./LockScreen.tsx').then((m) => ({ default: m.LockScreen })));

/** Loads the lock screen ahead, once someone is signed in, so that the idle lock shows at once. */
export const preloadLockScreen = () => LockScreen.preload();

/** What the gate shows `user` in this lock state: the screen for choosing a PIN, the lock, or the app. */
function gateOf(user: SignedInUser, lock: LockState): 'choose-pin' | 'locked' | 'open' {
  if (lock.pin?.userId !== user.id) return 'choose-pin';
  return lock.locked ? 'locked' : 'open';
}

/** Loads the screen the gate shows `user` in this lock state, for a launch to draw it in its first render. */
export function preloadGate(user: SignedInUser, lock: LockState): Promise<unknown> {
  const gate = gateOf(user, lock);
  if (gate === 'choose-pin') return ChoosePinScreen.preload();
  return gate === 'locked' ? LockScreen.preload() : Promise.resolve();
}

interface LockGateProps {
  user: SignedInUser;
  /** Called while the lock shows: loads what unlocking will show, so that it follows the PIN at once. */
  whileLocked?: () => void;
  /** Reads what unlocking will show while the PIN is checked (unlockWithPin). */
  readAhead?: ReadAhead;
  children: ReactNode;
}

export function LockGate({ user, whileLocked, readAhead, children }: LockGateProps) {
  const db = useDb();
  const lock = useLockState();
  const gate = lock && gateOf(user, lock);
  const open = gate === 'open';

  // Locked from any page (or by the idle lock): this page forgets the device key too.
  useEffect(() => {
    if (lock?.locked) forgetDeviceKey();
  }, [lock?.locked]);

  useEffect(() => {
    if (lock?.locked) whileLocked?.();
  }, [lock?.locked, whileLocked]);

  // Unlocked, and whenever the server's key is learnt or changes: seal what is still in clear (the first unlock
  // after the update) and re-seal for the server what waits in the outbox for it (src/db/sealAtRest.ts).
  // Only when there is something to do (its last pass did not finish, or the server's key changed since), so
  // that an ordinary unlock neither loads the pass nor reads every record again.
  const serverKey = useMeta('serverSealKey');
  const serverKeyId = serverKey?.keyId;
  const progress = useMeta('sealProgress');
  const needed =
    serverKey !== undefined && progress !== undefined && (!progress?.finished || progress.serverKeyId !== serverKeyId);
  useEffect(() => {
    if (!open || !needed) return;
    void import('../../db/sealAtRest.ts')
      .then(({ sealAtRest }) => sealAtRest(db))
      .catch((error: unknown) => console.error('Sealing the records on this device failed', error));
  }, [db, open, needed, serverKeyId]);

  useEffect(() => {
    if (!open) return;
    return watchIdle({ onIdle: () => void lockApp(db) });
  }, [db, open]);

  if (gate === undefined) return null;
  if (gate === 'choose-pin') {
    return (
      <Suspense fallback={null}>
        <ChoosePinScreen user={user} />
      </Suspense>
    );
  }
  if (gate === 'locked') {
    return (
      <Suspense fallback={null}>
        <LockScreen readAhead={readAhead} />
      </Suspense>
    );
  }
  return children;
}
