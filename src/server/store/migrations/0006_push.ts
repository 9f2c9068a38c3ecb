// Issue 12 (safety alerts): the server's VAPID keys, each device's Web Push subscription, and the urgent
// concerns the server has to alert coordinators about. Only Kysely's schema builder and portable types, as in
// 0001, so that it runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row ('vapid'), made on first start: every server process signs with the same keys, so a device's
  // subscription (made with the public key) stays good whichever process sends to it.
  await db.schema
    .createTable('push_keys')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('public_key', 'text', (column) => column.notNull())
    .addColumn('private_key', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();

  // One subscription per device sign-in: it goes when the sign-in is deleted (cascade), revoked or signed
  // out (store/signIns.ts), or when the push service answers 404/410 (push/send.ts).
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('device_session_id', 'text', (column) =>
      column.primaryKey().references('device_sessions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (column) =>
      column.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('endpoint', 'text', (column) => column.notNull())
    .addColumn('p256dh', 'text', (column) => column.notNull())
    .addColumn('auth', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('push_subscriptions_organisation')
    .on('push_subscriptions')
    .columns(['organisation_id', 'user_id'])
    .execute();

  // An urgent concern the server knows of, and when it next has to alert about it (null: nothing more to send).
  // Several server processes may tick at once: each claims an alert by moving `next_alert_at` on from the
  // value it read (store/push.ts), so only one of them sends it.
  await db.schema
    .createTable('push_alerts')
    .addColumn('organisation_id', 'text', (column) =>
      column.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('record_id', 'text', (column) => column.notNull())
    .addColumn('raised_at', 'text', (column) => column.notNull())
    .addColumn('alerts_sent', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_alert_at', 'text')
    .addPrimaryKeyConstraint('push_alerts_pk', ['organisation_id', 'kind', 'record_id'])
    .execute();
  await db.schema.createIndex('push_alerts_due').on('push_alerts').column('next_alert_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_alerts').execute();
  await db.schema.dropTable('push_subscriptions').execute();
  await db.schema.dropTable('push_keys').execute();
}
