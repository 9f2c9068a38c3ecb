// Live-query hooks: React components read the device database only through these, and re-render on change.
import { createContext, useContext } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KIND_INDEXES, KindName } from '../domain/indexes.ts';
import type { CoorieDb, KindRow } from './database.ts';
import { openRow, openRows } from './keyring.ts';
import type { KioskState, LockState, MetaValues, SignedInUser } from './meta.ts';

/** The database the app works on; the launch (src/app/launch.tsx) provides the real one and tests a fresh one each. */
export const DbContext = createContext<CoorieDb | null>(null);

export function useDb(): CoorieDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb needs a <DbContext.Provider> above it');
  return db;
}

/** What decides a launch's first screen, read before its first render (launch.ts). */
export interface LaunchRead {
  user: SignedInUser | null;
  kiosk: KioskState | null;
  lock: LockState;
}

/**
 * What the launch read before its first render; `drawn` once that render is on screen. The app's
 * launch (src/app/launch.tsx) provides it; without it, as in most tests, every live query starts from nothing.
 */
export interface Launch {
  read: LaunchRead;
  drawn: boolean;
}

export const LaunchContext = createContext<Launch | null>(null);

/**
 * A value the launch read, for a live query to start from: only in the launch's first render. A component
 * mounted later reads the database itself, as the value may no longer hold (the kiosk turned on since, say).
 * useLiveQuery keeps the value it was given at mount until its own read answers.
 */
export function useAtLaunch<K extends keyof LaunchRead>(key: K): LaunchRead[K] | undefined {
  const launch = useContext(LaunchContext);
  return launch && !launch.drawn ? launch.read[key] : undefined;
}

/** What a kind's table is indexed on: its id and its KIND_INDEXES. */
export type KindIndex<K extends KindName> = 'id' | (typeof KIND_INDEXES)[K][number];

export interface RecordQuery<K extends KindName> {
  /** An indexed field to sort by (see KINDS[kind].indexes); unsorted (by id) otherwise. */
  orderBy?: (typeof KIND_INDEXES)[K][number];
  reverse?: boolean;
  limit?: number;
}

/** The live (not deleted) records of one kind; `undefined` while the first read is under way. */
export function useRecords<K extends KindName>(kind: K, query: RecordQuery<K> = {}): KindRow<K>[] | undefined {
  const db = useDb();
  const { orderBy, reverse = false, limit } = query;
  return useLiveQuery(async () => {
    const table = db.records(kind);
    let collection = orderBy ? table.orderBy(orderBy) : table.toCollection();
    if (reverse) collection = collection.reverse();
    collection = collection.filter((row) => row.deleted !== true);
    if (limit !== undefined) collection = collection.limit(limit);
    return openRows(kind, await collection.toArray());
  }, [db, kind, orderBy, reverse, limit]);
}

/** A meta value: `undefined` while loading (or `ahead`, when it was read ahead), `null` when it has never been set. */
export function useMeta<K extends keyof MetaValues>(
  key: K,
  ahead?: MetaValues[K] | null,
): MetaValues[K] | null | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => {
      const entry = await db.meta.get(key);
      return entry ? (entry.value as MetaValues[K]) : null;
    },
    [db, key],
    ahead,
  );
}

/** How many local changes wait to be pushed; `undefined` while loading. */
export function useOutboxCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => db.outbox.count(), [db]);
}

/** One live record: `undefined` while loading, `null` when there is none (or it was deleted). */
export function useRecord<K extends KindName>(kind: K, id: string | undefined): KindRow<K> | null | undefined {
  const db = useDb();
  const result = useLiveQuery(async () => {
    const row = id ? await db.records(kind).get(id) : undefined;
    return { kind, id, row: row && row.deleted !== true ? ((await openRow(kind, row)) ?? null) : null };
  }, [db, kind, id]);
  // As with useRecordsWhere: the answer for another record is no answer for this one.
  return result?.kind === kind && result.id === id ? result.row : undefined;
}

/** Live records of one kind whose indexed field is one of `values` (check-ins of a course, outreach of a session). */
export function useRecordsWhere<K extends KindName>(
  kind: K,
  index: KindIndex<K>,
  values: readonly string[],
): KindRow<K>[] | undefined {
  const db = useDb();
  const key = values.join('\u0000');
  const result = useLiveQuery(async () => {
    const wanted = key ? key.split('\u0000') : [];
    if (wanted.length === 0) return { key, rows: [] };
    const rows = await db.records(kind).where(index).anyOf(wanted).toArray();
    return {
      key,
      rows: await openRows(
        kind,
        rows.filter((row) => row.deleted !== true),
      ),
    };
  }, [db, kind, index, key]);
  // When the values change, the hook still holds the rows of the old ones until the new read answers: those are
  // not the rows asked for, so say "loading" rather than show them.
  return result?.key === key ? result.rows : undefined;
}
