// Sealing and opening a record's sensitive fields (src/domain/sensitive.ts) with src/crypto/seal.ts: the same code
// in the page (saveRecord, drafts, the first-unlock pass) and the service worker (pulled records). Each value is
// sealed for one key, bound to its place (`kind/id/field`), so a ciphertext moved elsewhere fails to open.
import { isSealed, importPublicKey, Sealer, type Opener, type Sealed } from '../crypto/seal.ts';
import { sealPlace, sensitiveFields } from '../domain/sensitive.ts';
import type { Values } from '../sync/merge.ts';

export { isSealed, type Sealed };

export interface PublicSealKey {
  keyId: string;
  publicKey: string;
}

// One ephemeral key per recipient key for the life of this page or worker: one ECDH per load, not per value.
const sealers = new Map<string, Promise<Sealer>>();

export function sealerFor(key: PublicSealKey): Promise<Sealer> {
  const cacheKey = `${key.keyId}\u0000${key.publicKey}`;
  let sealer = sealers.get(cacheKey);
  if (!sealer) {
    sealer = importPublicKey(key.publicKey).then((publicKey) => Sealer.create(publicKey, key.keyId));
    sealers.set(cacheKey, sealer);
    sealer.catch(() => sealers.delete(cacheKey));
  }
  return sealer;
}

/** Whether any sensitive field of these values is held in clear. */
export function hasPlainSensitive(kind: string, values: Values): boolean {
  return sensitiveFields(kind).some((field) => values[field] !== undefined && !isSealed(values[field]));
}

/** The values with every sensitive field that is in clear sealed by `sealer`; the others as they are. */
export async function sealValues(kind: string, id: string, values: Values, sealer: Sealer): Promise<Values> {
  const fields = sensitiveFields(kind).filter((field) => values[field] !== undefined && !isSealed(values[field]));
  if (fields.length === 0) return values;
  const sealed = await Promise.all(fields.map((field) => sealer.seal(sealPlace(kind, id, field), values[field])));
  const result: Values = { ...values };
  fields.forEach((field, index) => (result[field] = sealed[index]));
  return result;
}

/**
 * Many records' values, each as sealValues seals them, in one batch of encryptions (a pulled page holds thousands
 * of values). Records with nothing to seal come back as they were.
 */
export async function sealRecords<T extends { kind: string; id: string; values: Values }>(
  records: readonly T[],
  sealer: Sealer,
): Promise<T[]> {
  const items: { place: string; value: unknown }[] = [];
  const owners: { record: number; field: string }[] = [];
  records.forEach((record, index) => {
    for (const field of sensitiveFields(record.kind)) {
      const value = record.values[field];
      if (value === undefined || isSealed(value)) continue;
      items.push({ place: sealPlace(record.kind, record.id, field), value });
      owners.push({ record: index, field });
    }
  });
  if (items.length === 0) return [...records];
  const sealed = await sealer.sealMany(items);
  const result = [...records];
  owners.forEach(({ record, field }, index) => {
    const current = result[record];
    if (!current) return;
    // A copy of the record and its values, made at its first sealed field: the caller's stay as they were.
    const copy = current === records[record] ? { ...current, values: { ...current.values } } : current;
    copy.values[field] = sealed[index];
    result[record] = copy;
  });
  return result;
}

/**
 * The values with their sealed sensitive fields opened by `opener`. A field it cannot open (no key: Coorie is
 * locked; sealed for another key; altered) is left out, never shown as ciphertext.
 */
export async function openValues<T extends Values>(kind: string, id: string, values: T, opener?: Opener): Promise<T> {
  const fields = sensitiveFields(kind).filter((field) => isSealed(values[field]));
  if (fields.length === 0) return values;
  const result: Values = { ...values };
  await Promise.all(
    fields.map(async (field) => {
      try {
        if (!opener) throw new Error('locked');
        result[field] = await opener.open(sealPlace(kind, id, field), values[field] as Sealed);
      } catch {
        delete result[field];
      }
    }),
  );
  return result as T;
}

/** Seals a whole value (a draft) for one key, bound to `place`. */
export async function sealWhole(place: string, value: unknown, sealer: Sealer): Promise<Sealed> {
  return sealer.seal(place, value);
}
