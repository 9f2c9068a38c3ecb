// Who is expected at a session: those who said they are coming, and those who came last time.
import type { Attendee } from './attendee.ts';
import { ageInMonths } from './babyAge.ts';
import type { CheckIn } from './checkIn.ts';
import type { Outreach } from './outreach.ts';
import type { Session } from './session.ts';

const startOf = (session: Session) => new Date(session.startsAt ?? 0).getTime();

/**
 * The session before this one: the previous week of its course, or for a session outside a series the last
 * one at the same venue (a weekly drop-in in the same hall). Cancelled sessions are skipped: nobody came.
 */
export function previousSession(session: Session, sessions: readonly Session[]): Session | undefined {
  if (!session.startsAt) return undefined;
  const start = startOf(session);
  const sameRun = (other: Session) =>
    session.seriesId
      ? other.seriesId === session.seriesId
      : !other.seriesId && !!session.venueId && other.venueId === session.venueId;
  return sessions
    .filter(
      (other) =>
        other.id !== session.id &&
        other.deleted !== true &&
        other.status !== 'cancelled' &&
        other.startsAt !== undefined &&
        startOf(other) < start &&
        sameRun(other),
    )
    .sort((a, b) => startOf(b) - startOf(a))[0];
}

/** The latest outreach per person for one session: the call after an unanswered text is what counts. */
export function latestOutreach(sessionId: string, outreach: readonly Outreach[]): Map<string, Outreach> {
  const latest = new Map<string, Outreach>();
  for (const entry of outreach) {
    if (entry.deleted === true || entry.sessionId !== sessionId || !entry.attendeeId) continue;
    const known = latest.get(entry.attendeeId);
    const later =
      !known || (entry.at ?? '') > (known.at ?? '') || ((entry.at ?? '') === (known.at ?? '') && entry.id > known.id);
    if (later) latest.set(entry.attendeeId, entry);
  }
  return latest;
}

/** Follows a merged duplicate to the record it was merged into (a few steps at most, never round a loop). */
export function resolveAttendee(id: string, byId: ReadonlyMap<string, Attendee>): Attendee | undefined {
  let attendee = byId.get(id);
  for (let step = 0; step < 5 && attendee?.mergedInto; step += 1) attendee = byId.get(attendee.mergedInto);
  return attendee && attendee.deleted !== true && !attendee.mergedInto ? attendee : undefined;
}

/**
 * The people expected at a session, by display name: everyone whose latest outreach says "coming", and
 * everyone who came to the previous session unless they have since said they are not coming.
 */
export function expectedAttendees(
  session: Session,
  sessions: readonly Session[],
  outreach: readonly Outreach[],
  checkIns: readonly CheckIn[],
  attendees: readonly Attendee[],
): Attendee[] {
  const byId = new Map(attendees.map((attendee) => [attendee.id, attendee]));
  const latest = latestOutreach(session.id, outreach);
  const ids = new Set<string>();
  for (const [attendeeId, entry] of latest) if (entry.outcome === 'coming') ids.add(attendeeId);
  const previous = previousSession(session, sessions);
  if (previous) {
    for (const checkIn of checkIns) {
      if (checkIn.deleted === true || checkIn.present === false || checkIn.sessionId !== previous.id) continue;
      const attendeeId = checkIn.attendeeId ?? '';
      if (latest.get(attendeeId)?.outcome !== 'not coming') ids.add(attendeeId);
    }
  }
  const found = new Map<string, Attendee>();
  for (const id of ids) {
    const attendee = resolveAttendee(id, byId);
    if (attendee) found.set(attendee.id, attendee);
  }
  return [...found.values()].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'en-GB'));
}

/** The ages in whole months of the babies these people bring, on the day of the session. */
export function babyAgesInMonths(attendees: readonly Attendee[], on: Date | string): number[] {
  return attendees.flatMap((attendee) =>
    (attendee.babies ?? []).flatMap((baby) => {
      const months = ageInMonths(baby, on);
      return months === undefined ? [] : [months];
    }),
  );
}
