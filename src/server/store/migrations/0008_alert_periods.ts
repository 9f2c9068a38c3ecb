// An organisation's own alert periods, in minutes, set by its coordinators in Settings. Null: the server's
// default from its environment (ALERT_REPEAT_MINS, VISIT_GRACE_MINS, TEAM_ALERT_MINS).
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

const COLUMNS = ['alert_repeat_mins', 'visit_grace_mins', 'team_alert_mins'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema.alterTable('organisations').addColumn(column, 'integer').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema.alterTable('organisations').dropColumn(column).execute();
  }
}
