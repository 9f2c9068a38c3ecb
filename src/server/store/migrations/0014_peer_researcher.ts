// Peer research: a team member a coordinator marks as a peer researcher may design questionnaires (coordinators
// always may). A flag on the user, not a fourth role: a facilitator or a visitor who does research keeps their
// role and everything it lets them see. Only Kysely's schema builder and portable types, as in 0001, so that it
// runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('peer_researcher', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('peer_researcher').execute();
}
