// The database's epoch (DESIGN §4, "Epoch"): an id made with the database and replaced by a restore, which every
// pull and push answer carries so that a device can tell it now talks to a restored database.
// Only Kysely's schema builder and portable types, as in 0001, so that it runs on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('server_state')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .execute();
  await (db as Kysely<{ server_state: { key: string; value: string } }>)
    .insertInto('server_state')
    .values({ key: 'epoch', value: randomUUID() })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('server_state').execute();
}
