// The coordinators' data-protection endpoints (README, "Data protection"): subject access, erasure, retention, audit,
// history. Answers are checked against src/api/privacy.ts before a screen sees them; problems become ApiError.
import {
  auditAnswer,
  eraseAnswer,
  historyAnswer,
  personExportAnswer,
  retentionAnswer,
  retentionPreviewAnswer,
  retentionRunAnswer,
  type AuditEntry,
  type ErasedCounts,
  type ExportedRecord,
  type HistoryChange,
  type PersonExport,
  type RetentionPreview,
} from '../../api/privacy.ts';
import { checked } from '../http/checked.ts';

export type { AuditEntry, ExportedRecord, HistoryChange, PersonExport, RetentionPreview };

/** Everything the organisation holds about a person; the server logs that it was exported. */
export function fetchPersonExport(personId: string): Promise<PersonExport> {
  return checked('GET', `/api/people/${encodeURIComponent(personId)}/export`, personExportAnswer);
}

export async function erasePerson(personId: string): Promise<ErasedCounts> {
  const path = `/api/people/${encodeURIComponent(personId)}/erase`;
  return (await checked('POST', path, eraseAnswer)).erased;
}

export function fetchRetentionPreview(): Promise<RetentionPreview> {
  return checked('GET', '/api/retention/preview', retentionPreviewAnswer);
}

export async function saveRetentionMonths(months: number | null): Promise<number | null> {
  return (await checked('PUT', '/api/organisation/retention', retentionAnswer, { months })).months;
}

export async function runRetention(ids: readonly string[]): Promise<number> {
  return (await checked('POST', '/api/retention/run', retentionRunAnswer, { ids })).erased.length;
}

/** The newest `limit` entries of the organisation's audit log. */
export async function fetchAudit(limit: number): Promise<AuditEntry[]> {
  return (await checked('GET', `/api/audit?limit=${limit}`, auditAnswer)).entries;
}

/** The server's change history of one record, oldest first. */
export async function fetchHistory(kind: string, id: string): Promise<HistoryChange[]> {
  const path = `/api/records/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/history`;
  return (await checked('GET', path, historyAnswer)).changes;
}
