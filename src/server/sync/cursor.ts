// Pull cursors: opaque to devices, checked here. A checksum (not a secret) is enough: a forged cursor could
// only move a user around their own organisation's records, so it need only catch garbling and guessing.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from '../errors.ts';

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const payloadSchema = z.strictObject({
  v: z.literal(1),
  s: count,
  /** What was left to send after this page, and the change counter then (sync/pull.ts carries the tally on). */
  r: count.optional(),
  c: count.optional(),
  /** The page this cursor came with said `more`: the next page continues the same pull (routes/sync.ts). */
  m: z.literal(1).optional(),
});

/** Where a pull stands: the change number to continue after, and what pull.ts carries from page to page. */
export interface CursorState {
  seq: number;
  /** Left to send after `seq` when `counter` was the organisation's change counter (see sync/pull.ts). */
  tally?: { remaining: number; counter: number };
  /** The page before said `more`: this pull is under way. */
  continues?: boolean;
}

function checksum(payload: string): string {
  return createHash('sha256').update(`coorie-cursor:${payload}`).digest('base64url').slice(0, 12);
}

export const invalidCursor = () =>
  new HttpError(400, 'invalid_cursor', 'The sync cursor is not one this server gave out: pull from the beginning.');

export function encodeCursor(state: number | CursorState): string {
  const { seq, tally, continues } = typeof state === 'number' ? { seq: state } : state;
  const fields = {
    v: 1,
    s: seq,
    ...(tally ? { r: tally.remaining, c: tally.counter } : {}),
    ...(continues ? { m: 1 } : {}),
  };
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${checksum(payload)}`;
}

/** Where a cursor stands; no cursor means the beginning. Throws 400 `invalid_cursor`. */
export function decodeCursorState(cursor: string | undefined): CursorState {
  if (cursor === undefined || cursor === '') return { seq: 0 };
  const [payload, sum, extra] = cursor.split('.');
  if (!payload || !sum || extra !== undefined || checksum(payload) !== sum) throw invalidCursor();
  let fields: z.infer<typeof payloadSchema>;
  try {
    fields = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
  return {
    seq: fields.s,
    ...(fields.r !== undefined && fields.c !== undefined ? { tally: { remaining: fields.r, counter: fields.c } } : {}),
    ...(fields.m ? { continues: true } : {}),
  };
}

/** The change number a cursor stands for; no cursor means the beginning. Throws 400 `invalid_cursor`. */
export function decodeCursor(cursor: string | undefined): number {
  return decodeCursorState(cursor).seq;
}
