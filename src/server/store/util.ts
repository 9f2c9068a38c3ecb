// Small helpers shared by the repositories.

/** A unique-constraint failure, in the words of either database driver. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error as { code: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The database could not grow: SQLite's SQLITE_FULL (disk or max_page_count), PostgreSQL's disk_full (53100). */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error as { code: unknown };
  return code === 'SQLITE_FULL' || code === '53100';
}

export function isoNow(now: number = Date.now()): string {
  return new Date(now).toISOString();
}
