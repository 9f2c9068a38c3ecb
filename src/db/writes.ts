// How many times some tables of the device databases have been written to, by this page, another tab or the service
// worker: Dexie tells every context of each committed write, before the writer's await returns. Something read
// when the count was N is still right while it is N, so a screen may keep it rather than read it again. One count
// for every database: a write to another (another account's, a test's) only costs a read again.
import { Dexie } from 'dexie';

export interface WriteCount {
  /** Writes to the tables so far. */
  seen(): number;
  /** Calls `listener` after each write to the tables (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
}

/** Counts the writes to these tables (`note|noteConcerns`). */
export function writeCount(tables: string): WriteCount {
  const part = new RegExp(`^idb://.+/(${tables})/`);
  let count = 0;
  const listeners = new Set<() => void>();
  Dexie.on('storagemutated', (parts) => {
    // `all`: a page back from the browser's back-forward cache, where anything may have changed meanwhile.
    if (!Object.keys(parts).some((key) => key === 'all' || part.test(key))) return;
    count++;
    listeners.forEach((listener) => listener());
  });
  return {
    seen: () => count,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
