// Form drafts on the device: what someone has typed but not saved, per form and record.
import type { CoorieDb } from './database.ts';

export async function saveDraft(db: CoorieDb, key: string, value: unknown): Promise<void> {
  await db.drafts.put({ key, value, updatedAt: Date.now() });
}

export async function loadDraft<T>(db: CoorieDb, key: string): Promise<T | undefined> {
  return (await db.drafts.get(key))?.value as T | undefined;
}

export async function clearDraft(db: CoorieDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** Every draft whose key starts with `prefix`, newest first (Today looks for urgent notes left unsaved). */
export async function listDrafts<T>(
  db: CoorieDb,
  prefix: string,
): Promise<Array<{ key: string; value: T; updatedAt: number }>> {
  const rows = await db.drafts.where('key').startsWith(prefix).toArray();
  return rows
    .map((row) => ({ key: row.key, value: row.value as T, updatedAt: row.updatedAt }))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
