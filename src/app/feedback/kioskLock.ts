// The kiosk lock: handing the tablet over locks Coorie into the feedback kiosk, and only the app PIN (the same
// one as the app lock, src/app/lock/pin.ts) lets the facilitator out. Wrong PINs count towards the same wipe as
// on the lock screen, and the kiosk says how many tries are left.
import type { CoorieDb } from '../../db/database.ts';
import { clearKiosk, getKiosk, setKiosk } from '../../db/kiosk.ts';
import { forgetDeviceKey } from '../../db/keyring.ts';
import { markUnlocked } from '../../db/lock.ts';
import { checkPin, type PinCheck } from '../lock/pin.ts';

export { KIOSK_PATH } from './kioskPath.ts';

/** Turns the kiosk on for a session: from now until unlocked, the device shows only the feedback questions. */
export async function startKiosk(
  db: CoorieDb,
  sessionId: string,
  now = new Date(),
  questionnaireId?: string,
): Promise<void> {
  // The kiosk only writes (sealing needs no private key): whoever holds the tablet gets no key in memory.
  forgetDeviceKey();
  await setKiosk(db, { sessionId, startedAt: now.toISOString(), ...(questionnaireId ? { questionnaireId } : {}) });
}

export type UnlockResult = { unlocked: true; sessionId: string } | { unlocked: false; check: PinCheck | 'off' };

/** Checks the app PIN; the right one turns the kiosk off and leaves the app unlocked. */
export async function unlockKiosk(db: CoorieDb, pin: string): Promise<UnlockResult> {
  const kiosk = await getKiosk(db);
  if (!kiosk) return { unlocked: false, check: 'off' };
  // The right PIN opens the device key as it is checked.
  const check = await checkPin(db, pin);
  if (check.outcome !== 'right') return { unlocked: false, check };
  await db.transaction('rw', db.meta, async () => {
    await clearKiosk(db);
    await markUnlocked(db);
  });
  return { unlocked: true, sessionId: kiosk.sessionId };
}
