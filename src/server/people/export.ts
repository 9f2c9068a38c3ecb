// Subject access (DESIGN §5): everything the organisation holds about one person, as plain values.
import type { Kysely } from 'kysely';
import type { Values } from '../../sync/merge.ts';
import type { Schema } from '../store/schema.ts';
import { erasedError } from './erase.ts';
import { findPersonRecords, type PersonRecord } from './records.ts';

export type Exported = { id: string } & Values;

export interface PersonExport {
  person: Exported;
  /** Duplicate records of the same person, merged into this one. */
  mergedPeople: Exported[];
  checkIns: Exported[];
  outreach: Exported[];
  notes: Exported[];
  visits: Exported[];
  exportedAt: string;
}

// Deleted records are included: they are still held, so a subject access request must show them.
const plain = (record: PersonRecord): Exported => ({ id: record.id, ...record.values });

/** Undefined for an id that is not an attendee of the organisation; throws 410 for an erased person. */
export async function exportPerson(
  db: Kysely<Schema>,
  organisationId: string,
  personId: string,
  now: number = Date.now(),
): Promise<PersonExport | undefined> {
  const found = await findPersonRecords(db, organisationId, personId);
  if (!found) return undefined;
  if (found.person.erasedAt) throw erasedError();
  const of = (kind: string) => found.related.filter((record) => record.kind === kind).map(plain);
  return {
    person: plain(found.person),
    mergedPeople: found.merged.filter((record) => !record.erasedAt).map(plain),
    checkIns: of('checkIn'),
    outreach: of('outreach'),
    notes: of('note'),
    visits: of('visit'),
    exportedAt: new Date(now).toISOString(),
  };
}
