// Data protection (README, "Data protection"): subject access, erasure, retention, the audit log and a record's
// history (server/routes/people.ts, retention.ts, audit.ts).
import { z } from 'zod';
import { ID_PATTERN } from '../domain/ids.ts';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from './limits.ts';

/** A malformed id names nobody: the server answers 404, as for any id outside the organisation. */
export const personParams = z.strictObject({ id: z.string() });

/** One record as the export holds it: its id and whatever fields it has, values as they were stored. */
const exported = z.looseObject({ id: z.string() });
export type ExportedRecord = z.infer<typeof exported>;

/** GET /api/people/:id/export: everything the organisation holds about a person. */
export const personExportAnswer = z.object({
  person: exported,
  /** Duplicate records of the same person, merged into this one. */
  mergedPeople: z.array(exported),
  checkIns: z.array(exported),
  outreach: z.array(exported),
  notes: z.array(exported),
  visits: z.array(exported),
  bookings: z.array(exported),
  referrals: z.array(exported),
  /** Research answers kept with the person, with their consent. */
  responses: z.array(exported),
  /** Every change the history keeps, oldest first: earlier values included; `by` is a team member's name. */
  history: z.array(
    z.object({
      kind: z.string(),
      id: z.string(),
      at: z.string(),
      by: z.string(),
      values: z.record(z.string(), z.unknown()),
    }),
  ),
  exportedAt: z.string(),
});
export type PersonExport = z.infer<typeof personExportAnswer>;

export const erasedCountsSchema = z.object({
  attendee: z.number(),
  checkIn: z.number(),
  outreach: z.number(),
  note: z.number(),
  visit: z.number(),
  booking: z.number(),
  referral: z.number(),
  response: z.number(),
});
export type ErasedCounts = z.infer<typeof erasedCountsSchema>;

/** POST /api/people/:id/erase */
export const eraseAnswer = z.object({ erased: erasedCountsSchema });

/** PUT /api/organisation/retention, answered with the same shape. */
export const retentionBody = z.strictObject({
  months: z
    .number()
    .int()
    .min(MIN_RETENTION_MONTHS, `must be at least ${MIN_RETENTION_MONTHS} months`)
    .max(MAX_RETENTION_MONTHS, `must be at most ${MAX_RETENTION_MONTHS} months`)
    .nullable(),
});
export const retentionAnswer = z.object({ months: z.number().nullable() });

/** GET /api/retention/preview: who the period would erase now, longest quiet first. */
export const retentionPreviewAnswer = z.object({
  months: z.number().nullable(),
  people: z.array(z.object({ id: z.string(), displayName: z.string(), lastActivity: z.string() })),
});
export type RetentionPreview = z.infer<typeof retentionPreviewAnswer>;

/** POST /api/retention/run: the people a coordinator confirmed, every one of whom the preview must list. */
export const retentionRunBody = z.strictObject({ ids: z.array(z.string().regex(ID_PATTERN)).min(1).max(1000) });
export const retentionRunAnswer = z.object({
  erased: z.array(z.object({ id: z.string(), erased: erasedCountsSchema })),
});

/** GET /api/audit */
export const auditQuery = z.strictObject({
  kind: z.string().max(40).optional(),
  id: z.string().max(100).optional(),
  action: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const auditEntrySchema = z.object({
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  deviceId: z.string().nullable(),
  action: z.string(),
  kind: z.string().nullable(),
  recordId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditAnswer = z.object({ entries: z.array(auditEntrySchema) });

/** GET /api/records/:kind/:id/history: one record's changes, oldest first. */
export const historyParams = z.strictObject({ kind: z.string(), id: z.string().max(100) });
export const historyChangeSchema = z.object({
  changeSeq: z.number(),
  at: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  deviceId: z.string().nullable(),
  values: z.record(z.string(), z.unknown()),
});
export type HistoryChange = z.infer<typeof historyChangeSchema>;
export const historyAnswer = z.object({ kind: z.string(), id: z.string(), changes: z.array(historyChangeSchema) });
