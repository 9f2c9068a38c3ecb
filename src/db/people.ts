// Queries and writes about one person: their record, attendance, notes, and merging a duplicate into them.
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { Attendee } from '../domain/attendee.ts';
import type { CheckIn } from '../domain/checkIn.ts';
import { mergePlan, normaliseName } from '../domain/duplicates.ts';
import type { Note } from '../domain/note.ts';
import type { Session } from '../domain/session.ts';
import type { CoorieDb, KindRow } from './database.ts';
import { useDb } from './hooks.ts';
import { openRow, openRows } from './keyring.ts';
import { saveRecord } from './records.ts';
import { writeCount } from './writes.ts';

const live = (row: { deleted?: boolean }) => row.deleted !== true;

/**
 * One person as stored, deleted or not (a merged duplicate points to the record it went into);
 * `undefined` while loading, `null` when this device has never had them.
 */
export function usePersonRecord(id: string): Attendee | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await openRow('attendee', await db.records('attendee').get(id))) ?? null, [db, id]);
}

/** A person with the keys their name and area are searched by, worked out once per read, not per keystroke. */
export interface NamedPerson {
  person: Attendee;
  /** normaliseName of the display name. */
  name: string;
  /** normaliseName of the area. */
  locality: string;
}

const lastIndex = new WeakMap<CoorieDb, NamedPerson[]>();

// Writes to the people (writes.ts). An index read when the count was N is still right while it is N: opening People
// again shows it without reading everyone, and typing does not wait on that read.
const peopleWrites = writeCount('attendee');
/** The write count each index was read at. */
const readAt = new WeakMap<readonly NamedPerson[], number>();

function sameVersions(before: readonly NamedPerson[], after: readonly NamedPerson[]): boolean {
  if (before.length !== after.length) return false;
  return before.every((entry, at) => {
    const other = after[at]?.person;
    if (!other || other.id !== entry.person.id) return false;
    const [a, b] = [(entry.person as KindRow<'attendee'>)._v, (other as KindRow<'attendee'>)._v];
    const fields = Object.keys(b);
    return fields.length === Object.keys(a).length && fields.every((field) => a[field] === b[field]);
  });
}

/**
 * Everyone with a display name (deleted records left out, merged ones kept), in display-name order, with their
 * search keys. Read in one getAll through the name index, again only when a person changes; the last answer is
 * kept per database, so a screen opened again shows it at once while the read runs. `enabled: false` reads
 * nothing (a screen that needs it only once something else has loaded).
 */
export function usePeopleIndex(enabled = true): NamedPerson[] | undefined {
  const db = useDb();
  const writes = useSyncExternalStore(peopleWrites.subscribe, peopleWrites.seen);
  return useLiveQuery(
    async () => {
      const previous = lastIndex.get(db);
      if (!enabled) return previous;
      // Nobody written since the last read: that answer stands, and a write re-runs this (`writes`).
      if (previous && readAt.get(previous) === writes) return previous;
      const seen = peopleWrites.seen();
      const rows = await openRows('attendee', await db.records('attendee').orderBy('displayName').toArray());
      const index: NamedPerson[] = [];
      for (const person of rows) {
        if (person.deleted === true) continue;
        index.push({ person, name: normaliseName(person.displayName), locality: normaliseName(person.locality) });
      }
      // Nobody changed since the last read (a write that changed nothing): keep the same answer, so nothing
      // derived from it (likely duplicates) is worked out again.
      const answer = previous && sameVersions(previous, index) ? previous : index;
      readAt.set(answer, seen);
      lastIndex.set(db, answer);
      return answer;
    },
    [db, enabled, writes],
    lastIndex.get(db),
  );
}

export interface Attendance {
  checkIn: CheckIn;
  session: Session | undefined;
}

/** The sessions a person was checked in to, most recent first. */
export function useAttendance(attendeeId: string): Attendance[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const checkIns = (await db.records('checkIn').where('attendeeId').equals(attendeeId).filter(live).toArray()).filter(
      (row) => row.present !== false,
    );
    const sessions = await db.records('session').bulkGet(checkIns.map((checkIn) => checkIn.sessionId ?? ''));
    return checkIns
      .map((checkIn, index) => {
        const session = sessions[index];
        return { checkIn, session: session && live(session) ? session : undefined };
      })
      .sort((a, b) => (b.session?.startsAt ?? '').localeCompare(a.session?.startsAt ?? ''));
  }, [db, attendeeId]);
}

/** A person's live notes, newest first. Callers filter them by who may read them (canSeeNote). */
export function usePersonNotes(attendeeId: string): Note[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const notes = await openRows(
      'note',
      await db.records('note').where('attendeeId').equals(attendeeId).filter(live).toArray(),
    );
    return notes.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  }, [db, attendeeId]);
}

export interface RelatedCounts {
  checkIns: number;
  notes: number;
}

/** How many check-ins and notes each of several people has, for weighing up which duplicate to keep. */
export function useRelatedCounts(attendeeIds: readonly string[]): Map<string, RelatedCounts> | undefined {
  const db = useDb();
  const key = attendeeIds.join('\u0000');
  const result = useLiveQuery(async () => {
    const ids = key ? key.split('\u0000') : [];
    const counts = new Map<string, RelatedCounts>();
    for (const id of ids) {
      const checkIns = await db.records('checkIn').where('attendeeId').equals(id).filter(live).count();
      const notes = await db.records('note').where('attendeeId').equals(id).filter(live).count();
      counts.set(id, { checkIns, notes });
    }
    return { key, counts };
  }, [db, key]);
  // A live query keeps its last answer while the next one runs: never pass off another list's counts.
  return result?.key === key ? result.counts : undefined;
}

/** Every record naming one of these people, deleted ones too: a merge moves those as well. */
async function recordsAbout<K extends 'checkIn' | 'note' | 'outreach' | 'visit'>(db: CoorieDb, kind: K, ids: string[]) {
  const rows = await db.records(kind).where('attendeeId').anyOf(ids).toArray();
  return Dexie.waitFor(openRows(kind, rows));
}

/**
 * Merges the duplicate `dropId` into `keepId`: check-ins, notes, outreach and visits move to the kept record,
 * which gains what only the duplicate knew, and the duplicate is marked as merged. One transaction, so a
 * reload half-way leaves either both records as they were or the merge done; every write goes through the
 * repository, so it syncs like any other.
 */
export async function mergeDuplicate(db: CoorieDb, keepId: string, dropId: string, userId: string): Promise<number> {
  return db.transaction('rw', db.allTables(), async () => {
    const [keep, drop] = await Dexie.waitFor(
      openRows(
        'attendee',
        (await db.records('attendee').bulkGet([keepId, dropId])).filter((row) => row !== undefined),
      ),
    ).then((rows) => [rows.find((row) => row.id === keepId), rows.find((row) => row.id === dropId)]);
    if (!keep || !drop || keep.deleted === true || drop.deleted === true) {
      throw new Error('One of these records has already been merged or removed.');
    }
    const ids = [keepId, dropId];
    const plan = mergePlan(
      keep,
      drop,
      await recordsAbout(db, 'checkIn', ids),
      await recordsAbout(db, 'note', ids),
      await recordsAbout(db, 'outreach', ids),
      await recordsAbout(db, 'visit', ids),
    );
    for (const change of plan) await saveRecord(db, change.kind, change.id, change.values, { userId });
    return plan.length;
  });
}
