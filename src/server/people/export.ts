// Subject access (README, "Data protection"): everything the organisation holds about one person, as plain values, with
// the earlier values that the records' history still keeps, and team members named rather than given as ids.
import type { Kysely } from 'kysely';
import type { Values } from '../../sync/merge.ts';
import { readHistory } from '../store/history.ts';
import type { LoadedRecord } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';
import { listUsers } from '../store/users.ts';
import { erasedError } from './erase.ts';
import { findPersonRecords } from './records.ts';

export type Exported = { id: string } & Values;

/** One write to one of the person's records: the fields it changed, with the values they were given. */
export interface ExportedChange {
  kind: string;
  id: string;
  at: string;
  /** The team member who made it, by name. */
  by: string;
  values: Values;
}

export interface PersonExport {
  person: Exported;
  /** Duplicate records of the same person, merged into this one. */
  mergedPeople: Exported[];
  checkIns: Exported[];
  outreach: Exported[];
  notes: Exported[];
  visits: Exported[];
  /** Crèche places and lifts or taxis planned for them. */
  bookings: Exported[];
  /** Referrals and signposting made for the person, with their outcomes. */
  referrals: Exported[];
  /** Research answers kept with the person, with their consent; anonymous answers name nobody and are not here. */
  responses: Exported[];
  /** Every change kept in the records' history, oldest first: earlier values (an old phone number) included. */
  history: ExportedChange[];
  exportedAt: string;
}

/** Fields that hold a team member's account id: the export gives their name instead. */
const ACCOUNT_FIELDS = ['createdBy', 'byUserId', 'supporterId'];

/** What an account id reads as when it names nobody in the organisation (any more). */
const UNKNOWN_MEMBER = 'A former team member';

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
  const names = new Map((await listUsers(db, organisationId)).map((user) => [user.id, user.name]));
  const nameOf = (id: unknown) => (typeof id === 'string' && names.get(id)) || UNKNOWN_MEMBER;
  const named = (values: Values): Values =>
    Object.fromEntries(
      Object.entries(values).map(([field, value]) => [
        field,
        ACCOUNT_FIELDS.includes(field) && value !== null ? nameOf(value) : value,
      ]),
    );
  // Deleted records are included: they are still held, so a subject access request must show them.
  const plain = (record: LoadedRecord): Exported => ({ id: record.id, ...named(record.values) });
  const of = (kind: string) => found.related.filter((record) => record.kind === kind).map(plain);
  const merged = found.merged.filter((record) => !record.erasedAt);

  const changes: (ExportedChange & { seq: number })[] = [];
  for (const record of [found.person, ...merged, ...found.related]) {
    for (const entry of await readHistory(db, { organisationId, kind: record.kind, id: record.id })) {
      const { changeSeq: seq, at, userId, values } = entry;
      changes.push({ seq, kind: record.kind, id: record.id, at, by: nameOf(userId), values: named(values) });
    }
  }
  // In the order they were made, across records.
  const history = changes.sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...change }) => change);

  return {
    person: plain(found.person),
    mergedPeople: merged.map(plain),
    checkIns: of('checkIn'),
    outreach: of('outreach'),
    notes: of('note'),
    visits: of('visit'),
    bookings: of('booking'),
    referrals: of('referral'),
    responses: of('response'),
    history,
    exportedAt: new Date(now).toISOString(),
  };
}
