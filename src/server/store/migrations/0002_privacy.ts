// Issue 5 (privacy, access and safety): erasure marks, retention, the audit log, record history and invites.
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Set when a record is reduced to an erasure tombstone; a push to it is then refused for ever.
  await db.schema.alterTable('records').addColumn('erased_at', 'text').execute();
  // Months without activity after which a person is offered for erasure; null means retention is off.
  await db.schema.alterTable('organisations').addColumn('retention_months', 'integer').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    // Null for events with no organisation yet, such as a failed sign-in for an unknown address.
    .addColumn('organisation_id', 'text', (column) => column.references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('kind', 'text')
    .addColumn('record_id', 'text')
    .addColumn('detail_json', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_log_organisation').on('audit_log').columns(['organisation_id', 'at']).execute();
  await db.schema
    .createIndex('audit_log_record')
    .on('audit_log')
    .columns(['organisation_id', 'kind', 'record_id'])
    .execute();

  await db.schema
    .createTable('record_changes')
    .addColumn('organisation_id', 'text', (column) =>
      column.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('change_seq', 'bigint', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('device_id', 'text')
    .addColumn('values_json', 'text', (column) => column.notNull())
    // One change number names one write, as in records.
    .addPrimaryKeyConstraint('record_changes_pk', ['organisation_id', 'change_seq'])
    .execute();
  await db.schema
    .createIndex('record_changes_record')
    .on('record_changes')
    .columns(['organisation_id', 'kind', 'id'])
    .execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('organisation_id', 'text', (column) =>
      column.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('invite_failures')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('ip', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('invite_failures_ip').on('invite_failures').columns(['ip', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['invite_failures', 'invites', 'record_changes', 'audit_log']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('organisations').dropColumn('retention_months').execute();
  await db.schema.alterTable('records').dropColumn('erased_at').execute();
}
