// Urgent notes left as drafts on this device: until one is saved nobody else knows of the concern, so Today
// flags each, with the way back to it. Drafts are read through drafts.ts only.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CoorieDb } from './database.ts';
import { listDrafts } from './drafts.ts';
import { useDb } from './hooks.ts';
import { getRecord } from './records.ts';

export interface UrgentDraft {
  key: string;
  /** Where the note form with this draft opens. */
  path: string;
  updatedAt: number;
}

/**
 * Where a note draft's form is, from its key (NewNoteScreen: `note:person:<person>:<visit or session or ''>`,
 * QuickRoundScreen: `note:session:<session>:<person>`); undefined for a key of neither shape.
 */
async function notePath(db: CoorieDb, key: string): Promise<string | undefined> {
  const [, where, first = '', second = ''] = key.split(':');
  if (!first) return undefined;
  if (where === 'session') {
    return `/sessions/${encodeURIComponent(first)}/notes?person=${encodeURIComponent(second)}`;
  }
  if (where !== 'person') return undefined;
  const path = `/people/${encodeURIComponent(first)}/notes/new`;
  if (!second) return path;
  const visit = await getRecord(db, 'visit', second);
  return `${path}?${visit ? 'visit' : 'session'}=${encodeURIComponent(second)}`;
}

export async function urgentNoteDrafts(db: CoorieDb): Promise<UrgentDraft[]> {
  const drafts = await listDrafts<{ concern?: unknown }>(db, 'note:');
  const urgent: UrgentDraft[] = [];
  for (const draft of drafts) {
    if (draft.value?.concern !== 'urgent') continue;
    const path = await notePath(db, draft.key);
    if (path) urgent.push({ key: draft.key, path, updatedAt: draft.updatedAt });
  }
  return urgent;
}

/** This device's urgent note drafts, newest first; undefined while loading. */
export function useUrgentNoteDrafts(): UrgentDraft[] | undefined {
  const db = useDb();
  return useLiveQuery(() => urgentNoteDrafts(db), [db]);
}
