// Re-applies the erasure ledger (erasureLedger.ts) to the database: at every start of the server, so after any
// restore, before a device can push again.
import type { Kysely } from 'kysely';
import { tick } from '../../sync/hlc.ts';
import { lockChangeCounter, writeNumberedChanges } from '../store/changes.ts';
import type { Schema } from '../store/schema.ts';
import { isoNow } from '../store/util.ts';
import { erasePerson } from './erase.ts';
import { readErasures } from './erasureLedger.ts';
import { findPersonRecords } from './records.ts';

/**
 * Makes every erasure in the ledger true of the database again: a person the database still holds unerased is
 * erased (with every record about them); a person it never heard of (made after the backup) gets a tombstone,
 * so that a device pushing them, or records about them, again is refused as `erased`. Erasures of an
 * organisation the database does not hold are skipped: nobody can sign in to push to it. Returns how many
 * erasures it had to apply.
 */
export async function reapplyErasures(db: Kysely<Schema>, ledger: string, now: number = Date.now()): Promise<number> {
  let applied = 0;
  for (const entry of readErasures(ledger)) {
    const organisation = await db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', entry.organisationId)
      .executeTakeFirst();
    if (!organisation) continue;
    const found = await findPersonRecords(db, entry.organisationId, entry.personId);
    if (found?.person.erasedAt) continue;
    applied++;
    if (found) {
      await erasePerson(
        db,
        { organisationId: entry.organisationId, userId: entry.userId, deviceId: null },
        entry.personId,
        now,
      );
      continue;
    }
    await db.transaction().execute(async (trx) => {
      const counter = await lockChangeCounter(trx, entry.organisationId);
      const version = tick({ millis: 0, counter: 0, node: 'coorieserver' }, now).version;
      const values = { deleted: true, erased: true };
      const record = {
        kind: 'attendee',
        id: entry.personId,
        values,
        versions: { deleted: version, erased: version },
        authorId: entry.userId,
        privateTo: null,
        erasedAt: isoNow(now),
      };
      const history = { userId: entry.userId, deviceId: null, values };
      await writeNumberedChanges(trx, counter, [{ record, isNew: true, history }], now);
    });
  }
  return applied;
}
