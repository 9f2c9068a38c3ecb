// Who is signed in on this device, cached in meta so Coorie opens offline without asking for a password; and
// leaving the device: forgetting the user (session expired) or wiping everything (signed out or revoked).
import type { CoorieDb } from './database.ts';
import { deleteMeta, getMeta, setMeta, type SignedInUser, type SignedOut } from './meta.ts';
import { wipeDevice } from './wipe.ts';

export async function rememberSignedIn(db: CoorieDb, user: SignedInUser, deviceName?: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'user', user);
    if (deviceName !== undefined) await setMeta(db, 'deviceName', deviceName);
    await deleteMeta(db, 'signedOut');
  });
}

/**
 * Forgets the user when the server no longer knows the session (it expired): the records and the outbox stay,
 * so the same person signs in again and nothing unsynced is lost.
 */
export async function forgetSignedIn(db: CoorieDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await deleteMeta(db, 'user');
    await deleteMeta(db, 'deviceName');
  });
}

/**
 * Removes everything Coorie holds on this device and notes why, in one transaction: afterwards the device keeps
 * only that note (for the sign-in screen), and the sync engine will not sync again until someone signs in.
 */
export async function wipeAndSignOut(db: CoorieDb, reason: SignedOut['reason']): Promise<void> {
  await db.transaction('rw', db.allTables(), async () => {
    await wipeDevice(db);
    await setMeta(db, 'signedOut', { reason, at: db.now() });
  });
}

/** Why this device was wiped, if it was and nobody has signed in since. */
export async function signedOutReason(db: CoorieDb): Promise<SignedOut['reason'] | undefined> {
  return (await getMeta(db, 'signedOut'))?.reason;
}

/** What signing out would throw away: changes still waiting to be sent, and changes the server refused. */
export async function unsentChanges(db: CoorieDb): Promise<{ waiting: number; refused: number }> {
  const [waiting, refused] = await Promise.all([db.outbox.count(), db.rejected.count()]);
  return { waiting, refused };
}

/** The name the server knows, kept unless someone on this device has already given the name they use. */
export async function learnOrganisationName(db: CoorieDb, name: string): Promise<void> {
  if (!name.trim()) return;
  await db.transaction('rw', db.meta, async () => {
    if (!(await getMeta(db, 'organisationName'))) await setMeta(db, 'organisationName', name.trim());
  });
}
