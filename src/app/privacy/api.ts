// The coordinators' data-protection endpoints (README, "Data protection"): subject access, erasure, retention, audit,
// history. Every answer is checked before a screen sees it; problems become ApiError, as on the account screens.
import { z } from 'zod';
import { ApiError, request as requestJson } from '../account/api.ts';

/** Calls the API through the account screens' `request`, then checks the answer's shape. */
async function request<T>(
  schema: z.ZodType<T>,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const parsed = schema.safeParse(await requestJson(method, path, body));
  if (!parsed.success) throw new ApiError(502, 'bad_response', 'The server sent an answer Coorie does not understand.');
  return parsed.data;
}

/** One record as the export holds it: its id and whatever fields it has, values as they were stored. */
const exported = z.looseObject({ id: z.string() });
export type ExportedRecord = z.infer<typeof exported>;

const personExport = z.looseObject({
  person: exported,
  mergedPeople: z.array(exported),
  checkIns: z.array(exported),
  outreach: z.array(exported),
  notes: z.array(exported),
  visits: z.array(exported),
  /** Every change the history keeps, oldest first: earlier values included. */
  history: z
    .array(
      z.object({
        kind: z.string(),
        id: z.string(),
        at: z.string(),
        by: z.string(),
        values: z.record(z.string(), z.unknown()),
      }),
    )
    .default([]),
  exportedAt: z.string(),
});
export type PersonExport = z.infer<typeof personExport>;

/** Everything the organisation holds about a person; the server logs that it was exported. */
export function fetchPersonExport(personId: string): Promise<PersonExport> {
  return request(personExport, 'GET', `/api/people/${encodeURIComponent(personId)}/export`);
}

const erasedCounts = z.object({
  attendee: z.number(),
  checkIn: z.number(),
  outreach: z.number(),
  note: z.number(),
  visit: z.number(),
});
export type ErasedCounts = z.infer<typeof erasedCounts>;

export async function erasePerson(personId: string): Promise<ErasedCounts> {
  const answer = await request(
    z.object({ erased: erasedCounts }),
    'POST',
    `/api/people/${encodeURIComponent(personId)}/erase`,
  );
  return answer.erased;
}

const retentionPreview = z.object({
  months: z.number().nullable(),
  people: z.array(z.object({ id: z.string(), displayName: z.string(), lastActivity: z.string() })),
});
export type RetentionPreview = z.infer<typeof retentionPreview>;

export function fetchRetentionPreview(): Promise<RetentionPreview> {
  return request(retentionPreview, 'GET', '/api/retention/preview');
}

export async function saveRetentionMonths(months: number | null): Promise<number | null> {
  const answer = await request(z.object({ months: z.number().nullable() }), 'PUT', '/api/organisation/retention', {
    months,
  });
  return answer.months;
}

export async function runRetention(ids: readonly string[]): Promise<number> {
  const answer = await request(
    z.object({ erased: z.array(z.object({ id: z.string(), erased: erasedCounts })) }),
    'POST',
    '/api/retention/run',
    { ids },
  );
  return answer.erased.length;
}

const auditEntry = z.object({
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  kind: z.string().nullable(),
  recordId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** The newest `limit` entries of the organisation's audit log. */
export async function fetchAudit(limit: number): Promise<AuditEntry[]> {
  const answer = await request(z.object({ entries: z.array(auditEntry) }), 'GET', `/api/audit?limit=${limit}`);
  return answer.entries;
}

const historyChange = z.object({
  changeSeq: z.number(),
  at: z.string(),
  userName: z.string().nullable(),
  values: z.record(z.string(), z.unknown()),
});
export type HistoryChange = z.infer<typeof historyChange>;

/** The server's change history of one record, oldest first. */
export async function fetchHistory(kind: string, id: string): Promise<HistoryChange[]> {
  const answer = await request(
    z.object({ changes: z.array(historyChange) }),
    'GET',
    `/api/records/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/history`,
  );
  return answer.changes;
}
