// Who is signed in on this device, cached in meta so Coorie opens offline without asking for a password.
import type { CoorieDb } from './database.ts';
import { deleteMeta, setMeta, type SignedInUser } from './meta.ts';

export async function rememberSignedIn(db: CoorieDb, user: SignedInUser, deviceName?: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'user', user);
    if (deviceName !== undefined) await setMeta(db, 'deviceName', deviceName);
  });
}

/** Forgets the user; the records and the outbox stay, so nothing unsynced is lost by signing out. */
export async function forgetSignedIn(db: CoorieDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await deleteMeta(db, 'user');
    await deleteMeta(db, 'deviceName');
  });
}
