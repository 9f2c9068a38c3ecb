// Field types shared by every record kind, with their limits.
import { z } from 'zod';
import { ID_PATTERN } from './ids.ts';

export { ID_PATTERN };

export const MAX_TEXT = 20_000;

export const id = z.string().regex(ID_PATTERN, 'must be 1–100 characters of A–Z, a–z, 0–9, :, _ or -');
/**
 * Text counted as it will be stored. Values are checked here but stored as the device wrote them (the
 * device and the server must hold the same value under the same version), so a limit counts the spaces too:
 * trimming only for the check would let a million spaces and "Jo" pass as two characters.
 */
export const text = (max = MAX_TEXT) => z.string().max(max, `must be at most ${max} characters`);
/** Text that must say something: at most `max` characters as stored, and not only spaces. */
export const requiredText = (max: number) => text(max).refine((value) => value.trim() !== '', 'is required');
export const dateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
export const date = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
export const idList = z.array(id).max(500);
export const textList = z.array(text(200)).max(100);

/** Fields every kind carries besides its own. */
export const commonFields = {
  createdAt: dateTime,
  createdBy: text(100),
  deleted: z.boolean(),
  /** Set only by the server, with `deleted`, on the tombstone of an erased person's record: purge it. */
  erased: z.boolean(),
};
