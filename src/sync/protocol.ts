// Wire types of sync protocol version 1, shared by the server and the device engine.
import { z } from 'zod';
import { ID_PATTERN, isValidRecordId } from '../domain/ids.ts';
import { HLC_PATTERN } from './hlc.ts';

export const PROTOCOL = 1;
export const MAX_PUSH_CHANGES = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;
export const MAX_PULL_LIMIT = 1000;
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** The envelope of a change; its values are checked against its kind separately, change by change. */
export const changeSchema = z.strictObject({
  kind: z.string().max(40),
  id: z.string().max(200),
  values: z.record(z.string(), z.unknown()),
  versions: z.record(z.string(), z.string().max(40)),
});
export type Change = z.infer<typeof changeSchema>;

const CHANGE_KEYS = new Set(['kind', 'id', 'values', 'versions']);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether `value` passes changeSchema, checked in place: parsing copies every change and its values, which a
 * device pulling tens of thousands of records pays for on its one busy thread. tests/sync/protocol.test.ts holds
 * the two to the same answers.
 */
export function isChange(value: unknown): value is Change {
  if (!isRecord(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && !CHANGE_KEYS.has(key)) return false;
  const { kind, id, values, versions } = value;
  if (typeof kind !== 'string' || kind.length > 40 || typeof id !== 'string' || id.length > 200) return false;
  if (!isRecord(values) || !isRecord(versions)) return false;
  for (const field in versions) {
    const version = versions[field];
    if (Object.hasOwn(versions, field) && (typeof version !== 'string' || version.length > 40)) return false;
  }
  return true;
}

/**
 * A push as the server checks it on arrival: its changes are checked one by one (server/sync/checkChange.ts),
 * so that one bad change does not sink its batch.
 */
export const pushEnvelopeSchema = z.strictObject({
  protocol: z.literal(PROTOCOL),
  deviceId: z.string().min(1).max(100),
  batchId: z.string().regex(ID_PATTERN, 'must be 1–100 characters of A–Z, a–z, 0–9, :, _ or -'),
  changes: z.array(z.unknown()),
});
export const pushRequestSchema = pushEnvelopeSchema.extend({ changes: z.array(changeSchema) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** The query of a pull; `protocol` is compared with PROTOCOL before the rest is read (a 426 says to update). */
export const pullQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
  protocol: z.string().optional(),
});

const CHANGE_STATUSES = ['applied', 'unchanged', 'rejected'] as const;
export const REJECTION_CODES = [
  'unknown_kind',
  'unknown_field',
  'invalid_value',
  'invalid_id',
  'invalid_version',
  'required_missing',
  'forbidden',
  'erased',
  'clock_ahead',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const changeResultSchema = z.object({
  status: z.enum(CHANGE_STATUSES),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type ChangeResult = z.infer<typeof changeResultSchema>;

/**
 * The id of the server's database (DESIGN §4, "Epoch"): a restore from a backup changes it, and a device that
 * sees a new one pulls from the start and pushes again what it holds. Optional, so that a device still talks to
 * a server from before epochs (and an older device ignores it).
 */
const epochSchema = z.string().min(1).max(100).optional();

export const pushResponseSchema = z.object({
  protocol: z.literal(PROTOCOL),
  serverTime: z.number(),
  epoch: epochSchema,
  results: z.array(changeResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** A record named without its contents: what a pull tells a device to purge. */
export const recordRefSchema = z.strictObject({ kind: z.string().max(40), id: z.string().max(200) });
export type RecordRef = z.infer<typeof recordRefSchema>;

export const pullResponseSchema = z.object({
  protocol: z.literal(PROTOCOL),
  serverTime: z.number(),
  epoch: epochSchema,
  changes: z.array(changeSchema),
  /**
   * Records this user may no longer see (a shared note made private, a role lowered): the device deletes
   * them, with anything queued for them, in the same transaction as the page.
   */
  purge: z.array(recordRefSchema).default([]),
  cursor: z.string(),
  more: z.boolean(),
  /** How many records are left to send after this page, for a first sync's progress. */
  remaining: z.number().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

const pullEnvelopeSchema = pullResponseSchema.omit({ changes: true });

/** A pull's answer as pullResponseSchema parses it, its changes checked in place (isChange) rather than copied. */
export function parsePullResponse(json: unknown): PullResponse | undefined {
  if (!isRecord(json)) return undefined;
  const { changes, ...envelope } = json;
  const parsed = pullEnvelopeSchema.safeParse(envelope);
  if (!parsed.success || !Array.isArray(changes) || !changes.every(isChange)) return undefined;
  return { ...parsed.data, changes };
}

export function isValidVersion(version: string): boolean {
  return HLC_PATTERN.test(version);
}

export { isValidRecordId };
