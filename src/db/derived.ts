// Keys the device derives from a record's fields for its own indexes, so that a screen reads only the rows it
// shows: a note's follow-up still to do, its concern (and whether anyone has picked it up), a visit under way or
// not yet finished.
// A key is there only while the row is in that state, so each index holds those rows alone (IndexedDB leaves a
// row out of an index when the key is missing). They live in the row's `_i`, beside its versions in `_v`, are
// written with every row (recordToRow) and never leave the device.
import type { Values } from '../sync/merge.ts';

export interface DerivedKeys {
  /** A note's follow-up date while the follow-up is not done. */
  due?: string;
  /** When a note with a concern for a coordinator was written, picked up or not. */
  concern?: string;
  /** The same, while nobody has picked the concern up. */
  openConcern?: string;
  /** When a visitor arrived, while they have not said they have left. */
  open?: string;
  /** When a visit is (or was) planned for, while it is neither done nor cancelled. */
  unfinished?: string;
}

/** The derived index names per kind, as Dexie declares them (version 3 of the database). */
export const DERIVED_INDEXES = {
  note: ['_i.due', '_i.concern', '_i.openConcern'],
  visit: ['_i.open', '_i.unfinished'],
} as const;

const CONCERNS: readonly unknown[] = ['urgent', 'talk to coordinator'];

export function derivedKeys(values: Values): DerivedKeys | undefined {
  if (values.deleted === true) return undefined;
  const keys: DerivedKeys = {};
  if (typeof values.followUpDue === 'string' && values.followUpDone !== true) keys.due = values.followUpDue;
  if (CONCERNS.includes(values.concern)) {
    const at = typeof values.createdAt === 'string' ? values.createdAt : '';
    keys.concern = at;
    const by = values.concernPickedUpBy;
    if (typeof by !== 'string' || by.trim() === '') keys.openConcern = at;
  }
  if (typeof values.arrivedAt === 'string' && values.arrivedAt !== '' && !values.leftAt) keys.open = values.arrivedAt;
  if (typeof values.at === 'string' && !values.leftAt && values.status !== 'done' && values.status !== 'cancelled') {
    keys.unfinished = values.at;
  }
  return Object.keys(keys).length > 0 ? keys : undefined;
}
