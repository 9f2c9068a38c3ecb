// The coordinators' data-protection endpoints (README, "Data protection"): subject access, erasure, retention, audit,
// history. Answers are checked against src/api/privacy.ts before a screen sees them; problems become ApiError.
import type {
  AuditEntry,
  ErasedCounts,
  ExportedRecord,
  HistoryChange,
  PersonExport,
  RetentionPreview,
} from '../../api/privacy.ts';
import { request } from '../http/request.ts';

export type { AuditEntry, ExportedRecord, HistoryChange, PersonExport, RetentionPreview };

/** Everything the organisation holds about a person; the server logs that it was exported. */
export function fetchPersonExport(personId: string): Promise<PersonExport> {
  return request('GET', `/api/people/${encodeURIComponent(personId)}/export`, (api) => api.personExportAnswer);
}

export async function erasePerson(personId: string): Promise<ErasedCounts> {
  const path = `/api/people/${encodeURIComponent(personId)}/erase`;
  return (await request('POST', path, (api) => api.eraseAnswer)).erased;
}

export function fetchRetentionPreview(): Promise<RetentionPreview> {
  return request('GET', '/api/retention/preview', (api) => api.retentionPreviewAnswer);
}

export async function saveRetentionMonths(months: number | null): Promise<number | null> {
  return (await request('PUT', '/api/organisation/retention', (api) => api.retentionAnswer, { months })).months;
}

export async function runRetention(ids: readonly string[]): Promise<number> {
  return (await request('POST', '/api/retention/run', (api) => api.retentionRunAnswer, { ids })).erased.length;
}

/** The newest `limit` entries of the organisation's audit log. */
export async function fetchAudit(limit: number): Promise<AuditEntry[]> {
  return (await request('GET', `/api/audit?limit=${limit}`, (api) => api.auditAnswer)).entries;
}

/** The server's change history of one record, oldest first. */
export async function fetchHistory(kind: string, id: string): Promise<HistoryChange[]> {
  const path = `/api/records/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/history`;
  return (await request('GET', path, (api) => api.historyAnswer)).changes;
}
