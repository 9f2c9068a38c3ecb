// Removes everything Coorie keeps on this device: every record, the outbox, refused changes, drafts and meta
// (the signed-in user, the sync cursor, the kiosk and the app lock). For a device that has been revoked, signed
// out or locked by too many wrong PINs: afterwards it holds nothing about anyone.
import type { CoorieDb } from './database.ts';

export async function wipeDevice(db: CoorieDb): Promise<void> {
  await db.transaction('rw', db.allTables(), async () => {
    await Promise.all(db.allTables().map((table) => table.clear()));
  });
}
