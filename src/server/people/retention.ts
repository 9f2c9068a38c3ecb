// Retention (README, "Data protection"): people with no activity for the organisation's chosen period are offered for
// erasure, shown first in a preview and erased only when a coordinator confirms.
import { subMonths } from 'date-fns';
import type { Kysely } from 'kysely';
import { HttpError } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import type { Schema } from '../store/schema.ts';
import { erasePerson, type ErasedCounts, type Eraser } from './erase.ts';
import { PERSON_KINDS } from './records.ts';

export interface RetentionCandidate {
  id: string;
  displayName: string;
  lastActivity: string;
}

export interface RetentionPreview {
  months: number | null;
  people: RetentionCandidate[];
}

async function readRetentionMonths(db: Kysely<Schema>, organisationId: string): Promise<number | null> {
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

/**
 * People whose last activity (the server's time of the last write to them, a duplicate merged into them,
 * or any check-in, outreach, note or visit about them) is older than the retention period. Reads the
 * organisation's people-related records whole: fine for the thousands a group network holds.
 */
export async function previewRetention(
  db: Kysely<Schema>,
  organisationId: string,
  now: number = Date.now(),
): Promise<RetentionPreview> {
  const months = await readRetentionMonths(db, organisationId);
  if (months === null) return { months, people: [] };
  const rows = await db
    .selectFrom('records')
    .select(['kind', 'id', 'values_json', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('kind', 'in', ['attendee', ...PERSON_KINDS.map(({ kind }) => kind)])
    .where('erased_at', 'is', null)
    .execute();
  const attendees = new Map<string, { displayName: string; mergedInto: string | undefined }>();
  const last = new Map<string, string>();
  const touch = (id: string, at: string) => {
    const seen = last.get(id);
    if (seen === undefined || at > seen) last.set(id, at);
  };
  const fieldOf = new Map(PERSON_KINDS.map(({ kind, field }) => [kind as string, field]));
  for (const row of rows) {
    const values = JSON.parse(row.values_json) as Record<string, unknown>;
    if (row.kind === 'attendee') {
      const mergedInto = typeof values.mergedInto === 'string' ? values.mergedInto : undefined;
      const displayName = typeof values.displayName === 'string' ? values.displayName : '';
      attendees.set(row.id, { displayName, mergedInto });
      touch(row.id, row.updated_at);
    } else {
      const personId = values[fieldOf.get(row.kind) ?? ''];
      if (typeof personId === 'string') touch(personId, row.updated_at);
    }
  }
  // A duplicate's activity counts for the person it was merged into.
  const primaryOf = (id: string): string => {
    let current = id;
    for (let depth = 0; depth < 20; depth++) {
      const next = attendees.get(current)?.mergedInto;
      if (next === undefined || !attendees.has(next)) return current;
      current = next;
    }
    return current;
  };
  const lastByPerson = new Map<string, string>();
  for (const [id, at] of last) {
    if (!attendees.has(id)) continue;
    const primary = primaryOf(id);
    const seen = lastByPerson.get(primary);
    if (seen === undefined || at > seen) lastByPerson.set(primary, at);
  }
  const cutoff = subMonths(new Date(now), months).toISOString();
  const people = [...lastByPerson]
    .filter(([id, at]) => at < cutoff && attendees.get(id)?.mergedInto === undefined)
    .map(([id, lastActivity]) => ({ id, displayName: attendees.get(id)?.displayName ?? '', lastActivity }))
    .sort((a, b) => a.lastActivity.localeCompare(b.lastActivity) || a.id.localeCompare(b.id));
  return { months, people };
}

/** Erases the people a coordinator confirmed, all of whom the preview must list at this moment. */
export async function runRetention(
  db: Kysely<Schema>,
  eraser: Eraser,
  ids: string[],
  now: number = Date.now(),
): Promise<{ id: string; erased: ErasedCounts }[]> {
  const { people } = await previewRetention(db, eraser.organisationId, now);
  const listed = new Set(people.map((person) => person.id));
  const unlisted = ids.filter((id) => !listed.has(id));
  if (unlisted.length > 0) {
    throw new HttpError(
      400,
      'not_in_preview',
      'Some of these people are not due for erasure under the retention period: preview again.',
      unlisted.map((id) => ({ id })),
    );
  }
  const results = [];
  for (const id of new Set(ids)) results.push({ id, erased: await erasePerson(db, eraser, id, now) });
  return results;
}

/**
 * The daily job (started by main.ts): it erases nothing by itself, but logs how many people each
 * organisation with a retention period has due, for coordinators to preview and confirm.
 */
export async function logRetentionDue(db: Kysely<Schema>, now: number = Date.now()): Promise<void> {
  const organisations = await db
    .selectFrom('organisations')
    .select(['id', 'retention_months'])
    .where('retention_months', 'is not', null)
    .execute();
  for (const organisation of organisations) {
    const { people, months } = await previewRetention(db, organisation.id, now);
    await writeAudit(
      db,
      { organisationId: organisation.id, action: 'retention_due', detail: { months, due: people.length } },
      now,
    );
  }
}
