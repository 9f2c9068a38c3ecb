// The one merge, used by the server and by every device: last writer wins, per field.

export type Values = Record<string, unknown>;
export type Versions = Record<string, string>;

export interface VersionedRecord {
  values: Values;
  versions: Versions;
}

export interface MergeResult {
  record: VersionedRecord;
  /** Fields whose value or version the incoming change replaced. */
  changedFields: string[];
}

/**
 * Takes each incoming field whose version is greater than the stored one (or that is not stored yet).
 * Commutative, associative and idempotent, so changes may arrive in any order, any number of times.
 * Ties on equal versions keep the stored value: equal versions come from the same write.
 */
export function merge(current: VersionedRecord | undefined, incoming: VersionedRecord): MergeResult {
  const values: Values = { ...current?.values };
  const versions: Versions = { ...current?.versions };
  const changedFields: string[] = [];
  for (const [field, version] of Object.entries(incoming.versions)) {
    const stored = Object.hasOwn(versions, field) ? versions[field] : undefined;
    if (stored === undefined || version > stored) {
      values[field] = incoming.values[field];
      versions[field] = version;
      changedFields.push(field);
    }
  }
  return { record: { values, versions }, changedFields };
}

/** The greatest version in a record, or undefined for none. */
export function maxVersion(versions: Versions): string | undefined {
  let max: string | undefined;
  for (const version of Object.values(versions)) if (max === undefined || version > max) max = version;
  return max;
}
