// Small helpers shared by the repositories.

/** A unique-constraint failure, in the words of either database driver. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error as { code: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isoNow(now: number = Date.now()): string {
  return new Date(now).toISOString();
}
