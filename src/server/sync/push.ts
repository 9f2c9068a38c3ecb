// Applies pushed changes (src/sync/protocol.ts): each change checked on its own, merged per field, numbered in
// commit order.
import type { Kysely } from 'kysely';
import { merge } from '../../sync/merge.ts';
import { isValidRecordId, type ChangeResult } from '../../sync/protocol.ts';
import { HttpError } from '../errors.ts';
import {
  findAppliedBatch,
  forgetOldBatches,
  hashBatchContent,
  saveAppliedBatch,
  type AppliedBatch,
} from '../store/batches.ts';
import { lockChangeCounter, writeNumberedChanges, type NumberedChange } from '../store/changes.ts';
import { loadRecords, readChangeSeqs, recordKey, type LoadedRecord, type StoredRecord } from '../store/records.ts';
import type { Role, Schema } from '../store/schema.ts';
import { findTeamOutsidePrivate } from '../store/sight.ts';
import { mayDesignQuestionnaires } from '../store/users.ts';
import { isStorageFull } from '../store/util.ts';
import { checkEnvelope, checkValues, reject, type CheckedChange } from './checkChange.ts';
import { openSealedChanges, type Opened } from './sealed.ts';
import { canSee, privateToFor, writeRefusal } from './visibility.ts';

/** Whoever pushes: records go into their organisation, and notes take them as author. */
export interface Pusher {
  id: string;
  organisationId: string;
  role: Role;
  /** The device sign-in that pushed, for the record history. */
  deviceId?: string | null;
}

export interface PushBatch {
  deviceId: string;
  batchId: string;
  changes: unknown[];
}

/** What a push answered, and its changes as applied: sealed values opened (for the alerts that follow). */
export interface PushOutcome {
  results: ChangeResult[];
  changes: unknown[];
}

/**
 * Applies one batch in one transaction, or answers what it answered before for the same batch. A batch id
 * this device already used for other changes is 409 `batch_conflict`, with nothing applied: answering with
 * the first batch's results would tell the device that changes the server never saw were applied.
 *
 * One transaction, which locks the change counter only once the changes are checked and merged, and holds it
 * to commit: on PostgreSQL every other push to the organisation waits for the lock while it numbers and
 * writes, so change numbers commit in the order they were handed out and a puller reading `change_seq >
 * cursor` can never step over one that commits late. Under the lock the replay check is exact (the answer is
 * kept first, and a clash with a resend that committed meanwhile answers as that one did), and the merge
 * stands only if none of the records it read has been written since (their change numbers are read again);
 * otherwise it is done again under the lock. So eight devices pushing at once check and merge side by side and
 * queue only to number and write, in a handful of statements (store/changes.ts).
 */
export async function pushBatch(
  db: Kysely<Schema>,
  pusher: Pusher,
  batch: PushBatch,
  now: number = Date.now(),
): Promise<PushOutcome> {
  const key = { organisationId: pusher.organisationId, deviceId: batch.deviceId, batchId: batch.batchId };
  // Opened before the transaction, which need not wait on the cryptography. The content hash is of the batch
  // as sent, so that a resend of the same sealed values is known as the same batch.
  const opened = await openSealedChanges(db, pusher.organisationId, batch.changes);
  const changes = opened.map((entry) => ('change' in entry ? entry.change : undefined));
  // Hashed before the transaction, which need not wait on it either.
  const contentHash = hashBatchContent(batch.changes);
  const replay = (previous: AppliedBatch) => {
    if (previous.contentHash !== null && previous.contentHash !== contentHash) throw batchConflict();
    return previous.results;
  };
  // A device with nothing to send (a sync that only pulls) has nothing to number: it neither waits for the lock
  // nor writes. Its batch id is still checked against what the device sent under it before.
  if (batch.changes.length === 0) {
    const previous = await findAppliedBatch(db, key);
    return { results: previous ? replay(previous) : [], changes };
  }
  try {
    // Housekeeping on its own, outside the lock (and on SQLite before the write lock is taken).
    await forgetOldBatches(db, key, now);
    const results = await db.transaction().execute(async (trx) => {
      // A batch answered before is answered again, without the lock: what it applied has committed.
      const early = await findAppliedBatch(trx, key);
      if (early) return replay(early);
      const planned = await planChanges(trx, pusher, opened, now);
      const counter = await lockChangeCounter(trx, pusher.organisationId);
      const plan = (await stillCurrent(trx, pusher.organisationId, planned))
        ? planned
        : await planChanges(trx, pusher, opened, now);
      // The answer is kept first, which is also the exact replay check under the lock: a resend of this batch
      // that committed since the look above leaves nothing to write, and its answer is the one to give.
      if (!(await saveAppliedBatch(trx, key, { results: plan.results, contentHash }, now))) {
        const previous = await findAppliedBatch(trx, key);
        if (!previous) throw new Error('A batch answer that clashed could not be read.');
        return replay(previous);
      }
      await writeNumberedChanges(trx, counter, plan.writes, now);
      return plan.results;
    });
    return { results, changes };
  } catch (error) {
    // A full disk rolls the whole batch back (it is one transaction), so nothing is half-applied: the
    // answer tells the device to keep its outbox and try later, not that the server broke.
    if (isStorageFull(error)) throw storageFull();
    throw error;
  }
}

const storageFull = () =>
  new HttpError(507, 'storage_full', 'The server is full; your changes are kept and will be sent later.');

const batchConflict = () =>
  new HttpError(
    409,
    'batch_conflict',
    'This device already sent a different batch under this batch id; nothing in this one was applied.',
  );

/** Applies changes outside any batch (seed scripts, imports): same checks, same merge, same numbering. */
export async function applyChanges(
  db: Kysely<Schema>,
  pusher: Pusher,
  changes: unknown[],
  now: number = Date.now(),
): Promise<ChangeResult[]> {
  const opened = await openSealedChanges(db, pusher.organisationId, changes);
  return db.transaction().execute(async (trx) => {
    const counter = await lockChangeCounter(trx, pusher.organisationId);
    const plan = await planChanges(trx, pusher, opened, now);
    await writeNumberedChanges(trx, counter, plan.writes, now);
    return plan.results;
  });
}

/** What a batch would write, with the change numbers of the records read to decide it (null: not stored). */
interface Plan {
  results: ChangeResult[];
  writes: NumberedChange[];
  read: Map<string, { kind: string; id: string; changeSeq: number | null }>;
  /** It tells others to purge a note: decided from the team as it was, so it is always decided again. */
  changesSight: boolean;
}

/** Whether nothing the plan read has been written since (call it holding the counter lock). */
async function stillCurrent(trx: Kysely<Schema>, organisationId: string, plan: Plan): Promise<boolean> {
  if (plan.changesSight) return false;
  const now = await readChangeSeqs(trx, organisationId, [...plan.read.values()]);
  return [...plan.read].every(([key, { changeSeq }]) => (now.get(key) ?? null) === changeSeq);
}

async function planChanges(trx: Kysely<Schema>, pusher: Pusher, opened: Opened[], now: number): Promise<Plan> {
  const checked = opened.map((entry) => ('rejected' in entry ? entry.rejected : checkEnvelope(entry.change, now)));
  const valid = checked.filter((change): change is CheckedChange => !('status' in change));
  const loaded = await loadRecords(trx, pusher.organisationId, valid);
  const erased = await findErasedPeople(trx, pusher.organisationId, valid);
  const read: Plan['read'] = new Map();
  for (const { kind, id } of [...valid, ...erased.keys]) {
    read.set(recordKey(kind, id), {
      kind,
      id,
      changeSeq: (loaded.get(recordKey(kind, id)) ?? erased.loaded.get(id))?.changeSeq ?? null,
    });
  }
  const erasedPeople = erased.ids;
  // Read only when the batch holds a questionnaire: most pushes never need it.
  const designs = valid.some((change) => change.kind === 'questionnaire')
    ? await mayDesignQuestionnaires(trx, pusher.id)
    : false;
  // Updated as the changes are merged: a batch may change one record twice.
  const records: Map<string, StoredRecord> = loaded;
  const results: ChangeResult[] = [];
  const writes: NumberedChange[] = [];
  let changesSight = false;
  for (const change of checked) {
    if ('status' in change) {
      results.push(change);
      continue;
    }
    const stored = records.get(recordKey(change.kind, change.id));
    // An offline device must not bring an erased person back: neither their records nor new ones about them.
    if (stored?.erasedAt || personIdsOf(change).some((id) => erasedPeople.has(id))) {
      results.push(reject('erased', 'This person has been erased; their records cannot be changed or added.'));
      continue;
    }
    if (Object.hasOwn(change.values, 'erased')) {
      results.push(reject('forbidden', 'Only the server marks a record as erased.'));
      continue;
    }
    if (change.kind === 'questionnaire' && !designs) {
      results.push(reject('forbidden', 'Only coordinators and peer researchers can change a questionnaire.'));
      continue;
    }
    if (stored && !canSee(pusher, stored.privateTo)) {
      const whose =
        change.kind === 'note'
          ? 'This note is private to the person who wrote it and the coordinators.'
          : 'This record is private to the team member it is about.';
      results.push(reject('forbidden', whose));
      continue;
    }
    const problem = checkValues(change, !stored);
    if (problem) {
      results.push(problem);
      continue;
    }
    const { record, changedFields } = merge(stored, change);
    if (change.kind === 'response' && record.values.attendeeId !== undefined && record.values.consent !== true) {
      results.push(reject('invalid_value', 'Answers kept with a person need their consent (consent: true).'));
      continue;
    }
    if (changedFields.length === 0) {
      results.push({ status: 'unchanged' });
      continue;
    }
    const authorId = stored?.authorId ?? pusher.id;
    const next = {
      kind: change.kind,
      id: change.id,
      ...record,
      authorId,
      privateTo: privateToFor(change.kind, record.values, authorId),
    };
    const refusal = writeRefusal(pusher, change.kind, next.privateTo);
    if (refusal) {
      results.push(reject('forbidden', refusal));
      continue;
    }
    // Only a note changes who may see it (shared or not); a volunteer record stays with its member for good, so
    // that nobody can move it out of a colleague's sight or into their own.
    if (stored && change.kind !== 'note' && stored.privateTo !== next.privateTo) {
      results.push(reject('forbidden', 'The team member a volunteer record is about cannot be changed.'));
      continue;
    }
    records.set(recordKey(change.kind, change.id), next);
    const changedValues = Object.fromEntries(changedFields.map((field) => [field, record.values[field]]));
    const history = { userId: pusher.id, deviceId: pusher.deviceId ?? null, values: changedValues };
    writes.push({ record: next, isNew: !stored, history });
    // A shared note made private: the rest of the team may hold a copy, and must be told to purge it.
    if (stored && stored.privateTo === null && next.privateTo !== null) {
      const team = await findTeamOutsidePrivate(trx, pusher.organisationId, next.privateTo);
      writes.push(...team.map((userId) => ({ sight: { userId, kind: change.kind, id: change.id } })));
      changesSight = true;
    }
    results.push({ status: 'applied' });
  }
  return { results, writes, read, changesSight };
}

/** The people a change is about: the attendee it names, or the one an attendee is merged into. */
function personIdsOf(change: CheckedChange): string[] {
  const ids: string[] = [];
  for (const field of ['attendeeId', 'mergedInto']) {
    const value = change.values[field];
    // Only well-formed ids: the values are not checked yet, and a malformed one names nobody.
    if (typeof value === 'string' && isValidRecordId(value)) ids.push(value);
  }
  return ids;
}

/** The erased attendees among those the changes name, and the people read to know it. */
async function findErasedPeople(trx: Kysely<Schema>, organisationId: string, changes: CheckedChange[]) {
  const keys = changes.flatMap((change) => personIdsOf(change).map((id) => ({ kind: 'attendee', id })));
  if (keys.length === 0) return { keys, ids: new Set<string>(), loaded: new Map<string, LoadedRecord>() };
  const people = await loadRecords(trx, organisationId, keys);
  const loaded = new Map([...people.values()].map((person) => [person.id, person]));
  return { keys, ids: new Set([...loaded.values()].filter((p) => p.erasedAt).map((p) => p.id)), loaded };
}
