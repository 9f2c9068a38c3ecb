// Issue 12, item 4 (people you can call): a team member's optional work phone number, kept in E.164
// ("+447700900123"). Coordinators set it in Team; signed-in staff devices fetch it to offer "Call <name>".
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('work_phone', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('work_phone').execute();
}
