// Form drafts on the device: what someone has typed but not saved, per form and record. A draft may hold a note's
// body or a phone number, so once the device has its key (a PIN chosen) each is kept sealed for it as a whole,
// bound to its key (`draft/<key>`); it is read back only while Coorie is unlocked.
import type { CoorieDb } from './database.ts';
import { currentOpener } from './keyring.ts';
import { getMeta } from './meta.ts';

const looksSealed = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { $sealed?: unknown }).$sealed === 1;

export const draftPlace = (key: string) => `draft/${key}`;

export async function saveDraft(db: CoorieDb, key: string, value: unknown): Promise<void> {
  const deviceKey = await getMeta(db, 'deviceKey');
  let stored = value;
  if (deviceKey) {
    const { sealerFor } = await import('./sealing.ts');
    stored = await (await sealerFor(deviceKey)).seal(draftPlace(key), value);
  }
  await db.drafts.put({ key, value: stored, updatedAt: Date.now() });
}

/** The draft, or undefined when there is none or it cannot be opened (locked, or altered). */
export async function loadDraft<T>(db: CoorieDb, key: string): Promise<T | undefined> {
  const value = (await db.drafts.get(key))?.value;
  if (!looksSealed(value)) return value as T | undefined;
  const opener = currentOpener();
  if (!opener) return undefined;
  try {
    const { isSealed } = await import('./sealing.ts');
    return isSealed(value) ? ((await opener.open(draftPlace(key), value)) as T) : undefined;
  } catch {
    return undefined;
  }
}

export async function clearDraft(db: CoorieDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
