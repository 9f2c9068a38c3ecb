// Hands the page's sync controls to the components that need them; absent in component tests, so nothing syncs there.
import { createContext, useContext, useEffect } from 'react';
import type { PageSync } from './pageSync.ts';

export const SyncContext = createContext<PageSync | null>(null);

export function usePageSync(): PageSync | null {
  return useContext(SyncContext);
}

/** Keeps the automatic sync triggers running while the component that calls it (the signed-in shell) is shown. */
export function useAutoSync(): void {
  const sync = usePageSync();
  useEffect(() => sync?.start(), [sync]);
}
