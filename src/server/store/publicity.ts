// An organisation's publicity settings (migration 0013): what its public timetable shows, and at which address.
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { PublicityBody } from '../../api/publicity.ts';
import { PROMOTION_ROUTES, PUBLIC_SESSION_KINDS } from '../../domain/promotion.ts';
import type { PublicityTable, Schema } from './schema.ts';
import { isoNow, isUniqueViolation } from './util.ts';

export type StoredPublicity = Omit<PublicityBody, 'newLink'> & { organisationId: string; slug: string };

/** Off, with the wording most groups would start from: nothing is public until a coordinator turns it on. */
export const DEFAULT_PUBLICITY: Omit<PublicityBody, 'newLink'> = {
  enabled: false,
  intro: '',
  contact: '',
  kinds: ['drop-in'],
  weeksAhead: 4,
  showVenues: true,
  whatToExpect: '',
  babiesWelcome: true,
  childcare: '',
  transport: '',
  routes: [],
};

function fromRow(row: Selectable<PublicityTable>): StoredPublicity {
  const kinds = JSON.parse(row.kinds_json) as string[];
  const routes = JSON.parse(row.routes_json) as string[];
  return {
    organisationId: row.organisation_id,
    slug: row.slug,
    enabled: row.enabled === 1,
    intro: row.intro,
    contact: row.contact,
    // Read back through the lists of today, so that no kind a later version dropped (or a 1-2-1) comes out.
    kinds: PUBLIC_SESSION_KINDS.filter((kind) => kinds.includes(kind)),
    weeksAhead: row.weeks_ahead,
    showVenues: row.show_venues === 1,
    whatToExpect: row.what_to_expect,
    babiesWelcome: row.babies_welcome === 1,
    childcare: row.childcare,
    transport: row.transport,
    routes: PROMOTION_ROUTES.filter((route) => routes.includes(route)),
  };
}

export async function readPublicity(db: Kysely<Schema>, organisationId: string): Promise<StoredPublicity | undefined> {
  const row = await db
    .selectFrom('publicity')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function findPublicityBySlug(db: Kysely<Schema>, slug: string): Promise<StoredPublicity | undefined> {
  const row = await db.selectFrom('publicity').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && fromRow(row);
}

/**
 * "moray-peers-k3x9q2ab": the organisation's name, so that people can tell whose timetable a link is, and 40
 * random bits, so that nobody finds a timetable that was not shared with them by guessing names.
 */
export function makeSlug(organisationName: string): string {
  const words =
    organisationName
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'timetable';
  const suffix = [...randomBytes(8)].map((byte) => 'abcdefghjkmnpqrstuvwxyz23456789'[byte % 31]).join('');
  return `${words}-${suffix}`;
}

/** Writes the settings under the address `slug` (the one they had, or a new one). */
export async function writePublicity(
  db: Kysely<Schema>,
  organisationId: string,
  settings: Omit<PublicityBody, 'newLink'>,
  slug: string,
): Promise<void> {
  const columns = {
    enabled: settings.enabled ? 1 : 0,
    slug,
    intro: settings.intro,
    contact: settings.contact,
    kinds_json: JSON.stringify(settings.kinds),
    weeks_ahead: settings.weeksAhead,
    show_venues: settings.showVenues ? 1 : 0,
    what_to_expect: settings.whatToExpect,
    babies_welcome: settings.babiesWelcome ? 1 : 0,
    childcare: settings.childcare,
    transport: settings.transport,
    routes_json: JSON.stringify(settings.routes),
    updated_at: isoNow(),
  };
  await db
    .insertInto('publicity')
    .values({ organisation_id: organisationId, ...columns })
    .onConflict((conflict) => conflict.column('organisation_id').doUpdateSet(columns))
    .execute();
}

/** The organisation's settings, made (off, with a new address) the first time anyone asks. */
export async function ensurePublicity(
  db: Kysely<Schema>,
  organisationId: string,
  organisationName: string,
): Promise<StoredPublicity> {
  const found = await readPublicity(db, organisationId);
  if (found) return found;
  try {
    await db
      .insertInto('publicity')
      .values({
        organisation_id: organisationId,
        enabled: 0,
        slug: makeSlug(organisationName),
        intro: DEFAULT_PUBLICITY.intro,
        contact: DEFAULT_PUBLICITY.contact,
        kinds_json: JSON.stringify(DEFAULT_PUBLICITY.kinds),
        weeks_ahead: DEFAULT_PUBLICITY.weeksAhead,
        show_venues: 1,
        what_to_expect: '',
        babies_welcome: 1,
        childcare: '',
        transport: '',
        routes_json: '[]',
        updated_at: isoNow(),
      })
      .execute();
  } catch (error) {
    // Two coordinators opening the screen at once: the other's row stands.
    if (!isUniqueViolation(error)) throw error;
  }
  const made = await readPublicity(db, organisationId);
  if (!made) throw new Error('publicity settings were not stored');
  return made;
}
