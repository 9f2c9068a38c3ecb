// Retention (README, "Data protection"): people with no activity for the organisation's chosen period are offered for
// erasure, shown first in a preview and erased only when a coordinator confirms.
import { subMonths } from 'date-fns';
import type { Kysely } from 'kysely';
import { HttpError } from '../errors.ts';
import { writeAudit } from '../store/audit.ts';
import { listOrganisationsWithRetention, readRetentionMonths } from '../store/organisations.ts';
import { listLiveRecords } from '../store/records.ts';
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
  const records = await listLiveRecords(db, organisationId, ['attendee', ...PERSON_KINDS.map(({ kind }) => kind)]);
  const attendees = new Map<string, { displayName: string; mergedInto: string | undefined }>();
  const last = new Map<string, string>();
  const touch = (id: string, at: string) => {
    const seen = last.get(id);
    if (seen === undefined || at > seen) last.set(id, at);
  };
  const fieldOf = new Map(PERSON_KINDS.map(({ kind, field }) => [kind as string, field]));
  for (const { kind, id, values, updatedAt } of records) {
    if (kind === 'attendee') {
      const mergedInto = typeof values.mergedInto === 'string' ? values.mergedInto : undefined;
      const displayName = typeof values.displayName === 'string' ? values.displayName : '';
      attendees.set(id, { displayName, mergedInto });
      touch(id, updatedAt);
    } else {
      const personId = values[fieldOf.get(kind) ?? ''];
      if (typeof personId === 'string') touch(personId, updatedAt);
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
  for (const organisationId of await listOrganisationsWithRetention(db)) {
    const { people, months } = await previewRetention(db, organisationId, now);
    await writeAudit(db, { organisationId, action: 'retention_due', detail: { months, due: people.length } }, now);
  }
}
