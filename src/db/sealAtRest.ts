// The page's sealing pass, run while Coorie is unlocked: on the first unlock after the update it seals every
// sensitive value kept in clear before (rows, outbox, refused changes, drafts), and whenever the server's key is
// learnt or changes it re-seals for it what waits in the outbox sealed for the device key. In chunks, each its
// own short transaction, so the app stays usable; a value changed meanwhile (its version moved on) is left for
// the next pass. Every step skips what is already sealed, so a pass cut short (a reload, a lock) resumes where
// it stopped; meta.sealProgress shows how far it has come.
import { KIND_NAMES, type KindName } from '../domain/indexes.ts';
import { sealPlace, sensitiveFields } from '../domain/sensitive.ts';
import type { Values } from '../sync/merge.ts';
import type { CoorieDb, OutboxEntry, RejectedChange, Row } from './database.ts';
import { draftPlace } from './drafts.ts';
import { currentOpener } from './keyring.ts';
import { getMeta, setMeta } from './meta.ts';
import type * as SealingModule from './sealing.ts';

const CHUNK = 200;

let running: Promise<void> | undefined;
let again = false;

/** Runs the pass, or asks for one more once the running one ends. */
export function sealAtRest(db: CoorieDb): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await pass(db);
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function pass(db: CoorieDb): Promise<void> {
  const [device, server] = await Promise.all([getMeta(db, 'deviceKey'), getMeta(db, 'serverSealKey')]);
  const opener = currentOpener();
  if (!device || !opener) return;
  const lib = await import('./sealing.ts');
  const deviceSealer = await lib.sealerFor(device);
  const serverSealer = server ? await lib.sealerFor(server) : undefined;
  const kinds = KIND_NAMES.filter((kind) => sensitiveFields(kind).length > 0);
  const counts = await Promise.all([
    ...kinds.map((kind) => db.records(kind).count()),
    db.outbox.count(),
    db.rejected.count(),
    db.drafts.count(),
  ]);
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;
  let sealedAny = false;
  const previous = await getMeta(db, 'sealProgress');
  const report = async (finished: boolean) => {
    // Shown only while there was something to seal: a finished pass over sealed data says nothing.
    if (previous?.finished && !sealedAny && finished && previous.serverKeyId === server?.keyId) return;
    await setMeta(db, 'sealProgress', { done: Math.min(done, total), total, finished, serverKeyId: server?.keyId });
  };

  for (const kind of kinds) {
    const table = db.records(kind);
    let after = '';
    for (;;) {
      const rows = (await table.where(':id').above(after).limit(CHUNK).toArray()) as Row[];
      const last = rows.at(-1);
      if (!last) break;
      after = last.id;
      const plain = rows.filter((row) => lib.hasPlainSensitive(kind, row));
      if (plain.length > 0) {
        if (!sealedAny) await report(false);
        sealedAny = true;
        const sealed = await Promise.all(plain.map((row) => lib.sealValues(kind, row.id, row, deviceSealer)));
        await db.transaction('rw', table, async () => {
          const current = (await table.bulkGet(plain.map((row) => row.id))) as (Row | undefined)[];
          const puts: Row[] = [];
          current.forEach((row, index) => {
            const before = plain[index];
            const next = sealed[index];
            if (!row || !before || !next) return;
            const put: Row = { ...row };
            let changed = false;
            for (const field of sensitiveFields(kind)) {
              if (row[field] === undefined || lib.isSealed(row[field])) continue;
              if (row._v[field] !== before._v[field]) continue;
              put[field] = next[field];
              changed = true;
            }
            if (changed) puts.push(put);
          });
          if (puts.length > 0) await table.bulkPut(puts);
        });
      }
      done += rows.length;
      if (sealedAny) await report(false);
    }
  }

  // The outbox: plain values sealed for the server (or the device key until the server's is known); values
  // sealed for the device key opened and sealed again for the server once its key is known.
  const forOutbox = serverSealer ?? deviceSealer;
  let afterSeq = 0;
  for (;;) {
    const entries = await db.outbox.where('seq').above(afterSeq).limit(CHUNK).toArray();
    const last = entries.at(-1);
    if (last?.seq === undefined) break;
    afterSeq = last.seq;
    const changed: OutboxEntry[] = [];
    for (const entry of entries) {
      const values = await resealForOutbox(lib, entry.kind, entry.id, entry.values, device.keyId, forOutbox, opener);
      if (values !== entry.values) changed.push({ ...entry, values });
    }
    if (changed.length > 0) {
      sealedAny = true;
      await db.transaction('rw', db.outbox, async () => {
        // An entry that went meanwhile (pushed, or purged) stays gone.
        const present = new Set(
          await db.outbox
            .where('seq')
            .anyOf(changed.map((entry) => entry.seq ?? 0))
            .primaryKeys(),
        );
        await db.outbox.bulkPut(changed.filter((entry) => present.has(entry.seq ?? 0)));
      });
    }
    done += entries.length;
    if (sealedAny) await report(false);
  }

  // Refused changes: kept for the device to show, so sealed for the device key.
  const refused = await db.rejected.toArray();
  const refusedChanged: RejectedChange[] = [];
  for (const entry of refused) {
    if (!lib.hasPlainSensitive(entry.kind, entry.values)) continue;
    refusedChanged.push({ ...entry, values: await lib.sealValues(entry.kind, entry.id, entry.values, deviceSealer) });
  }
  if (refusedChanged.length > 0) {
    sealedAny = true;
    await db.rejected.bulkPut(refusedChanged);
  }
  done += refused.length;

  // Drafts: each sealed as a whole; a draft typed into meanwhile (newer) is left for the next pass.
  const drafts = await db.drafts.toArray();
  for (const draft of drafts) {
    if (lib.isSealed(draft.value)) continue;
    sealedAny = true;
    const value = await deviceSealer.seal(draftPlace(draft.key), draft.value);
    await db.transaction('rw', db.drafts, async () => {
      const current = await db.drafts.get(draft.key);
      if (current?.updatedAt === draft.updatedAt) await db.drafts.put({ ...current, value });
    });
  }
  done += drafts.length;
  await report(true);
}

type Sealing = typeof SealingModule;

async function resealForOutbox(
  lib: Sealing,
  kind: KindName,
  id: string,
  values: Values,
  deviceKeyId: string,
  sealer: Awaited<ReturnType<Sealing['sealerFor']>>,
  opener: NonNullable<ReturnType<typeof currentOpener>>,
): Promise<Values> {
  let result = values;
  for (const field of sensitiveFields(kind)) {
    const value = values[field];
    if (value === undefined) continue;
    let plain: unknown;
    if (!lib.isSealed(value)) plain = value;
    else if (value.k === deviceKeyId && sealer.keyId !== deviceKeyId) {
      try {
        plain = await opener.open(sealPlace(kind, id, field), value);
      } catch {
        continue;
      }
    } else continue;
    if (result === values) result = { ...values };
    result[field] = await sealer.seal(sealPlace(kind, id, field), plain);
  }
  return result;
}
