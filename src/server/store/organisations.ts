// Organisations: the boundary of every record and every account.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

export interface Organisation {
  id: string;
  name: string;
}

/**
 * The demo organisation of `npm run seed:demo` is known by its coordinator's address (example.org is reserved
 * for examples, and an address belongs to one account only), so that no migration is needed to mark it.
 */
export const DEMO_COORDINATOR_EMAIL = 'demo.coordinator@example.org';
export const DEMO_FACILITATOR_EMAIL = 'demo.facilitator@example.org';

/**
 * Organisations on this server; `exceptDemo` leaves out the demo one, which must not stop a charity that
 * seeded the demo first from setting up its own organisation.
 */
export async function countOrganisations(db: Kysely<Schema>, options: { exceptDemo?: boolean } = {}): Promise<number> {
  let query = db.selectFrom('organisations').select((eb) => eb.fn.countAll<number | string>().as('count'));
  if (options.exceptDemo) {
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('users')
            .select('users.id')
            .whereRef('users.organisation_id', '=', 'organisations.id')
            .where('users.email', '=', DEMO_COORDINATOR_EMAIL),
        ),
      ),
    );
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function createOrganisation(db: Kysely<Schema>, input: { name: string }): Promise<Organisation> {
  const organisation = { id: randomUUID(), name: input.name };
  await db
    .insertInto('organisations')
    .values({ ...organisation, created_at: isoNow() })
    .execute();
  return organisation;
}

export async function findOrganisation(db: Kysely<Schema>, id: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Months without activity after which people are offered for erasure; null: retention is off. */
export async function readRetentionMonths(db: Kysely<Schema>, organisationId: string): Promise<number | null> {
  const row = await db
    .selectFrom('organisations')
    .select('retention_months')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.retention_months ?? null;
}

export async function setRetentionMonths(db: Kysely<Schema>, organisationId: string, months: number | null) {
  await db.updateTable('organisations').set({ retention_months: months }).where('id', '=', organisationId).execute();
}

/** The ids of organisations that set a retention period. */
export async function listOrganisationsWithRetention(db: Kysely<Schema>): Promise<string[]> {
  const rows = await db.selectFrom('organisations').select('id').where('retention_months', 'is not', null).execute();
  return rows.map((row) => row.id);
}

/** An organisation's own alert periods, in minutes; null where it keeps the server's default. */
export interface StoredAlertPeriods {
  urgentRepeatMinutes: number | null;
  visitGraceMinutes: number | null;
  teamAlertMinutes: number | null;
}

export async function readAlertPeriods(
  db: Kysely<Schema>,
  organisationId: string,
): Promise<StoredAlertPeriods | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['alert_repeat_mins', 'visit_grace_mins', 'team_alert_mins'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return (
    row && {
      urgentRepeatMinutes: row.alert_repeat_mins,
      visitGraceMinutes: row.visit_grace_mins,
      teamAlertMinutes: row.team_alert_mins,
    }
  );
}

export async function setAlertPeriods(
  db: Kysely<Schema>,
  organisationId: string,
  periods: { urgentRepeatMinutes: number; visitGraceMinutes: number; teamAlertMinutes: number },
) {
  await db
    .updateTable('organisations')
    .set({
      alert_repeat_mins: periods.urgentRepeatMinutes,
      visit_grace_mins: periods.visitGraceMinutes,
      team_alert_mins: periods.teamAlertMinutes,
    })
    .where('id', '=', organisationId)
    .execute();
}
