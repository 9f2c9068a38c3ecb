// Issue 9 (hardening of accounts and push): a batch remembers what it held, so that its id names one batch.
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // SHA-256 of the batch's changes; null on batches applied before this migration, which then match any resend.
  await db.schema.alterTable('applied_batches').addColumn('content_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applied_batches').dropColumn('content_hash').execute();
}
