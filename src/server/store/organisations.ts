// Organisations: the boundary of every record and every account.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { isoNow } from './util.ts';

export interface Organisation {
  id: string;
  name: string;
}

export async function countOrganisations(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
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
