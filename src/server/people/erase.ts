// Erasure (README, "Data protection"): a person and every record about them reduced to tombstones that every device
// pulls and purges, and that no later push can bring back.
import type { Kysely } from 'kysely';
import { parseHlc, tick } from '../../sync/hlc.ts';
import type { Values, Versions } from '../../sync/merge.ts';
import { HttpError } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import { lockChangeCounter, writeNumberedChanges } from '../store/changes.ts';
import { scrubHistory } from '../store/history.ts';
import type { LoadedRecord } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';
import { isoNow } from '../store/util.ts';
import { recordErasure } from './erasureLedger.ts';
import { findPersonRecords } from './records.ts';

/** The node id of versions the server itself issues. */
const SERVER_NODE = 'coorieserver';

/** What a device pulls for an erased record: this, and nothing else. */
const TOMBSTONE: Values = { deleted: true, erased: true };

export interface ErasedCounts {
  attendee: number;
  checkIn: number;
  outreach: number;
  note: number;
  visit: number;
  booking: number;
  referral: number;
  /** Research answers kept with the person (with their consent); anonymous answers name nobody. */
  response: number;
}

export interface Eraser {
  organisationId: string;
  userId: string;
  deviceId: string | null;
  /** The erasure ledger to record the erasure in (see erasureLedger.ts); none when re-applying it. */
  ledger?: string;
}

export const erasedError = () => new HttpError(410, 'erased', 'This person has been erased.');

/**
 * A version above every version the records carry, so the tombstone wins every merge on every device. It
 * is not pushed 5 minutes into the future to beat devices' unsynced edits: those are refused with `erased`
 * (sync/push.ts), and a version from the future would drag every device's clock ahead with it.
 */
function tombstoneVersion(records: LoadedRecord[], now: number): string {
  let top = { millis: 0, counter: 0, node: SERVER_NODE };
  for (const record of records) {
    for (const version of Object.values(record.versions)) {
      const parsed = parseHlc(version);
      if (parsed && (parsed.millis > top.millis || (parsed.millis === top.millis && parsed.counter >= top.counter))) {
        top = { millis: parsed.millis, counter: parsed.counter, node: SERVER_NODE };
      }
    }
  }
  return tick(top, now).version;
}

/**
 * Erases a person in one transaction under the organisation's change counter (as a push does, so that
 * the tombstones' new change numbers commit in order and every device pulls them). Throws 404 for an id
 * that is not an attendee of the organisation and 410 for a person already erased.
 */
export async function erasePerson(
  db: Kysely<Schema>,
  eraser: Eraser,
  personId: string,
  now: number = Date.now(),
): Promise<ErasedCounts> {
  return db.transaction().execute(async (trx) => {
    const counter = await lockChangeCounter(trx, eraser.organisationId);
    const found = await findPersonRecords(trx, eraser.organisationId, personId);
    if (!found) throw new HttpError(404, 'not_found', 'There is no such person.');
    if (found.person.erasedAt) throw erasedError();
    // Before the commit: should the commit fail, the server applies the erasure asked for at its next start.
    if (eraser.ledger) {
      const entry = { organisationId: eraser.organisationId, personId, userId: eraser.userId, at: isoNow(now) };
      recordErasure(eraser.ledger, entry);
    }
    const records = [found.person, ...found.merged, ...found.related].filter((record) => !record.erasedAt);
    const version = tombstoneVersion(records, now);
    const versions: Versions = Object.fromEntries(Object.keys(TOMBSTONE).map((field) => [field, version]));
    // Keeps the history's rows (who changed what, when) with every value blanked: nothing of the person stays.
    await scrubHistory(trx, eraser.organisationId, records);
    const history = { userId: eraser.userId, deviceId: eraser.deviceId, values: TOMBSTONE };
    const tombstones = records.map((record) => ({
      record: { ...record, values: TOMBSTONE, versions, erasedAt: isoNow(now) },
      isNew: false,
      history,
    }));
    await writeNumberedChanges(trx, counter, tombstones, now);
    const counts: ErasedCounts = {
      attendee: 0,
      checkIn: 0,
      outreach: 0,
      note: 0,
      visit: 0,
      booking: 0,
      referral: 0,
      response: 0,
    };
    for (const record of records) if (record.kind in counts) counts[record.kind as keyof ErasedCounts] += 1;
    await writeAudit(
      trx,
      { ...eraser, action: 'person_erased', kind: 'attendee', recordId: personId, detail: { erased: counts } },
      now,
    );
    return counts;
  });
}
