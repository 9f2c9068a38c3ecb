// The gate in front of the signed-in app: choose a PIN first, then the lock on every launch and after a spell
// idle. Whatever it shows instead of the app, the app is not rendered behind it, so nothing about anyone reaches
// a screen reader or a glance.
import { useEffect, type ReactNode } from 'react';
import { useDb } from '../../db/hooks.ts';
import { lockApp, useLockState } from '../../db/lock.ts';
import type { SignedInUser } from '../../db/meta.ts';
import { ChoosePinScreen } from './ChoosePinScreen.tsx';
import { watchIdle } from './idle.ts';
import { LockScreen } from './LockScreen.tsx';

export function LockGate({ user, children }: { user: SignedInUser; children: ReactNode }) {
  const db = useDb();
  const lock = useLockState();
  const open = lock !== undefined && lock.pin?.userId === user.id && !lock.locked;

  useEffect(() => {
    if (!open) return;
    return watchIdle({ onIdle: () => void lockApp(db) });
  }, [db, open]);

  if (lock === undefined) return null;
  if (lock.pin?.userId !== user.id) return <ChoosePinScreen user={user} />;
  if (lock.locked) return <LockScreen />;
  return children;
}
