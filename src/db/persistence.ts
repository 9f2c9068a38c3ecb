// Asks the browser to keep Coorie's data when space runs low, and remembers the answer for Settings.
import type { CoorieDb } from './database.ts';
import { getMeta, setMeta, type MetaValues } from './meta.ts';

export async function requestPersistence(db: CoorieDb): Promise<MetaValues['persisted']> {
  // persist() is a window-only API, absent from the worker's types; this module is shared with the worker.
  const storage: (StorageManager & { persist?: () => Promise<boolean> }) | undefined =
    typeof navigator === 'undefined' ? undefined : navigator.storage;
  let outcome: MetaValues['persisted'] = 'unsupported';
  if (storage && typeof storage.persist === 'function') {
    try {
      // persisted() first: asking again when already granted is harmless but can prompt in some browsers.
      const granted =
        (typeof storage.persisted === 'function' && (await storage.persisted())) || (await storage.persist());
      outcome = granted ? 'granted' : 'denied';
    } catch {
      outcome = 'denied';
    }
  }
  // Written only when it changed: this runs as Today first draws after every unlock, and each write to meta has
  // every screen's reading of meta run again.
  if ((await getMeta(db, 'persisted')) !== outcome) await setMeta(db, 'persisted', outcome);
  return outcome;
}
