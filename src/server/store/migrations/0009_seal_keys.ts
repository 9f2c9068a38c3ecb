// Issue 14 (private at rest): each organisation's sealing key pair. A device seals the sensitive values waiting
// in its outbox with the organisation's public key (src/crypto/seal.ts) and the server opens them on push with
// the private key kept here. Only Kysely's schema builder and portable types, as in 0001, so that it runs on
// SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Made on first need (store/sealKeys.ts). `n` counts an organisation's keys: a rotation adds the next one,
  // and the older rows stay, so that values sealed for them still open. `key_id` ("org:<organisation>:<n>")
  // is what a sealed value names in `k`.
  await db.schema
    .createTable('seal_keys')
    .addColumn('key_id', 'text', (column) => column.primaryKey())
    .addColumn('organisation_id', 'text', (column) =>
      column.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('n', 'integer', (column) => column.notNull())
    // Raw uncompressed P-256 point, base64url: what GET /api/sync/seal-key answers.
    .addColumn('public_key', 'text', (column) => column.notNull())
    // PKCS#8, base64url.
    .addColumn('private_key', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('seal_keys_organisation_n', ['organisation_id', 'n'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('seal_keys').execute();
}
