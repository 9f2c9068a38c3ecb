// Table types of the server database (the same on SQLite and PostgreSQL; see migrations/ for the DDL).
//
// Portability choices: timestamps are ISO 8601 UTC text (they sort as strings); booleans are integers 0/1;
// record values and versions are JSON text; change numbers are bigint, which the pg driver returns as a
// string, so repositories convert them with Number() (they stay far below 2^53).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Role } from '../../domain/roles.ts';

type BigIntColumn = ColumnType<number | string | bigint, number, number>;

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
  /** The last change number handed out in this organisation; see sync/push.ts for why it is a row. */
  change_seq: ColumnType<number | string | bigint, number | undefined, number>;
  /** Months without activity after which people are offered for erasure; null: retention is off. */
  retention_months: ColumnType<number | null, number | null | undefined, number | null>;
  /** Minutes; null: the server's default (migration 0008). */
  alert_repeat_mins: ColumnType<number | null, number | null | undefined, number | null>;
  visit_grace_mins: ColumnType<number | null, number | null | undefined, number | null>;
  team_alert_mins: ColumnType<number | null, number | null | undefined, number | null>;
}

export type { Role };

/** One organisation per user, so the role is a column here (README, "Decisions worth knowing"). */
export interface UsersTable {
  id: string;
  organisation_id: string;
  name: string;
  /** Stored lower-cased, so that the unique index is case-insensitive on both databases. */
  email: string;
  password_hash: string;
  role: Role;
  disabled: Generated<number>;
  created_at: string;
  /** E.164, UK only; null when none is given. Shown to signed-in staff only (README, "Alerts"). */
  work_phone: Generated<string | null>;
  /** 1: may design peer-research questionnaires besides coordinators (migration 0014). */
  peer_researcher: Generated<number>;
}

export interface DeviceSessionsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  /** SHA-256 of the cookie's token: a stolen database does not hold live sessions. */
  token_hash: string;
  device_name: string;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

/** Sign-in attempts counted before their password is checked; those left are failures (signInFailures.ts). */
export interface SignInFailuresTable {
  id: string;
  email: string;
  ip: string;
  /** The trusted device's token hash, when the attempt came from one: it has a count of its own. */
  device: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
}

/** Devices that signed in to an account before (store/trustedDevices.ts). */
export interface TrustedDevicesTable {
  /** SHA-256 of the device cookie's token. */
  token_hash: string;
  user_id: string;
  /** The newest session the device opened: revoking it (a lost tablet) ends the trust too. */
  session_id: string;
  created_at: string;
}

export interface RecordsTable {
  organisation_id: string;
  kind: string;
  id: string;
  values_json: string;
  versions_json: string;
  change_seq: BigIntColumn;
  /** The user who first pushed the record: the author of a note. */
  author_id: string;
  /** For a note not shared with the team: the only non-coordinator who may see it (its author). */
  private_to: string | null;
  created_at: string;
  updated_at: string;
  /** Set when the record was reduced to an erasure tombstone: pushes to it are refused from then on. */
  erased_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AppliedBatchesTable {
  organisation_id: string;
  device_id: string;
  batch_id: string;
  response_json: string;
  /** SHA-256 of the batch's changes, so that a reused id with other changes is refused; null before 0005. */
  content_hash: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
}

/** Who did what, when: sign-ins, exports, erasures, team and device changes (never a password or a note). */
export interface AuditLogTable {
  id: string;
  at: string;
  organisation_id: string | null;
  user_id: string | null;
  device_id: string | null;
  action: string;
  kind: string | null;
  record_id: string | null;
  detail_json: string;
}

/** Append-only history of record writes: the changed fields and their new values (blanked by erasure). */
export interface RecordChangesTable {
  organisation_id: string;
  change_seq: BigIntColumn;
  kind: string;
  id: string;
  at: string;
  user_id: string;
  device_id: string | null;
  values_json: string;
}

/**
 * A user whose sight of a record changed without the record changing (a coordinator's role lowered or
 * raised), or who lost sight of it when it changed (a shared note made private). Pull answers each with
 * what is true when it is pulled: the record whole if the user may see it, else a purge.
 */
export interface SightChangesTable {
  organisation_id: string;
  change_seq: BigIntColumn;
  user_id: string;
  kind: string;
  id: string;
}

export interface InvitesTable {
  id: string;
  organisation_id: string;
  /** SHA-256 of the one-time code: the code itself is shown once, to the coordinator who made it. */
  code_hash: string;
  name: string;
  email: string;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface InviteFailuresTable {
  id: string;
  ip: string;
  created_at: string;
}

/** The server's VAPID key pair (one row, id 'vapid'), as base64url: web-push's own format. */
export interface PushKeysTable {
  id: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

/** A device's Web Push subscription: one per device sign-in. */
export interface PushSubscriptionsTable {
  device_session_id: string;
  user_id: string;
  organisation_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
  /** When the push service last accepted an alert for this device. */
  last_delivered_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Something the server alerts about (an urgent concern), and when it next has to (null: nothing more). */
export interface PushAlertsTable {
  organisation_id: string;
  kind: string;
  record_id: string;
  raised_at: string;
  alerts_sent: ColumnType<number, number | undefined, number>;
  next_alert_at: string | null;
}

/** An organisation's sealing key pair (migration 0009): `key_id` is "org:<organisation>:<n>". */
export interface SealKeysTable {
  key_id: string;
  organisation_id: string;
  n: number;
  /** Raw uncompressed P-256 point, base64url. */
  public_key: string;
  /** PKCS#8, base64url. */
  private_key: string;
  created_at: string;
}

/** Values the server keeps about its database: `epoch` (see store/epoch.ts). */
export interface ServerStateTable {
  key: string;
  value: string;
}

/** A rate limit's counter (store/rateLimits.ts): requests counted in the window that ends at `reset_at`. */
export interface RateLimitsTable {
  key: string;
  count: number;
  /** Epoch milliseconds. */
  reset_at: BigIntColumn;
}

/** A scheduled job's claim (jobs.ts): the period, counted from the epoch, in which it last ran. */
export interface ScheduledJobsTable {
  name: string;
  slot: BigIntColumn;
  claimed_at: string;
}

/** What an organisation's public timetable shows (migration 0013, store/publicity.ts). */
export interface PublicityTable {
  organisation_id: string;
  enabled: number;
  slug: string;
  intro: string;
  contact: string;
  kinds_json: string;
  weeks_ahead: number;
  show_venues: number;
  what_to_expect: string;
  babies_welcome: number;
  childcare: string;
  transport: string;
  routes_json: string;
  updated_at: string;
}

export interface Schema {
  organisations: OrganisationsTable;
  users: UsersTable;
  device_sessions: DeviceSessionsTable;
  sign_in_failures: SignInFailuresTable;
  trusted_devices: TrustedDevicesTable;
  records: RecordsTable;
  applied_batches: AppliedBatchesTable;
  audit_log: AuditLogTable;
  record_changes: RecordChangesTable;
  sight_changes: SightChangesTable;
  invites: InvitesTable;
  invite_failures: InviteFailuresTable;
  push_keys: PushKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  push_alerts: PushAlertsTable;
  seal_keys: SealKeysTable;
  server_state: ServerStateTable;
  rate_limits: RateLimitsTable;
  scheduled_jobs: ScheduledJobsTable;
  publicity: PublicityTable;
}

export type UserRow = Selectable<UsersTable>;
