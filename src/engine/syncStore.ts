// The sync engine's reads and writes of the device database: each step that must be atomic is one transaction.
import { isKindName, type KindName } from '../domain/indexes.ts';
import {
  coalesce,
  DEFAULT_BATCH_LIMITS,
  toBatches,
  type CoalescedChange,
  type PendingBatch,
} from '../sync/coalesce.ts';
import { newClock, randomNodeId } from '../sync/hlc.ts';
import { maxVersion, merge, type Values, type VersionedRecord } from '../sync/merge.ts';
import { MAX_CLOCK_AHEAD_MS, type ChangeResult, type Change, type RecordRef } from '../sync/protocol.ts';
import { Dexie, type Table } from 'dexie';
import type { CoorieDb, RejectedChange, Row } from '../db/database.ts';
import { deleteMeta, getMeta, setMeta, type SentBatch, type SyncState } from '../db/meta.ts';
import { correctedNow, observeVersions, rowToRecord, recordToRow, stampVersions } from '../db/clock.ts';
import { currentOpener } from '../db/keyring.ts';
import { hasPlainSensitive, isSealed, sealerFor, sealRecords, type PublicSealKey } from '../db/sealing.ts';
import { sealPlace, sensitiveFields } from '../domain/sensitive.ts';

/** How many outbox entries a window holds at most: a record's entries within one coalesce into one change. */
const OUTBOX_READ = 5_000;

/**
 * The first window holds two batches' worth: both leave at once, rather than once the whole of a long outbox has
 * been read (5,000 entries took a quarter of a second on a tablet while the server waited), and the next window
 * is read while they are on their way.
 */
const FIRST_OUTBOX_READ = 2 * DEFAULT_BATCH_LIMITS.maxChanges;

/**
 * Thrown inside a sync step's transaction (which it aborts) when the device was wiped and signed out while the
 * run was under way: nothing the server sent afterwards may land on it.
 */
export class DeviceSignedOutError extends Error {
  constructor() {
    super('This device was signed out during the sync');
    this.name = 'DeviceSignedOutError';
  }
}

async function refuseIfSignedOut(db: CoorieDb): Promise<void> {
  if ((await getMeta(db, 'signedOut')) !== undefined) throw new DeviceSignedOutError();
}

/** The device's node id, made and stored on first use; it names the device in push requests. */
export async function deviceNodeId(db: CoorieDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const clock = await getMeta(db, 'clock');
    if (clock) return clock.node;
    const fresh = newClock(randomNodeId());
    await setMeta(db, 'clock', fresh);
    return fresh.node;
  });
}

/** Whether every sealed value of a change is sealed for the server's key (plain values the server takes too). */
export function readableByServer(kind: string, values: Values, serverKeyId: string | undefined): boolean {
  return sensitiveFields(kind).every((field) => {
    const value = values[field];
    return !isSealed(value) || value.k === serverKeyId;
  });
}

/** Hands out push batches: see outboxReader. */
export interface OutboxReader {
  /** The batch to push next, or undefined once the outbox holds nothing this reader has not handed out. */
  next(): Promise<PendingBatch | undefined>;
  /**
   * Hands `batch`'s changes out again next, under a new id (the server holds another batch under its id): the
   * batch stops awaiting an answer.
   */
  again(batch: PendingBatch): Promise<void>;
}

/**
 * Batches for one push run, read from the outbox with one cursor. First the batches still awaiting an answer
 * (`pendingBatches`), oldest first, so that a retry after a lost response is the same batch under the same id;
 * then fresh ones, each kept among the pending batches as it is handed out (settlePush forgets it). A fresh
 * batch comes from a window of the outbox read once, coalesced and split into batches; the next window starts
 * after the last entry read. Each entry is read once however long the outbox, rather than re-reading its head
 * for every batch. Writes made during the run land after the window and go in a later batch; entries that went
 * while their batch waited (the record purged after an erasure) are left out of it.
 */
export function outboxReader(db: CoorieDb, nodeId: string): OutboxReader {
  let after = 0;
  let windowSize = FIRST_OUTBOX_READ;
  let queue: CoalescedChange[][] = [];
  /** The pending batches this reader has handed out already. */
  const handedOut = new Set<string>();
  const fresh = (items: CoalescedChange[]): PendingBatch => ({ batchId: `${nodeId}-${crypto.randomUUID()}`, items });
  const next = () =>
    db.transaction('rw', [db.outbox, db.meta], async (): Promise<PendingBatch | undefined> => {
      let pending = await pendingBatches(db);
      for (const waiting of pending.filter((sent) => !handedOut.has(sent.batchId))) {
        handedOut.add(waiting.batchId);
        const found = await db.outbox.bulkGet(waiting.seqs);
        const entries = found.flatMap((entry) => (entry?.seq === undefined ? [] : [{ ...entry, seq: entry.seq }]));
        // Made again from the same entries, the batch is the same changes in the same order (coalesce).
        if (entries.length === waiting.seqs.length) return { batchId: waiting.batchId, items: coalesce(entries) };
        // Some went meanwhile (the record purged after an erasure): the rest are other changes, under a new id.
        pending = pending.filter((sent) => sent.batchId !== waiting.batchId);
        if (entries.length === 0) {
          await keepPending(db, pending);
          continue;
        }
        const batch = fresh(coalesce(entries));
        await keepPending(db, [...pending, sentOf(batch)]);
        handedOut.add(batch.batchId);
        return batch;
      }
      const serverKeyId = (await getMeta(db, 'serverSealKey'))?.keyId;
      for (;;) {
        if (queue.length === 0) {
          const entries = await db.outbox.where('seq').above(after).limit(windowSize).toArray();
          windowSize = OUTBOX_READ;
          const read = entries.flatMap((entry) => (entry.seq === undefined ? [] : [{ ...entry, seq: entry.seq }]));
          const last = read.at(-1);
          if (!last) return undefined;
          after = last.seq;
          // Entries of a batch still awaiting its answer are in that batch already. Values still sealed for the
          // device key (written before the server's key was known) wait for the page to re-seal them for the
          // server (src/db/sealAtRest.ts): the server could not open them.
          const sent = new Set(pending.flatMap((batch) => batch.seqs));
          const queued = read.filter(
            (entry) => !sent.has(entry.seq) && readableByServer(entry.kind, entry.values, serverKeyId),
          );
          if (queued.length === 0) continue;
          queue = toBatches(coalesce(queued));
        }
        const items = queue.shift() ?? [];
        const seqs = items.flatMap((item) => item.seqs);
        const present = await outboxKeysAmong(db, seqs);
        const kept = items.filter((item) => item.seqs.every((seq) => present.has(seq)));
        if (kept.length === 0) continue;
        const batch = fresh(kept);
        await keepPending(db, [...pending, sentOf(batch)]);
        handedOut.add(batch.batchId);
        return batch;
      }
    });
  return {
    next,
    async again(batch) {
      await forgetPendingBatch(db, batch.batchId);
      queue.unshift(batch.items);
    },
  };
}

/** A batch as `pendingBatches` keeps it: its id, and the outbox entries it was made of. */
const sentOf = (batch: PendingBatch): SentBatch => ({
  batchId: batch.batchId,
  // In the order they were written, as coalesce first took them.
  seqs: batch.items.flatMap((item) => item.seqs).sort((a, b) => a - b),
});

/**
 * The push batches awaiting the server's answer, oldest first, by their ids and outbox entries: the entries stay
 * in the outbox until their answer is settled, and the batch is made from them again for a retry, so that a
 * batch's changes are written to the device once, not a second time beside the outbox. A batch left by an older
 * version of Coorie, kept whole under `pendingBatch`, comes first. Call inside a transaction on `meta`.
 */
async function pendingBatches(db: CoorieDb): Promise<SentBatch[]> {
  const list = (await getMeta(db, 'pendingBatches')) ?? [];
  const older = await getMeta(db, 'pendingBatch');
  if (!older) return list;
  const moved = [sentOf(older), ...list.filter((batch) => batch.batchId !== older.batchId)];
  await keepPending(db, moved);
  await deleteMeta(db, 'pendingBatch');
  return moved;
}

async function keepPending(db: CoorieDb, pending: SentBatch[]): Promise<void> {
  if (pending.length === 0) await deleteMeta(db, 'pendingBatches');
  else await setMeta(db, 'pendingBatches', pending);
}

/** Stops `batchId` awaiting an answer: the server has answered for it, or holds other changes under its id. */
async function forgetPendingBatch(db: CoorieDb, batchId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const pending = await pendingBatches(db);
    const left = pending.filter((batch) => batch.batchId !== batchId);
    if (left.length < pending.length) await keepPending(db, left);
  });
}

/**
 * Which of `seqs` the outbox still holds: the keys of the span they cover, in one read of keys only (a request per
 * seq, as `anyOf` makes, costs more than the span's few extra keys).
 */
async function outboxKeysAmong(db: CoorieDb, seqs: number[]): Promise<Set<number>> {
  if (seqs.length === 0) return new Set();
  let [lowest, highest] = [Infinity, -Infinity];
  for (const seq of seqs) [lowest, highest] = [Math.min(lowest, seq), Math.max(highest, seq)];
  const keys = await db.outbox.where('seq').between(lowest, highest, true, true).primaryKeys();
  return new Set(keys.filter((key): key is number => key !== undefined));
}

/** A range delete costs two requests (Dexie counts the range first): shorter runs go with the single seqs. */
const MIN_RANGE_DELETE = 3;

/**
 * Deletes these outbox entries with one request for each run of consecutive seqs (a batch read from an outbox
 * written in order is one or two runs) rather than one request per entry, which cost a tablet some 170 ms a batch
 * of 500 (npm run bench). A range of consecutive whole numbers holds no key but theirs. The seqs of short runs go
 * together in one bulk delete.
 */
export async function deleteOutboxEntries(db: CoorieDb, seqs: number[]): Promise<void> {
  const runs: number[][] = [];
  for (const seq of [...new Set(seqs)].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === seq - 1) run.push(seq);
    else runs.push([seq]);
  }
  const single: number[] = [];
  for (const run of runs) {
    const [first, last] = [run[0], run.at(-1)];
    if (first === undefined || last === undefined || run.length < MIN_RANGE_DELETE) single.push(...run);
    else await db.outbox.where('seq').between(first, last, true, true).delete();
  }
  if (single.length > 0) await db.outbox.bulkDelete(single);
}

export interface PushSettlement {
  accepted: number;
  refused: number;
  /** Changes refused as `clock_ahead`, re-stamped and queued again. */
  restamped: number;
}

/**
 * Takes the server's answer for a batch, in one transaction so that an answer is never half-applied:
 * answered outbox entries go (only those sent: later writes to the same records stay queued), refused
 * changes move to `rejected`, and changes whose versions were too far ahead are re-stamped and queued again.
 */
export async function settlePush(
  db: CoorieDb,
  batch: PendingBatch,
  results: ChangeResult[],
  serverOffset: number,
  wallClock: () => number,
): Promise<PushSettlement> {
  if (results.length !== batch.items.length) throw new Error('the server answered for a different number of changes');
  return db.transaction('rw', db.allTables(), async () => {
    await refuseIfSignedOut(db);
    await setMeta(db, 'serverOffset', serverOffset);
    const settlement: PushSettlement = { accepted: 0, refused: 0, restamped: 0 };
    const ahead: CoalescedChange[] = [];
    // Every entry sent was answered for.
    const sent = batch.items.flatMap((item) => item.seqs);
    await deleteOutboxEntries(db, sent);
    const refused: RejectedChange[] = [];
    for (const [index, item] of batch.items.entries()) {
      const result = results[index];
      if (!result) continue;
      if (result.status !== 'rejected') settlement.accepted++;
      else if (result.code === 'clock_ahead') ahead.push(item);
      else if (result.code === 'erased') {
        // The person was erased on request: nothing about them may stay on this device, not even the refusal.
        await purgeRecord(db, item.change.kind, item.change.id);
      } else {
        settlement.refused++;
        const { kind, id, versions } = item.change;
        const values = await deviceReadable(db, kind, id, item.change.values, versions);
        const code = result.code ?? 'refused';
        refused.push({ kind, id, values, versions, code, message: result.message ?? code, at: wallClock() });
      }
    }
    if (refused.length > 0) await db.rejected.bulkAdd(refused);
    if (ahead.length > 0) await pullClockBack(db, wallClock);
    for (const item of ahead) if (await restamp(db, item.change, wallClock)) settlement.restamped++;
    await forgetPendingBatch(db, batch.batchId);
    return settlement;
  });
}

/**
 * A refused change's values as the device can read them again: a value sealed for the server is replaced by
 * the row's copy (sealed for the device key) when the row still holds that same version of it, and left out
 * otherwise (a later edit replaced it; that edit is queued or already sent).
 */
async function deviceReadable(
  db: CoorieDb,
  kind: string,
  id: string,
  values: Values,
  versions: Values,
): Promise<Values> {
  const fields = sensitiveFields(kind).filter((field) => isSealed(values[field]));
  if (fields.length === 0 || !isKindName(kind)) return values;
  const row = (await db.records(kind).get(id)) as Row | undefined;
  const kept: Values = { ...values };
  for (const field of fields) {
    if (row && row._v[field] === versions[field] && row[field] !== undefined) kept[field] = row[field];
    else delete kept[field];
  }
  return kept;
}

/**
 * A device whose date was wrong has pushed its clock too far ahead for the server. Once the server's offset
 * is known, bring the clock back to the corrected time, or every later edit would still be refused (and, had
 * the server taken them, would win every merge for ever). Only the device's own refused stamps lie beyond
 * the limit: versions accepted from elsewhere are within it, so the clock never goes back past them.
 */
async function pullClockBack(db: CoorieDb, wallClock: () => number): Promise<void> {
  const clock = await getMeta(db, 'clock');
  const now = await correctedNow(db, wallClock);
  if (clock && clock.millis > now + MAX_CLOCK_AHEAD_MS)
    await setMeta(db, 'clock', { ...clock, millis: now, counter: 0 });
}

/**
 * Gives the fields of a refused change new versions from the corrected clock, on the row and in the outbox.
 * Fields written again since (their version on the row differs) are left alone: that later write is queued.
 */
async function restamp(db: CoorieDb, change: Change, wallClock: () => number): Promise<boolean> {
  if (!isKindName(change.kind)) return false;
  const table = db.records(change.kind);
  const row = await table.get(change.id);
  if (!row) return false;
  const fields = Object.keys(change.versions).filter((field) => row._v[field] === change.versions[field]);
  if (fields.length === 0) return false;
  const versions = await stampVersions(db, fields, wallClock);
  const values: Values = {};
  for (const field of fields) values[field] = change.values[field];
  // A plain overwrite, not a merge: the new versions are lower than the refused ones they replace.
  await table.put({ ...row, _v: { ...row._v, ...versions } });
  await db.outbox.add({ kind: change.kind, id: change.id, values, versions });
  return true;
}

export interface PullProgress {
  downloaded: number;
  total?: number;
}

/**
 * Removes every trace of a record from the device: its row, queued changes and refused changes, and for a
 * person the drafts of forms about them (their keys name the person: `person:<id>:edit`, `note:person:<id>:…`).
 */
async function purgeRecord(db: CoorieDb, kind: string, id: string): Promise<void> {
  if (isKindName(kind)) await db.records(kind).delete(id);
  await db.outbox.where('[kind+id]').equals([kind, id]).delete();
  await db.rejected.where('[kind+id]').equals([kind, id]).delete();
  if (kind === 'attendee') await db.drafts.filter((draft) => draft.key.split(':').includes(id)).delete();
}

/** Whether any change holds a sensitive value still in clear: pages sealed ahead hold none. */
function hasPlainSensitiveValues(changes: Change[]): boolean {
  return changes.some((change) => hasPlainSensitive(change.kind, change.values));
}

/**
 * A page's changes sealed for `deviceKey` (read by the caller), so that the engine can seal the next page while it
 * stores one. applyPullPages seals what is still plain, and refuses a page holding a value sealed for a key the
 * device no longer holds.
 */
export async function sealPulledFor(changes: Change[], deviceKey: PublicSealKey | undefined): Promise<Change[]> {
  if (!deviceKey || !hasPlainSensitiveValues(changes)) return changes;
  const sealed = await sealRecords(changes, await sealerFor(deviceKey));
  learnConcerns(changes, sealed);
  return sealed;
}

/**
 * Tells the key this page holds (while unlocked) what the notes' concerns just sealed for it hold, from the plain
 * values the server sent: Today reads every note's concern, and after a first download of thousands of notes it
 * would otherwise open each one again, one decryption a note, before it could draw. Only in memory, as the
 * plain values already were; a worker, or a locked page, holds no key and learns nothing.
 */
function learnConcerns(plain: readonly Change[], sealed: readonly Change[]): void {
  const opener = currentOpener();
  if (!opener) return;
  plain.forEach((change, index) => {
    const value = change.values.concern;
    const kept = sealed[index]?.values.concern;
    if (change.kind !== 'note' || value === undefined || isSealed(value) || !isSealed(kept)) return;
    opener.learn(sealPlace('note', change.id, 'concern'), kept, value);
  });
}

/** Thrown (aborting the page's transaction) when a page sealed ahead was sealed for a key since replaced. */
export class SealedForAnotherKeyError extends Error {
  constructor() {
    super('A pulled page was sealed for a key this device no longer holds');
    this.name = 'SealedForAnotherKeyError';
  }
}

function sealedForAnotherKey(changes: Change[], deviceKeyId: string | undefined): boolean {
  return changes.some((change) =>
    sensitiveFields(change.kind).some((field) => {
      const value = change.values[field];
      return isSealed(value) && value.k !== deviceKeyId;
    }),
  );
}

/**
 * The tables a pulled page may write: those of its kinds (changed or purged), and the outbox, refused changes,
 * drafts and meta (a purge, the cursor, the clock). Not every table: the page's transaction then leaves the
 * others free for the app's reads meanwhile, and costs the browser less to start.
 */
function pageTables(db: CoorieDb, pages: readonly { changes: Change[]; purge?: RecordRef[] }[]): Table[] {
  const kinds = new Set<KindName>();
  for (const page of pages) {
    for (const { kind } of page.changes) if (isKindName(kind)) kinds.add(kind);
    for (const { kind } of page.purge ?? []) if (isKindName(kind)) kinds.add(kind);
  }
  return [...[...kinds].map((kind) => db.records(kind)), db.outbox, db.rejected, db.drafts, db.meta];
}

/**
 * Reading the keys of a table's rows in a range costs far less per row than reading one row by its id (one
 * request for them all rather than one each); a page reads the keys instead when the range holds at most this
 * many rows for each of its ids.
 */
const KEYS_PER_ID_READ = 8;

/**
 * Counting the rows in a page's span costs a little for every row of a large table: a table found too full for
 * reading its keys is counted again only after this many more pages (the count serves speed, not correctness).
 */
const PAGES_BEFORE_RECOUNT = 15;
const recountIn = new WeakMap<object, number>();

/**
 * What one pull run has learnt of the tables it stores into, so that a first sync looks nothing up: for each kind
 * whose table held no rows when the run first stored into it, the ids the run has stored there since. Such a
 * table holds only those and the rows written on the device during the run, which adding a record as new finds.
 * `false`: the table held rows at first sight. Kept for one run only (applyPullPages is told it by pullWith). It may
 * also name ids that a transaction undone was to store (pullWith stores those pages again): looked up, they are
 * not found, and are added as new.
 */
export type PullMemory = Map<KindName, Set<string> | false>;

/**
 * Whether this run has learnt each table `pages` store into (storing them then reads nothing before writing, where
 * learning a table would read it, and wait for any transaction under way).
 */
export function knowsTablesOf(memory: PullMemory, pages: readonly PulledPage[]): boolean {
  return pages.every((page) => page.changes.every((change) => !isKindName(change.kind) || memory.has(change.kind)));
}

/** What storedRecords found of a table's ids: the records stored, and whether they are all that is stored. */
interface Stored {
  current: Map<string, VersionedRecord | undefined>;
  /**
   * False where the table may hold more of the ids than `current` has: they were not looked up (too many rows in
   * their span to read its keys, and reading each id costs about as much as writing it), or only those this run
   * stored were (PullMemory). storePage then adds each record not in `current` as new, merging only those that
   * the table turns out to hold.
   */
  complete: boolean;
}

/**
 * The records stored under each table's `ids`, for the merge. Only rows that exist are read: in a table that was
 * empty when this run first stored into it (a first sync), the ids the run stored before; while a table holds few
 * rows in the span of its ids (a kind with few records), one request for the keys there says which. Otherwise
 * none is read here (see `Stored.complete`): a read of each id would mostly find nothing. Each step is asked of
 * every table at once, so a page waits for a round trip a step, not one a kind and step.
 */
async function storedRecords(
  reads: { kind: KindName; table: Table<Row, string>; ids: string[] }[],
  memory: PullMemory | undefined,
): Promise<Stored[]> {
  const plans = reads.map(({ kind, table, ids }) => {
    const remembered = memory?.get(kind);
    let lowest = ids[0];
    let highest = ids[0];
    for (const id of ids) {
      if (lowest === undefined || id < lowest) lowest = id;
      if (highest === undefined || id > highest) highest = id;
    }
    const pagesToRecount = recountIn.get(table) ?? 0;
    if (pagesToRecount > 0 && !remembered) recountIn.set(table, pagesToRecount - 1);
    const span =
      !remembered && pagesToRecount === 0 && lowest !== undefined && highest !== undefined
        ? table.where(':id').between(lowest, highest, true, true)
        : undefined;
    return { kind, table, ids, remembered, span, wanted: [] as string[], complete: false };
  });
  // A table first met in this run: whether it holds any row at all (one key read), beside its span's count.
  const [counts, empty] = await Promise.all([
    Promise.all(plans.map(({ span }) => span?.count())),
    Promise.all(
      plans.map(async ({ table, remembered }) =>
        memory && remembered === undefined ? (await table.limit(1).primaryKeys()).length === 0 : undefined,
      ),
    ),
  ]);
  const keysOf = plans.map((plan, index) => {
    const isEmpty = empty[index];
    if (memory && isEmpty !== undefined) memory.set(plan.kind, isEmpty ? new Set() : false);
    if (isEmpty) return undefined;
    const inSpan = counts[index];
    if (plan.span === undefined || inSpan === undefined) return undefined;
    if (inSpan > plan.ids.length * KEYS_PER_ID_READ) {
      recountIn.set(plan.table, PAGES_BEFORE_RECOUNT);
      return undefined;
    }
    return inSpan === 0 ? Promise.resolve([]) : plan.span.primaryKeys();
  });
  const keys = await Promise.all(keysOf);
  for (const [index, plan] of plans.entries()) {
    const storedByRun = memory?.get(plan.kind);
    if (storedByRun) {
      plan.wanted = plan.ids.filter((id) => storedByRun.has(id));
      for (const id of plan.ids) storedByRun.add(id);
      continue;
    }
    const found = keys[index];
    if (!found) continue;
    const present = new Set(found);
    plan.wanted = plan.ids.filter((id) => present.has(id));
    plan.complete = true;
  }
  const rows = await Promise.all(plans.map(({ table, wanted }) => (wanted.length > 0 ? table.bulkGet(wanted) : [])));
  return plans.map(({ wanted, complete }, index) => {
    const current = new Map<string, VersionedRecord | undefined>();
    const stored = rows[index] ?? [];
    wanted.forEach((id, position) => {
      const row = stored[position];
      if (row) current.set(id, rowToRecord(row));
    });
    return { current, complete };
  });
}

/** Merges `changes` into `current`, in order; answers the rows of the records they changed. */
function mergeRows(current: Map<string, VersionedRecord | undefined>, changes: readonly Change[]): Row[] {
  const changed = new Set<string>();
  for (const change of changes) {
    const merged = merge(current.get(change.id), change);
    if (merged.changedFields.length === 0) continue;
    current.set(change.id, merged.record);
    changed.add(change.id);
  }
  return [...changed].flatMap((id) => {
    const record = current.get(id);
    return record ? [recordToRow(id, record)] : [];
  });
}

/**
 * Adds `rows` as new rows of `table`; answers the ids of those the table already held, which it leaves as they
 * were. Any other failure is thrown.
 */
async function addNew(table: Table<Row, string>, rows: Row[]): Promise<Set<string>> {
  try {
    await table.bulkAdd(rows);
    return new Set();
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const held = new Set<string>();
    for (const [position, failure] of Object.entries(error.failuresByPos)) {
      const row = rows[Number(position)];
      if (failure.name !== 'ConstraintError' || !row) throw failure;
      held.add(row.id);
    }
    return held;
  }
}

/**
 * Pages whose transaction is asked for while the one storing the pages before them is under way (pullWith): the
 * browser copies their rows as they are written, while it stores the others, and runs the transaction once the
 * other has ended (IndexedDB runs transactions over the same stores in the order they were asked for).
 */
export interface Following {
  /** Where the pages before end: these are stored only if the device's cursor is there by then. */
  cursor: string;
  /**
   * The device key the pages are sealed for, as the caller knows it: read here, it would wait for the transaction
   * under way. Pages sealed for a key the device no longer holds, or plain while it holds one, are not stored.
   */
  deviceKey: PublicSealKey | undefined;
}

export interface StoreOptions {
  memory?: PullMemory;
  following?: Following;
  /** Called once the pages' transaction has been asked for: one over the same tables asked for after it runs after it. */
  asked?: () => void;
}

/** Thrown (aborting the transaction) when the pages before those of a Following transaction were not stored. */
export class EarlierPagesNotStoredError extends Error {
  constructor() {
    super('The pages before these were not stored');
    this.name = 'EarlierPagesNotStoredError';
  }
}

/** A page of pulled records as applyPullPages stores it. */
export interface PulledPage {
  changes: Change[];
  purge?: RecordRef[];
  cursor: string;
  remaining?: number;
}

/**
 * Applies one page of pulled records with the shared merge and stores the cursor, in one transaction: if the
 * tab closes or the signal goes mid-way, either the whole page and its cursor are kept or neither is, so the
 * next pull neither skips nor half-applies a page. Merging (never overwriting) keeps local edits not yet
 * pushed wherever their versions are newer.
 */
export async function applyPullPage(
  db: CoorieDb,
  page: PulledPage,
  serverOffset: number,
  progress: PullProgress,
  wallClock: () => number,
): Promise<PullProgress> {
  return applyPullPages(db, [page], serverOffset, progress, wallClock);
}

/** The progress once `pages` are stored after `progress`. */
export function progressAfter(progress: PullProgress, pages: readonly PulledPage[]): PullProgress {
  const downloaded = progress.downloaded + pages.reduce((sum, page) => sum + page.changes.length, 0);
  const last = pages.at(-1);
  return { downloaded, total: last?.remaining === undefined ? progress.total : downloaded + last.remaining };
}

/**
 * Applies pages that follow one another, in order, as applyPullPage would one by one, in one transaction with the
 * last page's cursor: a long pull stores the pages that arrived while it stored the one before together, and pays
 * for a transaction and its bookkeeping once for them all.
 */
export async function applyPullPages(
  db: CoorieDb,
  pulled: readonly PulledPage[],
  serverOffset: number,
  progress: PullProgress,
  wallClock: () => number,
  options: StoreOptions = {},
): Promise<PullProgress> {
  const { memory, following, asked } = options;
  // Sensitive values sealed for the device's public key before the transaction (Web Crypto is not a Dexie promise),
  // the key read once for all the pages (or, for pages Following others, the key the caller knows). The worker
  // needs no PIN for it, and cannot read back what it sealed. A device with no key yet (no PIN chosen) stores them
  // plain; its first unlock seals them.
  const sensitive = pulled.some((page) => hasPlainSensitiveValues(page.changes));
  let deviceKey: PublicSealKey | undefined;
  if (following) deviceKey = following.deviceKey;
  else if (sensitive) deviceKey = await getMeta(db, 'deviceKey');
  const pages = await Promise.all(
    pulled.map(async (page) => ({ ...page, changes: await sealPulledFor(page.changes, deviceKey) })),
  );
  const last = pages.at(-1);
  if (!last) return progress;
  return db.transaction('rw', pageTables(db, pages), async () => {
    // Told from a task of its own: code that a promise resolved here wakes would run in this transaction's zone,
    // and a transaction it asks for would be taken for one inside this one (Dexie's zones follow native promises).
    if (asked) setTimeout(asked, 0);
    // The checks are asked first and answered after the pages' writes are asked: the browser takes the rows as
    // they are asked for, while a transaction before this one may still be running (Following), and runs a
    // transaction's requests in the order they were made. A check that fails throws, and the transaction is
    // undone, writes and all.
    const checks = Promise.all([
      getMeta(db, 'signedOut'),
      getMeta(db, 'deviceKey'),
      getMeta(db, 'sync'),
      following ? getMeta(db, 'cursor') : undefined,
      setMeta(db, 'serverOffset', serverOffset),
    ]);
    // Awaited below, after the writes; should one of them throw first, this must not count as unhandled.
    checks.catch(() => undefined);
    let newest: string | undefined;
    for (const page of joined(pages)) {
      const top = await storePage(db, page, memory);
      if (top !== undefined && (newest === undefined || top > newest)) newest = top;
    }
    const [signedOut, deviceKeyNow, syncState, cursorNow] = await checks;
    if (signedOut !== undefined) throw new DeviceSignedOutError();
    if (following && cursorNow !== following.cursor) throw new EarlierPagesNotStoredError();
    // A value sealed before this transaction for a key since replaced would never open on this device, and one
    // left plain after the device's first unlock began sealing might stay so: the pages are not stored, and are
    // stored again (pullWith) or fetched again by the next sync from the cursor, which stays before them.
    const deviceKeyId = deviceKeyNow?.keyId;
    if (
      pages.some(
        (page) =>
          sealedForAnotherKey(page.changes, deviceKeyId) ||
          (deviceKeyId !== undefined && hasPlainSensitiveValues(page.changes)),
      )
    ) {
      throw new SealedForAnotherKeyError();
    }
    const { downloaded, total } = progressAfter(progress, pages);
    // The sync state as read above: no one else writes meta while this transaction holds it.
    await Promise.all([
      newest === undefined ? undefined : observeVersions(db, [newest], wallClock),
      setMeta(db, 'cursor', last.cursor),
      setMeta(db, 'sync', { ...(syncState ?? { phase: 'idle' }), downloaded, total }),
    ]);
    return { downloaded, total };
  });
}

/**
 * The pages as fewer, larger ones, their changes in the same order: a page joins the one before it unless that one
 * purges records (its purges come after its own changes, and before any later page's, which may send a record it
 * took away again). Storing a page waits for the browser to answer its writes (which of the records it added were
 * held already) before the next page starts: joined, the pages that arrived together wait once, not once each.
 */
function joined(pages: readonly PulledPage[]): PulledPage[] {
  const result: PulledPage[] = [];
  for (const page of pages) {
    const before = result.at(-1);
    if (before && (before.purge ?? []).length === 0) {
      result[result.length - 1] = { ...page, changes: [...before.changes, ...page.changes] };
    } else result.push(page);
  }
  return result;
}

/** Merges one page's changes into what the device holds, then its purges; returns its newest version. */
async function storePage(db: CoorieDb, page: PulledPage, memory: PullMemory | undefined): Promise<string | undefined> {
  let newest: string | undefined;
  // One bulkGet and one bulkPut per kind rather than a read and a write per record: a first sync of tens of
  // thousands of records is bound by these round trips (npm run bench).
  const byKind = new Map<KindName, Change[]>();
  for (const change of page.changes) {
    // A kind this version of the app does not know comes from a newer server; the app must update to use it.
    if (!isKindName(change.kind)) continue;
    const top = maxVersion(change.versions);
    if (top !== undefined && (newest === undefined || top > newest)) newest = top;
    if (change.values.erased === true) {
      // An erasure: drop the record and any unsent edits to it, rather than keep a deleted copy; and any change to
      // it earlier in the page, which would otherwise be stored after this.
      await purgeRecord(db, change.kind, change.id);
      const earlier = byKind.get(change.kind)?.filter(({ id }) => id !== change.id);
      if (earlier) byKind.set(change.kind, earlier);
      continue;
    }
    const list = byKind.get(change.kind);
    if (list) list.push(change);
    else byKind.set(change.kind, [change]);
  }
  // Every kind's reads asked for at once, then every kind's writes: the browser queues a transaction's requests
  // in order, so the page waits for one round trip of each rather than one per kind and step.
  const kinds = [...byKind];
  const stored = await storedRecords(
    kinds.map(([kind, changes]) => ({
      kind,
      table: db.records(kind),
      ids: [...new Set(changes.map((change) => change.id))],
    })),
    memory,
  );
  await Promise.all(
    kinds.map(async ([kind, changes], index) => {
      const table = db.records(kind);
      const { current, complete } = stored[index] ?? { current: new Map(), complete: false };
      const read = new Set(current.keys());
      const rows = mergeRows(current, changes);
      if (rows.length === 0) return;
      if (complete) {
        await table.bulkPut(rows);
        return;
      }
      // Those found are written over; the rest are added as new, and the few the table held already (edited on
      // the device during its first sync, or sent again by a later page) are read and merged as they would have been.
      const others = read.size === 0 ? rows : rows.filter((row) => !read.has(row.id));
      const [held] = await Promise.all([
        others.length > 0 ? addNew(table, others) : new Set<string>(),
        others.length < rows.length ? table.bulkPut(rows.filter((row) => read.has(row.id))) : undefined,
      ]);
      if (held.size === 0) return;
      const ids = [...held];
      const found = await table.bulkGet(ids);
      const known = new Map<string, VersionedRecord | undefined>();
      ids.forEach((id, position) => {
        const row = found[position];
        if (row) known.set(id, rowToRecord(row));
      });
      const merged = mergeRows(
        known,
        changes.filter((change) => held.has(change.id)),
      );
      if (merged.length > 0) await table.bulkPut(merged);
    }),
  );
  // What this user may no longer see (`purge` in src/sync/protocol.ts), after the changes: should a page both send
  // and purge a record (it changed while the server read the page), the purge is the later word.
  for (const { kind, id } of page.purge ?? []) await purgeRecord(db, kind, id);
  return newest;
}

/** Changes part of `meta.sync`, keeping the rest (such as the time of the last success). */
export async function updateSyncState(db: CoorieDb, patch: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = (await getMeta(db, 'sync')) ?? { phase: 'idle' };
    await setMeta(db, 'sync', { ...current, ...patch });
  });
}

/** Whether anything waits in the outbox: one key read, where a count reads every entry. */
export async function outboxHolds(db: CoorieDb): Promise<boolean> {
  return (await db.outbox.limit(1).primaryKeys()).length > 0;
}
