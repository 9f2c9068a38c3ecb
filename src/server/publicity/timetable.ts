// The public timetable, built from an allow-list: each field below is copied on purpose, and nothing else of a
// session or venue record (facilitators, childcare notes, the plan, the reflection, attendees, check-ins, notes)
// is read at all. Answers are kept in memory for a short while per process, so that a poster's QR code
// scanned by a whole baby group does not read the records table a hundred times.
import type { Kysely } from 'kysely';
import type { PublicSession, PublicTimetable } from '../../api/publicity.ts';
import { PUBLIC_SESSION_KINDS, type PublicSessionKind } from '../../domain/promotion.ts';
import type { Values } from '../../sync/merge.ts';
import { findOrganisation } from '../store/organisations.ts';
import type { StoredPublicity } from '../store/publicity.ts';
import { listLiveRecords } from '../store/records.ts';
import type { Schema } from '../store/schema.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** A timetable is for a phone screen and a poster: more than this many sessions helps nobody. */
const MAX_SESSIONS = 60;

/**
 * Phone numbers and email addresses taken out of any text that goes public: a title typed as "Call Jo on
 * 07700 900123" must not put a number on a poster. The organisation's own contact line is its choice, and
 * is not filtered.
 */
export function scrubContactDetails(text: string): string {
  return (
    text
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '…')
      // A run of digits and separators holding nine digits or more: a UK number has ten or eleven, and a time
      // range such as "10.00 - 12.00" (eight) stays.
      .replace(/\+?\(?\d[\d\s().-]{7,}\d/g, (run) => (run.replace(/\D/g, '').length >= 9 ? '…' : run))
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

const stringOf = (values: Values, field: string): string | null => {
  const value = values[field];
  return typeof value === 'string' && value.trim() ? scrubContactDetails(value) || null : null;
};

const isPublicKind = (kind: unknown, chosen: readonly string[]): kind is PublicSessionKind =>
  (PUBLIC_SESSION_KINDS as readonly unknown[]).includes(kind) && chosen.includes(kind as string);

export async function buildTimetable(
  db: Kysely<Schema>,
  settings: StoredPublicity,
  now: number,
): Promise<PublicTimetable> {
  const organisation = await findOrganisation(db, settings.organisationId);
  const records = await listLiveRecords(db, settings.organisationId, ['session', 'venue']);
  const venues = new Map(
    records.filter((record) => record.kind === 'venue').map((record) => [record.id, record.values]),
  );
  const until = now + settings.weeksAhead * WEEK_MS;
  const sessions: PublicSession[] = [];
  for (const { kind, values } of records) {
    if (kind !== 'session' || values.deleted === true) continue;
    if (!isPublicKind(values.kind, settings.kinds)) continue;
    const startsAt = typeof values.startsAt === 'string' ? Date.parse(values.startsAt) : NaN;
    const endsAt = typeof values.endsAt === 'string' ? Date.parse(values.endsAt) : NaN;
    if (Number.isNaN(startsAt) || startsAt > until) continue;
    if ((Number.isNaN(endsAt) ? startsAt : endsAt) < now) continue;
    const title = stringOf(values, 'title');
    if (!title) continue;
    const venue = typeof values.venueId === 'string' ? venues.get(values.venueId) : undefined;
    sessions.push({
      title,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: Number.isNaN(endsAt) ? null : new Date(endsAt).toISOString(),
      kind: values.kind,
      theme: stringOf(values, 'theme'),
      cancelled: values.status === 'cancelled',
      venue:
        venue && venue.deleted !== true
          ? {
              name: settings.showVenues ? stringOf(venue, 'name') : null,
              locality: stringOf(venue, 'locality'),
              address: settings.showVenues ? stringOf(venue, 'address') : null,
              babyChange: venue.babyChange === true,
              parking: venue.parking === true,
            }
          : null,
    });
  }
  sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    organisation: organisation?.name ?? '',
    intro: settings.intro,
    contact: settings.contact,
    whatToExpect: settings.whatToExpect,
    babiesWelcome: settings.babiesWelcome,
    childcare: settings.childcare,
    transport: settings.transport,
    weeksAhead: settings.weeksAhead,
    sessions: sessions.slice(0, MAX_SESSIONS),
    generatedAt: new Date(now).toISOString(),
  };
}

/** How long one process keeps a timetable it built: changes reach the public page within this. */
export const TIMETABLE_TTL_MS = 60_000;

interface Cached {
  timetable: PublicTimetable;
  expires: number;
}

/** Timetables by slug, each for TIMETABLE_TTL_MS; forgotten at once when this process saves new settings. */
export class TimetableCache {
  private readonly entries = new Map<string, Cached>();

  async get(slug: string, now: number, build: () => Promise<PublicTimetable>): Promise<PublicTimetable> {
    const hit = this.entries.get(slug);
    if (hit && hit.expires > now) return hit.timetable;
    const timetable = await build();
    // Bounded: slugs come from the address, and an unknown one never gets this far.
    if (this.entries.size > 1000) this.entries.clear();
    this.entries.set(slug, { timetable, expires: now + TIMETABLE_TTL_MS });
    return timetable;
  }

  forget(slug: string): void {
    this.entries.delete(slug);
  }
}
