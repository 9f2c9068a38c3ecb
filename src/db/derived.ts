// Keys the device derives from a record's fields for its own indexes, so that a screen reads only the rows it
// shows: a note's follow-up still to do, a visit under way or not yet finished. Never from a field sealed at rest
// (domain/sensitive.ts): a key present only for notes with a concern would keep the concern in clear.
// A key is there only while the row is in that state, so each index holds those rows alone (IndexedDB leaves a
// row out of an index when the key is missing). They live in the row's `_i`, beside its versions in `_v`, are
// written with every row (recordToRow) and never leave the device.
import type { Values } from '../sync/merge.ts';

export interface DerivedKeys {
  /** A note's follow-up date while the follow-up is not done; a referral's while no outcome is recorded. */
  due?: string;
  /** When a visitor arrived, while they have not said they have left. */
  open?: string;
  /** When a visit is (or was) planned for, while it is neither done nor cancelled. */
  unfinished?: string;
}

/** The derived index names per kind, as Dexie declares them (version 4 of the database). */
export const DERIVED_INDEXES = {
  note: ['_i.due'],
  referral: ['_i.due'],
  visit: ['_i.open', '_i.unfinished'],
} as const;

export function derivedKeys(values: Values): DerivedKeys | undefined {
  if (values.deleted === true) return undefined;
  const keys: DerivedKeys = {};
  if (typeof values.followUpDue === 'string' && values.followUpDone !== true && values.outcome === undefined) {
    keys.due = values.followUpDue;
  }
  if (typeof values.arrivedAt === 'string' && values.arrivedAt !== '' && !values.leftAt) keys.open = values.arrivedAt;
  if (typeof values.at === 'string' && !values.leftAt && values.status !== 'done' && values.status !== 'cancelled') {
    keys.unfinished = values.at;
  }
  return Object.keys(keys).length > 0 ? keys : undefined;
}
