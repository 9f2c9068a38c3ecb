// Field types shared by every record kind, with the limits of DESIGN §3.
import { z } from 'zod';
import { ID_PATTERN } from './ids.ts';

export { ID_PATTERN };

export const MAX_TEXT = 20_000;

export const id = z.string().regex(ID_PATTERN, 'must be 1–100 characters of A–Z, a–z, 0–9, :, _ or -');
export const text = (max = MAX_TEXT) => z.string().max(max, `must be at most ${max} characters`);
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
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
