// Issue 9.1: who lost (or gained) sight of which record, so that pull can tell their devices to purge it.
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sight_changes')
    .addColumn('organisation_id', 'text', (column) =>
      column.notNull().references('organisations.id').onDelete('cascade'),
    )
    // Numbered from the organisation's change counter, so that pull sends it in commit order with records.
    .addColumn('change_seq', 'bigint', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('sight_changes_pk', ['organisation_id', 'change_seq'])
    .execute();
  await db.schema
    .createIndex('sight_changes_user')
    .on('sight_changes')
    .columns(['organisation_id', 'user_id', 'change_seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sight_changes').execute();
}
