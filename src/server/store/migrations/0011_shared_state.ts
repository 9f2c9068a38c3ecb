// More than one server process on one database: the rate-limit counters and the scheduled jobs' claims move
// out of process memory into tables that every process shares.
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per limited key (a route and an address, or a device's sign-in), stored as its SHA-256; times in
  // epoch milliseconds.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('count', 'integer', (column) => column.notNull())
    .addColumn('reset_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset_at').on('rate_limits').column('reset_at').execute();

  // One row per scheduled job: the last period (epoch milliseconds divided by the job's period) claimed.
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('slot', 'bigint', (column) => column.notNull())
    .addColumn('claimed_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').execute();
  await db.schema.dropIndex('rate_limits_reset_at').execute();
  await db.schema.dropTable('rate_limits').execute();
}
