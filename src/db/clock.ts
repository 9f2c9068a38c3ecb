// The device's hybrid logical clock in the database, and the row/record shapes: what both a local write
// and the sync engine (in the page or the service worker) need. No dynamic imports here: the worker is a
// classic script.
import { newClock, randomNodeId, receive, tick, type ClockState } from '../sync/hlc.ts';
import type { VersionedRecord } from '../sync/merge.ts';
import type { CoorieDb, Row } from './database.ts';
import { derivedKeys } from './derived.ts';
import { getMeta, setMeta } from './meta.ts';

export function rowToRecord(row: Row): VersionedRecord {
  const { _v: versions, _i: _derived, ...values } = row;
  return { values, versions };
}

/** The row a table holds for a record: its fields, its versions and the keys derived for its indexes. */
export function recordToRow(id: string, record: VersionedRecord): Row {
  const { _i: _derived, ...values } = record.values;
  const keys = derivedKeys(values);
  return keys ? { ...values, id, _v: record.versions, _i: keys } : { ...values, id, _v: record.versions };
}

async function loadClock(db: CoorieDb): Promise<ClockState> {
  return (await getMeta(db, 'clock')) ?? newClock(randomNodeId());
}

/** The device's wall clock corrected by what the server told it. */
export async function correctedNow(db: CoorieDb, wallClock: () => number = db.now): Promise<number> {
  return wallClock() + ((await getMeta(db, 'serverOffset')) ?? 0);
}

/** Issues one version per field from the device clock and stores the advanced clock. Call inside a transaction. */
export async function stampVersions(
  db: CoorieDb,
  fields: string[],
  wallClock: () => number = db.now,
): Promise<Record<string, string>> {
  // Both read at once: inside a transaction, one round trip rather than two.
  const [stored, now] = await Promise.all([loadClock(db), correctedNow(db, wallClock)]);
  let clock = stored;
  const versions: Record<string, string> = {};
  for (const field of fields) {
    const next = tick(clock, now);
    clock = next.state;
    versions[field] = next.version;
  }
  await setMeta(db, 'clock', clock);
  return versions;
}

/** Moves the device clock past versions it has received. Call inside a transaction. */
export async function observeVersions(
  db: CoorieDb,
  versions: Iterable<string>,
  wallClock: () => number = db.now,
): Promise<void> {
  const [stored, now] = await Promise.all([loadClock(db), correctedNow(db, wallClock)]);
  let clock = stored;
  for (const version of versions) clock = receive(clock, version, now);
  await setMeta(db, 'clock', clock);
}
