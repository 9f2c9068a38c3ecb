// Repository for every record kind: each write stamps versions, merges and queues for sync in one transaction.
import { Dexie } from 'dexie';
import { isValidRecordId } from '../domain/ids.ts';
import { sensitiveFields } from '../domain/sensitive.ts';
import type * as KindsModule from '../domain/kinds.ts';
import type { FieldProblem, KindName } from '../domain/kinds.ts';
import { merge, type Values } from '../sync/merge.ts';
import { correctedNow, recordToRow, rowToRecord, stampVersions } from './clock.ts';
import type { CoorieDb, KindRow, Row } from './database.ts';
import { openRow, openRows } from './keyring.ts';
import { getMeta } from './meta.ts';

// The schemas (and zod with them, a sixth of the app's first screen) load on the first save rather than with
// the first screen (npm run size counts every script asked for before it shows). From the service worker's
// precache, that first load takes a moment; a save inside a caller's transaction waits for it (below).
let kinds: typeof KindsModule | undefined;
async function loadKinds() {
  kinds ??= await import('../domain/kinds.ts');
  return kinds;
}

/** Starts loading the schemas, so that the first save does not wait for them (the shell calls it when idle). */
export function preloadSchemas(): void {
  void loadKinds();
}

export class ValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
    this.name = 'ValidationError';
  }
}

export { correctedNow, rowToRecord } from './clock.ts';

type WriteListener = (db: CoorieDb) => void;
const writeListeners = new Set<WriteListener>();

/** Calls `listener` after every committed local write, so sync can be asked for soon. Returns an unsubscribe. */
export function onLocalWrite(listener: WriteListener): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/**
 * Saves some fields of a record: new records get `createdAt` and `createdBy`. Throws a ValidationError
 * naming every field to fix; nothing is written then.
 */
export async function saveRecord(
  db: CoorieDb,
  kind: KindName,
  id: string,
  changes: Values,
  options: { userId?: string; sealed?: SealedWrite } = {},
): Promise<Row> {
  // Inside a caller's transaction (a merge, a walk-in), Dexie.waitFor keeps it alive while the schemas load.
  const { validateValues } = kinds ?? (Dexie.currentTransaction ? await Dexie.waitFor(loadKinds()) : await loadKinds());
  // Sealed before the transaction opens (Web Crypto is not a Dexie promise): for the device key on the row,
  // for the server's key in the outbox.
  const sealed = options.sealed ?? (await sealForWrite(db, kind, id, changes));
  const saved = await db.transaction('rw', [db.records(kind), db.outbox, db.meta], async () => {
    const table = db.records(kind);
    const existing = await table.get(id);
    const values: Values = { ...changes };
    if (!existing) {
      values.createdAt ??= new Date(await correctedNow(db)).toISOString();
      values.createdBy ??= options.userId ?? '';
    }
    const problems = validateValues(kind, values, !existing);
    if (!isValidRecordId(id)) problems.push({ field: 'id', message: 'id is malformed' });
    if (problems.length > 0) throw new ValidationError(problems);

    const versions = await stampVersions(db, Object.keys(values));
    const change = { values: sealed ? { ...values, ...sealed.row } : values, versions };
    const merged = merge(existing ? rowToRecord(existing) : undefined, change);
    const row = recordToRow(id, merged.record);
    await table.put(row);
    await db.outbox.add({ kind, id, values: sealed ? { ...values, ...sealed.outbox } : values, versions });
    // The caller gets what it wrote in clear (a local stamp always wins the merge).
    return sealed ? { ...row, ...changes } : row;
  });
  // After the commit, never inside it: a listener that fails or is slow must not undo or hold the write.
  for (const listener of writeListeners) {
    try {
      listener(db);
    } catch {
      // Asking for a sync is a courtesy; the record is already safe on the device.
    }
  }
  return saved;
}

/** A change's sensitive values sealed for the row and for the outbox (sealForWrite). */
export interface SealedWrite {
  row: Values;
  outbox: Values;
}

/**
 * The sensitive values of a change sealed for the device key (the row) and the server's key (the outbox), or
 * undefined when there are none, or when the device has no key yet (no PIN chosen: the first unlock seals what
 * was written before, src/db/sealAtRest.ts). Until the server's key is known the outbox holds them sealed for
 * the device key; the page re-seals them for the server once it is (sealAtRest again). A caller that saves
 * inside its own transaction seals first and passes the result to saveRecord (`sealed`), so that no Web Crypto
 * work has to keep its transaction alive.
 */
export async function sealForWrite(
  db: CoorieDb,
  kind: KindName,
  id: string,
  changes: Values,
): Promise<SealedWrite | undefined> {
  if (!sensitiveFields(kind).some((field) => changes[field] !== undefined)) return undefined;
  const [device, server] = await Promise.all([getMeta(db, 'deviceKey'), getMeta(db, 'serverSealKey')]);
  if (!device) return undefined;
  const work = (async () => {
    const lib = await import('./sealing.ts');
    const [deviceSealer, serverSealer] = await Promise.all([
      lib.sealerFor(device),
      server ? lib.sealerFor(server) : undefined,
    ]);
    const [row, outbox] = await Promise.all([
      lib.sealValues(kind, id, changes, deviceSealer),
      lib.sealValues(kind, id, changes, serverSealer ?? deviceSealer),
    ]);
    return { row, outbox };
  })();
  // Inside a caller's transaction, Dexie.waitFor keeps it alive while Web Crypto works.
  return Dexie.currentTransaction ? Dexie.waitFor(work) : work;
}

/** Deletion is a field like any other, so it merges and syncs the same way. */
export async function deleteRecord(db: CoorieDb, kind: KindName, id: string): Promise<void> {
  await saveRecord(db, kind, id, { deleted: true });
}

export async function getRecord<K extends KindName>(
  db: CoorieDb,
  kind: K,
  id: string,
): Promise<KindRow<K> | undefined> {
  const row = await db.records(kind).get(id);
  return row && row.deleted !== true ? openRow(kind, row) : undefined;
}

export async function listRecords<K extends KindName>(db: CoorieDb, kind: K): Promise<KindRow<K>[]> {
  return openRows(
    kind,
    await db
      .records(kind)
      .filter((row) => row.deleted !== true)
      .toArray(),
  );
}

export function newId(): string {
  return crypto.randomUUID();
}
