// The erasure ledger (README, "Backups and restore"): one line per erasure, appended to a file outside the
// database (ERASURE_LEDGER, by default erasures.log in DATA_DIR) before the erasure commits. A restore replaces the
// database and nothing else, so the ledger keeps every erasure made since the backup; the server re-applies it
// at every start (main.ts, reapplyErasures.ts), before it answers a request, so no device can bring an erased person back. A line
// holds only ids and a time: nothing about the person.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const entrySchema = z.object({
  organisationId: z.string(),
  personId: z.string(),
  userId: z.string(),
  at: z.string(),
});
export type ErasureEntry = z.infer<typeof entrySchema>;

/** Appends an erasure and waits until it is on disk. */
export function recordErasure(ledger: string, entry: ErasureEntry): void {
  mkdirSync(path.dirname(ledger), { recursive: true, mode: 0o700 });
  const fd = openSync(ledger, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every erasure in the ledger (none if there is no ledger yet); a line cut short by a crash is skipped. */
export function readErasures(ledger: string): ErasureEntry[] {
  if (!existsSync(ledger)) return [];
  return readFileSync(ledger, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (line.trim() === '') return [];
      try {
        const parsed = entrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}
