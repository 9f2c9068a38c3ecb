// Field types shared by every record kind, with their limits.
import { z } from 'zod';
import { ID_PATTERN } from './ids.ts';

export { ID_PATTERN };

export const MAX_TEXT = 20_000;

export const id = z.string().regex(ID_PATTERN, 'must be 1–100 characters of A–Z, a–z, 0–9, :, _ or -');
/** What one line may not hold: any control character (tab and line breaks too), or a line or paragraph separator. */
// eslint-disable-next-line no-control-regex -- these are the characters refused
const NOT_ONE_LINE = /[\0-\x1f\x7f\u2028\u2029]/;
/** What no text may hold: every control character but tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- these are the characters refused
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * Text counted as it will be stored. Values are checked here but stored as the device wrote them (the
 * device and the server must hold the same value under the same version), so a limit counts the spaces too:
 * trimming only for the check would let a million spaces and "Jo" pass as two characters.
 *
 * `text` is one line (a name, a title, a phone number): no line break, tab or other control character.
 * Only fields shown and typed in several lines (a note, a reflection, directions) are `multiLineText`, which
 * may hold tabs and line breaks but no other control character.
 */
const limited = (max: number) => z.string().max(max, `must be at most ${max} characters`);
export const text = (max: number) => limited(max).refine((value) => !NOT_ONE_LINE.test(value), 'must be one line');
export const multiLineText = (max = MAX_TEXT) =>
  limited(max).refine((value) => !CONTROL.test(value), 'has a control character');
const notBlank = (value: string) => value.trim() !== '';
/** One line that must say something: at most `max` characters as stored, and not only spaces. */
export const requiredText = (max: number) => text(max).refine(notBlank, 'is required');
/** Several lines that must say something. */
export const requiredMultiLineText = (max: number) => multiLineText(max).refine(notBlank, 'is required');
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
