// What the Today screen asks for attention: follow-ups due, concerns nobody has picked up, visits under way.
import { londonDate } from './london.ts';
import type { Note } from './note.ts';
import type { Visit } from './visit.ts';
import { DEFAULT_VISIT_GRACE_MINUTES, isVisitOverdue } from './visitTiming.ts';

/** Follow-ups due today or earlier (London) and not done, the longest-waiting first. */
export function followUpsDue(notes: readonly Note[], today: Date | string): Note[] {
  const date = londonDate(today);
  return notes
    .filter(
      (note) =>
        note.deleted !== true &&
        note.followUpDone !== true &&
        note.followUpDue !== undefined &&
        note.followUpDue <= date,
    )
    .sort((a, b) => (a.followUpDue ?? '').localeCompare(b.followUpDue ?? '') || a.id.localeCompare(b.id));
}

export function isFollowUpOverdue(note: Note, today: Date | string): boolean {
  return note.followUpDone !== true && note.followUpDue !== undefined && note.followUpDue < londonDate(today);
}

const CONCERN_ORDER = { urgent: 0, 'talk to coordinator': 1 } as const;

/** A note as a device's table holds it: its fields and, in `_v`, the version each was last set at. */
export type VersionedNote = Note & { _v?: Readonly<Record<string, string>> };

/**
 * Whether a note's concern is picked up. As on the server (push/alerts.ts), a pick-up counts for the raise it came
 * after: one from before the concern was last set (lowered and raised again since) leaves the concern open. A note
 * without versions (not read from a table) goes by the name alone.
 */
export function isConcernPickedUp(note: {
  concernPickedUpBy?: string;
  _v?: Readonly<Record<string, string | undefined>>;
}): boolean {
  if (!note.concernPickedUpBy?.trim()) return false;
  const pickedUpAt = note._v?.concernPickedUpBy;
  const raisedAt = note._v?.concern;
  if (note._v === undefined) return true;
  return pickedUpAt !== undefined && (raisedAt === undefined || pickedUpAt >= raisedAt);
}

/** Concerns a coordinator has not yet picked up: urgent first, then the longest-waiting. */
export function openConcerns<T extends VersionedNote>(notes: readonly T[]): T[] {
  return notes
    .filter(
      (note) =>
        note.deleted !== true &&
        (note.concern === 'urgent' || note.concern === 'talk to coordinator') &&
        !isConcernPickedUp(note),
    )
    .sort(
      (a, b) =>
        CONCERN_ORDER[a.concern as keyof typeof CONCERN_ORDER] -
          CONCERN_ORDER[b.concern as keyof typeof CONCERN_ORDER] ||
        (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
    );
}

/** Visits where the supporter has said "arrived" and not yet "left safely". */
export function visitsInProgress(visits: readonly Visit[]): Visit[] {
  return visits
    .filter((visit) => visit.deleted !== true && visit.status !== 'cancelled' && !!visit.arrivedAt && !visit.leftAt)
    .sort((a, b) => new Date(a.arrivedAt ?? 0).getTime() - new Date(b.arrivedAt ?? 0).getTime());
}

/** Visits in progress past their expected length and grace: someone should ring the supporter now. */
export function overdueVisits(
  visits: readonly Visit[],
  now: Date,
  graceMinutes = DEFAULT_VISIT_GRACE_MINUTES,
): Visit[] {
  return visitsInProgress(visits).filter((visit) => isVisitOverdue(visit, now, graceMinutes));
}
