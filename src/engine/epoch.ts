// Catching up after a server restore (DESIGN §4, "Epoch"). Every pull answer names the server database's epoch;
// `meta.epoch` is the one this device last caught up with. When a pull brings another, the server was restored
// from a backup: the device pulls from the start (its cursor means nothing to the restored database), and once
// the whole pull is in, queues every field it holds, with its version, to push again. The server's merge keeps
// what it already has at that version or newer, so only what the backup lacked changes anything there.
// `meta.catchUpEpoch` marks a catch-up under way, so that one cut short resumes from its own cursor.
//
// A device with no epoch recorded hears one for the first time. A new device takes it as its own: from the
// answer to its first push (the database that took what it pushed) or, having pushed nothing, from its first
// pull. One that already holds synced data (it last synced before the server had epochs, under an older app)
// cannot tell whether the server was restored since: it may hold what a restore lost. So it catches up once, as
// after a restore; re-pushing what the server already has changes nothing there, since the merge keeps the newer
// version of each field.
import type { CoorieDb, OutboxEntry } from '../db/database.ts';
import { deleteMeta, getMeta, setMeta } from '../db/meta.ts';
import { rowToRecord } from '../db/clock.ts';
import { KIND_NAMES } from '../domain/indexes.ts';
import type { Values, Versions } from '../sync/merge.ts';

/** What a pull page's epoch means for the pull under way. */
export type EpochStep =
  /** Carry on as usual. */
  | 'same'
  /** A restore: the page was pulled from an old cursor; drop it and pull again from the start. */
  | 'restart'
  /** A restore, noticed on a page pulled from the start: apply it and carry on. */
  | 'catching-up';

/**
 * Reads a pulled page's epoch against the device's. Starting a catch-up forgets the cursor and marks the sync
 * state, in one transaction.
 */
export async function observeEpoch(db: CoorieDb, epoch: string | undefined, fromStart: boolean): Promise<EpochStep> {
  if (epoch === undefined) return 'same'; // a server from before epochs
  const tables = [db.meta, ...KIND_NAMES.map((kind) => db.records(kind))];
  return db.transaction('rw', tables, async (): Promise<EpochStep> => {
    const known = await getMeta(db, 'epoch');
    const catchingUp = await getMeta(db, 'catchUpEpoch');
    if (known === undefined && catchingUp === undefined && !(await holdsSyncedData(db))) {
      // A new device: the first epoch it hears of is the database its data comes from.
      await setMeta(db, 'epoch', epoch);
      return 'same';
    }
    if (epoch === known && catchingUp === undefined) return 'same';
    if (epoch === catchingUp) return 'catching-up';
    await setMeta(db, 'catchUpEpoch', epoch);
    await deleteMeta(db, 'cursor');
    const sync = (await getMeta(db, 'sync')) ?? { phase: 'pulling' as const };
    await setMeta(db, 'sync', { ...sync, catchingUp: true, downloaded: 0, total: undefined });
    return fromStart ? 'catching-up' : 'restart';
  });
}

/** Whether the device has pulled or finished a sync before: it keeps a cursor, or the time of its last sync. */
async function hasSynced(db: CoorieDb): Promise<boolean> {
  return (await getMeta(db, 'cursor')) !== undefined || (await getMeta(db, 'sync'))?.lastSuccess !== undefined;
}

/**
 * Whether a device with no epoch recorded holds data a server took before it had one (or before a restore):
 * it has synced before, or holds any record. A new device's own records took the epoch when it pushed them
 * (`observePushEpoch`), so only what it wrote while this sync ran (after its push) can make it catch up needlessly.
 */
async function holdsSyncedData(db: CoorieDb): Promise<boolean> {
  if (await hasSynced(db)) return true;
  for (const kind of KIND_NAMES) {
    if ((await db.records(kind).limit(1).count()) > 0) return true;
  }
  return false;
}

/**
 * A push answer's epoch. A new device (it has never pulled or finished a sync) with no epoch takes it as its
 * own: the records it just pushed are in that database. Anything else is left to the pull, which notices a restore
 * and, for a device that synced before it knew of epochs, catches up.
 */
export async function observePushEpoch(db: CoorieDb, epoch: string | undefined): Promise<void> {
  if (epoch === undefined) return;
  await db.transaction('rw', db.meta, async () => {
    if ((await getMeta(db, 'epoch')) !== undefined || (await getMeta(db, 'catchUpEpoch')) !== undefined) return;
    if ((await getMeta(db, 'signedOut')) !== undefined || (await hasSynced(db))) return;
    await setMeta(db, 'epoch', epoch);
  });
}

/**
 * Ends a catch-up once its pull is complete: queues every record the device holds to push again, and takes the
 * new epoch as its own, in one transaction (cut short, the next sync pulls again and queues again). Notes go back
 * only from their author's device: the server takes whoever first pushes a note it lacks as its author, and a
 * coordinator's device, which holds others' private notes, must not become their author. Returns how many
 * records were queued; nothing if no catch-up was under way.
 */
export async function finishCatchUp(db: CoorieDb): Promise<number> {
  return db.transaction('rw', [db.meta, db.outbox, ...KIND_NAMES.map((kind) => db.records(kind))], async () => {
    const epoch = await getMeta(db, 'catchUpEpoch');
    if (epoch === undefined) return 0;
    const me = (await getMeta(db, 'user'))?.id;
    let queued = 0;
    for (const kind of KIND_NAMES) {
      const entries: OutboxEntry[] = [];
      await db.records(kind).each((row) => {
        const record = rowToRecord(row);
        if (kind === 'note' && typeof record.values.createdBy === 'string' && record.values.createdBy !== me) return;
        const versions: Versions = {};
        const values: Values = {};
        for (const [field, version] of Object.entries(record.versions)) {
          // Only the server marks a record erased; an erased record is purged, never held.
          if (field === 'erased') continue;
          versions[field] = version;
          values[field] = record.values[field];
        }
        if (Object.keys(versions).length > 0) entries.push({ kind, id: row.id, values, versions });
      });
      if (entries.length > 0) await db.outbox.bulkAdd(entries);
      queued += entries.length;
    }
    await setMeta(db, 'epoch', epoch);
    await deleteMeta(db, 'catchUpEpoch');
    // What was queued holds the rows' values, sealed for the device key: the page re-seals them for the server
    // at its next unlock (db/sealAtRest.ts), which this asks for.
    const progress = await getMeta(db, 'sealProgress');
    if (queued > 0 && progress) await setMeta(db, 'sealProgress', { ...progress, finished: false });
    return queued;
  });
}
