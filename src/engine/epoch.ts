// Catching up after a server restore (DESIGN §4, "Epoch"). Every pull answer names the server database's epoch;
// `meta.epoch` is the one this device last caught up with. When a pull brings another, the server was restored
// from a backup: the device pulls from the start (its cursor means nothing to the restored database), and once
// the whole pull is in, queues every field it holds, with its version, to push again. The server's merge keeps
// what it already has at that version or newer, so only what the backup lacked changes anything there.
// `meta.catchUpEpoch` marks a catch-up under way, so that one cut short resumes from its own cursor.
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
  return db.transaction('rw', db.meta, async (): Promise<EpochStep> => {
    const known = await getMeta(db, 'epoch');
    const catchingUp = await getMeta(db, 'catchUpEpoch');
    if (known === undefined && catchingUp === undefined) {
      // The first epoch this device hears of: its data came from this database.
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
