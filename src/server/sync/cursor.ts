// Pull cursors: opaque to devices, checked here. A checksum (not a secret) is enough: a forged cursor could
// only move a user around their own organisation's records, so it need only catch garbling and guessing.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from '../errors.ts';

const payloadSchema = z.strictObject({
  v: z.literal(1),
  s: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

function checksum(payload: string): string {
  return createHash('sha256').update(`coorie-cursor:${payload}`).digest('base64url').slice(0, 12);
}

export const invalidCursor = () =>
  new HttpError(400, 'invalid_cursor', 'The sync cursor is not one this server gave out: pull from the beginning.');

export function encodeCursor(seq: number): string {
  const payload = Buffer.from(JSON.stringify({ v: 1, s: seq })).toString('base64url');
  return `${payload}.${checksum(payload)}`;
}

/** The change number a cursor stands for; no cursor means the beginning. Throws 400 `invalid_cursor`. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const [payload, sum, extra] = cursor.split('.');
  if (!payload || !sum || extra !== undefined || checksum(payload) !== sum) throw invalidCursor();
  try {
    return payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).s;
  } catch {
    throw invalidCursor();
  }
}
