// Finds every record about one person: the attendee, the attendees merged into them, and every
// record whose person field names any of them. Erasure, export and retention all start here.
import type { Kysely } from 'kysely';
import { KINDS, KIND_NAMES } from '../../domain/kinds.ts';
import { findRecord, findRecordsNaming, type LoadedRecord } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';

export interface PersonRecords {
  person: LoadedRecord;
  /** Duplicates merged into the person (`mergedInto`), followed to any depth. */
  merged: LoadedRecord[];
  /** Check-ins, outreach, notes, visits and bookings about the person or a duplicate of them. */
  related: LoadedRecord[];
}

/** Kinds whose records are about one attendee, by the field that names them. */
export const PERSON_KINDS = KIND_NAMES.flatMap((kind) => {
  const field = (KINDS[kind] as { personField?: string }).personField;
  return field && field !== 'id' ? [{ kind, field }] : [];
});

export async function findPersonRecords(
  db: Kysely<Schema>,
  organisationId: string,
  personId: string,
): Promise<PersonRecords | undefined> {
  const person = await findRecord(db, organisationId, 'attendee', personId);
  if (!person) return undefined;
  const merged: LoadedRecord[] = [];
  const seen = new Set([personId]);
  let frontier = [personId];
  while (frontier.length > 0) {
    const found = await findRecordsNaming(db, organisationId, 'attendee', 'mergedInto', frontier);
    frontier = [];
    for (const duplicate of found) {
      if (seen.has(duplicate.id)) continue;
      seen.add(duplicate.id);
      merged.push(duplicate);
      frontier.push(duplicate.id);
    }
  }
  const related: LoadedRecord[] = [];
  for (const { kind, field } of PERSON_KINDS) {
    related.push(...(await findRecordsNaming(db, organisationId, kind, field, [...seen])));
  }
  return { person, merged, related };
}
