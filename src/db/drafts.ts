// Form drafts on the device: what someone has typed but not saved, per form and record. A draft may hold a note's
// body or a phone number, so once the device has its key (a PIN chosen) each is kept sealed for it as a whole,
// bound to its key (`draft/<key>`); it is read back only while Coorie is unlocked.
import type { CoorieDb } from './database.ts';
import { currentOpener } from './keyring.ts';
import { getMeta } from './meta.ts';

const looksSealed = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { $sealed?: unknown }).$sealed === 1;

export const draftPlace = (key: string) => `draft/${key}`;

// Sealing takes a moment: the writes to one draft run in the order they were asked for, so that a save typed
// just before a clear (the form saved and closed) cannot land after it and bring the draft back.
const queues = new Map<string, Promise<void>>();

function inTurn(db: CoorieDb, key: string, step: () => Promise<void>): Promise<void> {
  const queueKey = `${db.name}\u0000${key}`;
  const next = (queues.get(queueKey) ?? Promise.resolve()).then(step, step);
  const settled = next.catch(() => undefined);
  queues.set(queueKey, settled);
  void settled.then(() => {
    if (queues.get(queueKey) === settled) queues.delete(queueKey);
  });
  return next;
}

export function saveDraft(db: CoorieDb, key: string, value: unknown): Promise<void> {
  return inTurn(db, key, async () => {
    const deviceKey = await getMeta(db, 'deviceKey');
    let stored = value;
    if (deviceKey) {
      const { sealerFor } = await import('./sealing.ts');
      stored = await (await sealerFor(deviceKey)).seal(draftPlace(key), value);
    }
    await db.drafts.put({ key, value: stored, updatedAt: Date.now() });
  });
}

/** The draft, or undefined when there is none or it cannot be opened (locked, or altered). */
export async function loadDraft<T>(db: CoorieDb, key: string): Promise<T | undefined> {
  return openDraft<T>(key, (await db.drafts.get(key))?.value);
}

async function openDraft<T>(key: string, value: unknown): Promise<T | undefined> {
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

export function clearDraft(db: CoorieDb, key: string): Promise<void> {
  return inTurn(db, key, async () => {
    await db.drafts.delete(key);
  });
}

/**
 * Every draft whose key starts with `prefix` that can be read now (opened while unlocked), newest first (Today
 * looks for urgent notes left unsaved).
 */
export async function listDrafts<T>(
  db: CoorieDb,
  prefix: string,
): Promise<Array<{ key: string; value: T; updatedAt: number }>> {
  const rows = await db.drafts.where('key').startsWith(prefix).toArray();
  const opened = await Promise.all(rows.map((row) => openDraft<T>(row.key, row.value)));
  return rows
    .flatMap((row, index) => {
      const value = opened[index];
      return value === undefined ? [] : [{ key: row.key, value, updatedAt: row.updatedAt }];
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
