// The shipped library with the organisation's own records laid over it: an own record that carries a
// built-in's id replaces it (that is how a built-in is edited), and the rest are added.

export type LibraryOrigin = 'built-in' | 'edited' | 'own';

export interface LibraryEntry<T> {
  record: T;
  origin: LibraryOrigin;
}

export function overlayLibrary<T extends { id: string; deleted?: boolean }>(
  builtIn: readonly T[],
  own: readonly T[],
): LibraryEntry<T>[] {
  // A deleted override means "go back to the original", so the built-in shows again.
  const ownById = new Map(own.filter((record) => record.deleted !== true).map((record) => [record.id, record]));
  const entries: LibraryEntry<T>[] = builtIn.map((record) => {
    const override = ownById.get(record.id);
    return override ? { record: { ...record, ...override }, origin: 'edited' } : { record, origin: 'built-in' };
  });
  const builtInIds = new Set(builtIn.map((record) => record.id));
  for (const record of ownById.values()) {
    if (!builtInIds.has(record.id)) entries.push({ record, origin: 'own' });
  }
  return entries;
}
