// The audit log: who did what, when. Details never hold a password, a note's text or a person's name.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'device_revoked',
  'user_created',
  'user_changed',
  'invite_created',
  'invite_accepted',
  'person_exported',
  'person_erased',
  'retention_changed',
  'retention_due',
  'alert_periods_changed',
  'publicity_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  organisationId: string | null;
  userId?: string | null;
  deviceId?: string | null;
  action: AuditAction;
  kind?: string | null;
  recordId?: string | null;
  detail?: Record<string, unknown>;
}

export async function writeAudit(db: Kysely<Schema>, entry: AuditEntry, now: number = Date.now()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: isoNow(now),
      organisation_id: entry.organisationId,
      user_id: entry.userId ?? null,
      device_id: entry.deviceId ?? null,
      action: entry.action,
      kind: entry.kind ?? null,
      record_id: entry.recordId ?? null,
      detail_json: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export interface AuditListing {
  at: string;
  userId: string | null;
  userName: string | null;
  deviceId: string | null;
  action: string;
  kind: string | null;
  recordId: string | null;
  detail: Record<string, unknown>;
}

/** The organisation's log, newest first, optionally about one kind of record or one record. */
export async function listAudit(
  db: Kysely<Schema>,
  filter: { organisationId: string; kind?: string; recordId?: string; action?: string; limit: number },
): Promise<AuditListing[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.at as at',
      'a.user_id as userId',
      'u.name as userName',
      'a.device_id as deviceId',
      'a.action as action',
      'a.kind as kind',
      'a.record_id as recordId',
      'a.detail_json as detailJson',
    ])
    .where('a.organisation_id', '=', filter.organisationId);
  if (filter.kind !== undefined) query = query.where('a.kind', '=', filter.kind);
  if (filter.recordId !== undefined) query = query.where('a.record_id', '=', filter.recordId);
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
  const rows = await query.orderBy('a.at', 'desc').orderBy('a.id').limit(filter.limit).execute();
  return rows.map(({ detailJson, ...row }) => ({ ...row, detail: JSON.parse(detailJson) as Record<string, unknown> }));
}
