// Issue 9 (hardening of accounts and push): a batch remembers what it held, so that its id names one batch;
// devices that signed in before are remembered, and count their own sign-in attempts.
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // SHA-256 of the batch's changes; null on batches applied before this migration, which then match any resend.
  await db.schema.alterTable('applied_batches').addColumn('content_hash', 'text').execute();

  await db.schema
    .createTable('trusted_devices')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('trusted_devices_session').on('trusted_devices').column('session_id').execute();
  // Null for attempts from other devices, which count towards the account and the address.
  await db.schema.alterTable('sign_in_failures').addColumn('device', 'text').execute();
  await db.schema
    .createIndex('sign_in_failures_device')
    .on('sign_in_failures')
    .columns(['device', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sign_in_failures_device').execute();
  await db.schema.alterTable('sign_in_failures').dropColumn('device').execute();
  await db.schema.dropTable('trusted_devices').execute();
  await db.schema.alterTable('applied_batches').dropColumn('content_hash').execute();
}
