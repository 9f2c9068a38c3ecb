// Changes the server refused. They are kept for ever (nothing a volunteer typed is ever thrown away) and
// listed in Settings with the reason, so a coordinator can see what did not reach the team.
import { useLiveQuery } from 'dexie-react-hooks';
import type { CoorieDb, RejectedChange } from './database.ts';
import { useDb } from './hooks.ts';
import { openRows } from './keyring.ts';

/**
 * Newest first, with the values sealed for the device key opened while unlocked (a refused change keeps the
 * device's copy of each value: src/engine/syncStore.ts); while locked those values are left out.
 */
export async function listRejected(db: CoorieDb): Promise<RejectedChange[]> {
  const changes = await db.rejected.orderBy('seq').reverse().toArray();
  return Promise.all(
    changes.map(async (change) => {
      const [opened] = await openRows(change.kind, [{ ...change.values, id: change.id }]);
      if (!opened) return change;
      const { id: _id, ...values } = opened;
      return { ...change, values };
    }),
  );
}

/** The refused changes, live; `undefined` while loading. */
export function useRejected(): RejectedChange[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listRejected(db), [db]);
}
