// The page half of the sync benchmark (bench/syncBrowser.ts): the app's own code, bundled by syncBrowser.ts and
// run on the app's origin beside the app, on a connection of its own to the app's database.
//   - prepare and queue: changes written through saveRecord, as the forms write them: each row sealed at rest
//     for the device key and its outbox entry sealed for the server's key (the keys the app keeps in `meta`),
//     sealed first, then written;
//   - counts: the rows of each kind the device holds, and the entries waiting in its outbox; outboxEmptyAt: when
//     the outbox was first seen empty, watched while a push is timed;
//   - bulkPut: the raw baseline, Dexie's bulkPut of the very rows the first pull stored (derived keys included)
//     into a fresh database of the app's schema, a table at a time, timed; three times, each into a database of
//     its own, as the same puts of the same rows took from 0.84 to 1.19 s at 10k on a quiet machine.
import { Dexie } from 'dexie';
import { CoorieDb } from '../src/db/database.ts';
import { getMeta } from '../src/db/meta.ts';
import { saveRecord, sealForWrite, type SealedWrite } from '../src/db/records.ts';
import { KIND_NAMES, type KindName } from '../src/domain/kinds.ts';
import { outboxHolds } from '../src/engine/syncStore.ts';

interface Queued {
  kind: string;
  id: string;
  values: Record<string, unknown>;
}

/** Whether the device has its own key and the server's (so that what is queued is sealed as the app seals it). */
export async function hasKeys(): Promise<boolean> {
  const db = new CoorieDb();
  try {
    const [device, server] = await Promise.all([getMeta(db, 'deviceKey'), getMeta(db, 'serverSealKey')]);
    return device !== undefined && server !== undefined;
  } finally {
    db.close();
  }
}

let prepared: { change: Queued; sealed: SealedWrite | undefined }[] = [];

/** Seals each change's sensitive values for the device key and the server's, as saveRecord would (sealForWrite). */
export async function prepare(changes: Queued[]): Promise<number> {
  const db = new CoorieDb();
  try {
    prepared = [];
    for (const change of changes) {
      const sealed = await sealForWrite(db, change.kind as KindName, change.id, change.values);
      prepared.push({ change, sealed });
    }
    return prepared.length;
  } finally {
    db.close();
  }
}

/** Writes the prepared changes one by one through saveRecord; answers with how many the outbox then holds. */
export async function queue(userId: string): Promise<number> {
  const db = new CoorieDb();
  try {
    for (const { change, sealed } of prepared) {
      await saveRecord(db, change.kind as KindName, change.id, change.values, { userId, sealed });
    }
    prepared = [];
    return await db.outbox.count();
  } finally {
    db.close();
  }
}

export async function counts(): Promise<Record<string, number>> {
  const db = new CoorieDb();
  try {
    const entries = await Promise.all(KIND_NAMES.map(async (kind) => [kind, await db.table(kind).count()] as const));
    return { ...Object.fromEntries(entries), outbox: await db.outbox.count() };
  } finally {
    db.close();
  }
}

/** A push longer than this has failed: the bench stops rather than wait for ever. */
const PUSH_TIMEOUT_MS = 600_000;

/**
 * When the outbox was first seen empty (this machine's clock), looked at every 20 ms on one connection: the end of
 * a push, seen here rather than from the bench script, whose every look is a round trip to the page (a look every
 * 100 ms from there put the end 65 ms late on average, a tenth of a push at 10k). Each look reads one key: a count
 * reads every entry, 5,000 of them at 50k, in a transaction the push's own must wait for.
 */
export async function outboxEmptyAt(): Promise<number> {
  const db = new CoorieDb();
  const end = Date.now() + PUSH_TIMEOUT_MS;
  try {
    while (await outboxHolds(db)) {
      if (Date.now() > end) throw new Error('Gave up waiting: the push');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now();
  } finally {
    db.close();
  }
}

/** Puts `times` times over; answers each time, in order. */
export async function bulkPut(times = 3): Promise<{ ms: number[]; rows: number }> {
  const source = new CoorieDb();
  const tables: [KindName, unknown[]][] = [];
  try {
    for (const kind of KIND_NAMES) tables.push([kind, await source.table(kind).toArray()]);
  } finally {
    source.close();
  }
  const ms: number[] = [];
  for (let time = 0; time < times; time++) {
    const name = `bench-bulkput-${Date.now()}-${time}`;
    const target = new CoorieDb(name);
    await target.open();
    try {
      const start = performance.now();
      for (const [kind, rows] of tables) await target.table(kind).bulkPut(rows);
      ms.push(performance.now() - start);
    } finally {
      target.close();
      await Dexie.delete(name);
    }
  }
  return { ms, rows: tables.reduce((sum, [, rows]) => sum + rows.length, 0) };
}
