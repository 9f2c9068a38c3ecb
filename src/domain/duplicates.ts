// Finding the same parent registered twice (two tablets offline) and planning a merge that loses nothing.
import type { Attendee, Baby, Consent } from './attendee.ts';
import { checkInFields, checkInId, type CheckIn } from './checkIn.ts';
import type { KindName } from './kinds.ts';
import type { Note } from './note.ts';
import type { Outreach } from './outreach.ts';
import { normalisePhone } from './phone.ts';
import type { Visit } from './visit.ts';

export type DuplicateReason = 'name-and-locality' | 'phone' | 'baby-birthday-and-name';
export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  'name-and-locality': 'Same name and area',
  phone: 'Same phone number',
  'baby-birthday-and-name': "Same baby's date of birth and a similar name",
};

export interface DuplicatePair {
  /** The older record: the one to suggest keeping. */
  first: Attendee;
  second: Attendee;
  reasons: DuplicateReason[];
}

/** Case, accents, spaces and punctuation ignored: "Zoë  Anne" and "zoe-anne" are the same name. */
export function normaliseName(name: string | undefined): string {
  const raw = name ?? '';
  const known = normalised.get(raw);
  if (known !== undefined) return known;
  const key = raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[^\p{L}\p{N}]/gu, '');
  // Searches and duplicate checks ask for the same few thousand names again and again: remember them.
  if (normalised.size >= NORMALISED_MAX) normalised.clear();
  normalised.set(raw, key);
  return key;
}

const NORMALISED_MAX = 50_000;
const normalised = new Map<string, string>();

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((current[j - 1] ?? 0) + 1, (previous[j] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Whether two names are at most two edits apart: levenshtein(a, b) <= 2, on what is left once the letters both
 * start and end with are set aside (which changes no edit distance, and leaves "parent 1204" and "parent 1240"
 * two letters each).
 */
export function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  return levenshtein(a.slice(start, endA), b.slice(start, endB)) <= 2;
}

// The order of localeCompare(…, 'en-GB'), without making a collator for every comparison.
const BY_NAME = new Intl.Collator('en-GB');

// What localeCompare with no locale does, with one collator made once.
const PLAIN = new Intl.Collator();
const olderFirst = (a: Attendee, b: Attendee) =>
  PLAIN.compare(a.createdAt ?? '', b.createdAt ?? '') || PLAIN.compare(a.id, b.id);

/**
 * Pairs of live records that are probably one person, each with why. Records are bucketed by name, phone
 * and baby birthday first, so a few thousand people do not mean millions of comparisons.
 */
export function likelyDuplicates(attendees: readonly Attendee[]): DuplicatePair[] {
  return [...duplicatePairs(attendees).values()].sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      BY_NAME.compare(a.first.displayName ?? '', b.first.displayName ?? '') ||
      olderFirst(a.second, b.second),
  );
}

/** How many pairs likelyDuplicates finds, without putting them in order (People's banner needs the number only). */
export function likelyDuplicateCount(attendees: readonly Attendee[]): number {
  return duplicatePairs(attendees).size;
}

function duplicatePairs(attendees: readonly Attendee[]): Map<string, DuplicatePair> {
  const live = attendees.filter((attendee) => attendee.deleted !== true && !attendee.mergedInto);
  const buckets = new Map<string, Attendee[]>();
  const add = (key: string, attendee: Attendee) => {
    const bucket = buckets.get(key) ?? [];
    if (!bucket.some((other) => other.id === attendee.id)) bucket.push(attendee);
    buckets.set(key, bucket);
  };
  for (const attendee of live) {
    const name = normaliseName(attendee.displayName);
    // An unknown area on both records counts as the same area: a walk-in often gives no more than a name.
    if (name) add(`name-and-locality|${name}|${normaliseName(attendee.locality)}`, attendee);
    const phone = normalisePhone(attendee.contact?.phone);
    if (phone) add(`phone|${phone}`, attendee);
    for (const baby of attendee.babies ?? [])
      if (baby.dateOfBirth) add(`baby-birthday-and-name|${baby.dateOfBirth}`, attendee);
  }

  const pairs = new Map<string, DuplicatePair>();
  for (const [key, bucket] of buckets) {
    if (bucket.length < 2) continue;
    const reason = key.slice(0, key.indexOf('|')) as DuplicateReason;
    // Oldest first, once a bucket: each pair below is then (older, newer) without sorting it again.
    bucket.sort(olderFirst);
    const names = bucket.map((attendee) => normaliseName(attendee.displayName));
    for (let i = 0; i < bucket.length; i += 1) {
      for (let j = i + 1; j < bucket.length; j += 1) {
        const first = bucket[i] as Attendee;
        const second = bucket[j] as Attendee;
        if (reason === 'baby-birthday-and-name') {
          if (!withinTwoEdits(names[i] ?? '', names[j] ?? '')) continue;
        }
        const pairKey = `${first.id}\u0000${second.id}`;
        const pair = pairs.get(pairKey) ?? { first, second, reasons: [] };
        if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
        pairs.set(pairKey, pair);
      }
    }
  }
  return pairs;
}

/** One write for the repository: `values` are saved onto record `id` of `kind` (deletion is `deleted: true`). */
export interface MergeChange {
  kind: KindName;
  id: string;
  values: Record<string, unknown>;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const babyKey = (baby: Baby) => `${normaliseName(baby.alias)}|${baby.dateOfBirth ?? ''}|${baby.dueDate ?? ''}`;
const latestConsentEvent = (consent: Consent) => consent.withdrawnAt ?? consent.at;

/** What the kept record gains from the dropped one: empty fields filled, lists joined, the more careful contact answers. */
function filledFields(keep: Attendee, drop: Attendee): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of ['locality', 'heardVia', 'cake'] as const) {
    if (isEmpty(keep[field]) && !isEmpty(drop[field])) values[field] = drop[field];
  }
  const babies = [...(keep.babies ?? [])];
  for (const baby of drop.babies ?? [])
    if (!babies.some((known) => babyKey(known) === babyKey(baby))) babies.push(baby);
  if (babies.length > (keep.babies?.length ?? 0)) values.babies = babies.slice(0, 10);
  const needs = [...new Set([...(keep.needs ?? []), ...(drop.needs ?? [])])];
  if (needs.length > (keep.needs?.length ?? 0)) values.needs = needs;

  if (drop.contact) {
    const kept = keep.contact;
    // A "no" on either record wins: texting someone who asked us not to is the harm we must not do.
    const contact = kept
      ? {
          phone: kept.phone.trim() ? kept.phone : drop.contact.phone,
          okToText: kept.okToText && drop.contact.okToText,
          okToVoicemail: kept.okToVoicemail && drop.contact.okToVoicemail,
          okToNameCharity: kept.okToNameCharity && drop.contact.okToNameCharity,
        }
      : drop.contact;
    if (JSON.stringify(contact) !== JSON.stringify(kept)) values.contact = contact;
  }
  // The most recent word on consent stands, whether it was given or withdrawn.
  if (drop.consent && (!keep.consent || latestConsentEvent(drop.consent) > latestConsentEvent(keep.consent))) {
    values.consent = drop.consent;
  }
  return values;
}

const CHECK_IN_FIELDS = Object.keys(checkInFields.shape) as (keyof typeof checkInFields.shape)[];

/**
 * The writes that merge `drop` into `keep`, in a safe order: new records and re-pointed ones first, deletions
 * last, so that stopping half-way never loses anything. Apply them in one transaction where possible.
 */
export function mergePlan(
  keep: Attendee,
  drop: Attendee,
  checkIns: readonly CheckIn[],
  notes: readonly Note[],
  outreach: readonly Outreach[],
  visits: readonly Visit[],
): MergeChange[] {
  if (keep.id === drop.id) throw new Error('A record cannot be merged into itself');
  const writes: MergeChange[] = [];
  const deletions: MergeChange[] = [];

  const keptSessions = new Set(
    checkIns.filter((checkIn) => checkIn.attendeeId === keep.id && checkIn.deleted !== true).map((c) => c.sessionId),
  );
  for (const checkIn of checkIns) {
    if (checkIn.attendeeId !== drop.id || checkIn.deleted === true || !checkIn.sessionId) continue;
    if (!keptSessions.has(checkIn.sessionId)) {
      const values: Record<string, unknown> = {};
      for (const field of CHECK_IN_FIELDS) if (checkIn[field] !== undefined) values[field] = checkIn[field];
      // The new id may name a check-in deleted earlier: `deleted: false` brings it back with these values.
      writes.push({
        kind: 'checkIn',
        id: checkInId(checkIn.sessionId, keep.id),
        values: { ...values, attendeeId: keep.id, deleted: false },
      });
      keptSessions.add(checkIn.sessionId);
    }
    deletions.push({ kind: 'checkIn', id: checkIn.id, values: { deleted: true } });
  }

  // Deleted records move too, so that erasing the person later finds everything about them.
  const repoint = (kind: KindName, records: readonly { id: string; attendeeId?: string | undefined }[]) => {
    for (const record of records) {
      if (record.attendeeId === drop.id) writes.push({ kind, id: record.id, values: { attendeeId: keep.id } });
    }
  };
  repoint('note', notes);
  repoint('outreach', outreach);
  repoint('visit', visits);

  const filled = filledFields(keep, drop);
  if (Object.keys(filled).length > 0) writes.push({ kind: 'attendee', id: keep.id, values: filled });
  deletions.push({ kind: 'attendee', id: drop.id, values: { deleted: true, mergedInto: keep.id } });
  return [...writes, ...deletions];
}
