// Promotion: one row per organisation that has opened its publicity settings, holding what its public
// timetable shows (README, "Promotion and the public timetable"). Lists are JSON text, booleans 0/1.
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publicity')
    .addColumn('organisation_id', 'text', (column) => column.primaryKey().references('organisations.id'))
    .addColumn('enabled', 'integer', (column) => column.notNull())
    // The timetable's address, /t/<slug>: shareable, but not to be guessed from the organisation's name alone.
    .addColumn('slug', 'text', (column) => column.notNull().unique())
    .addColumn('intro', 'text', (column) => column.notNull())
    .addColumn('contact', 'text', (column) => column.notNull())
    .addColumn('kinds_json', 'text', (column) => column.notNull())
    .addColumn('weeks_ahead', 'integer', (column) => column.notNull())
    .addColumn('show_venues', 'integer', (column) => column.notNull())
    .addColumn('what_to_expect', 'text', (column) => column.notNull())
    .addColumn('babies_welcome', 'integer', (column) => column.notNull())
    .addColumn('childcare', 'text', (column) => column.notNull())
    .addColumn('transport', 'text', (column) => column.notNull())
    .addColumn('routes_json', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publicity').execute();
}
