// Session planning rules: weekly courses, "new from a previous session", and what is on today and this week.
import { addDays, addWeeks, format, getISODay } from 'date-fns';
import type { Attendee } from './attendee.ts';
import type { CheckIn } from './checkIn.ts';
import { CALENDAR, LONDON, calendarDate, londonDate } from './london.ts';
import type { Session } from './session.ts';

/** A session's values without its id, ready for saveRecord. */
export type SessionValues = Omit<Session, 'id'>;
export const MAX_SERIES_WEEKS = 52;
const TITLE_MAX = 120;

/** The plan of a session, as carried into a copy: never its reflection, status or place in a series. */
function planOf(session: SessionValues): SessionValues {
  const plan: SessionValues = {};
  if (session.title !== undefined) plan.title = session.title;
  if (session.kind !== undefined) plan.kind = session.kind;
  if (session.venueId !== undefined) plan.venueId = session.venueId;
  if (session.theme !== undefined) plan.theme = session.theme;
  if (session.outline !== undefined) plan.outline = [...session.outline];
  if (session.activityIds !== undefined) plan.activityIds = [...session.activityIds];
  if (session.facilitatorIds !== undefined) plan.facilitatorIds = [...session.facilitatorIds];
  if (session.facilitators !== undefined) plan.facilitators = [...session.facilitators];
  if (session.childcare !== undefined) plan.childcare = session.childcare;
  // The same hall at the same time: the same crèche and buses. Not the cakes: those come to one session.
  if (session.crechePlaces !== undefined) plan.crechePlaces = session.crechePlaces;
  if (session.busTimes !== undefined) plan.busTimes = session.busTimes;
  // A new session starts with nothing packed yet.
  if (session.materials !== undefined) plan.materials = session.materials.map(({ item }) => ({ item, done: false }));
  return plan;
}

/** Stored instants are always UTC ("…Z"), so that string order (and the Dexie index) is time order. */
const utc = (instant: Date | string) => new Date(instant).toISOString();

function seriesTitle(base: string | undefined, week: number, weeks: number): string {
  const suffix = `Week ${week} of ${weeks}`;
  const trimmed = (base ?? '').trim();
  if (!trimmed) return suffix;
  return `${trimmed.slice(0, TITLE_MAX - suffix.length - 3)} (${suffix})`;
}

/**
 * A course as N weekly sessions, at the same London wall-clock time each week: 10am stays 10am across the
 * clocks changing in March and October. Ids are `${seriesId}-w${k}`, so making the same series twice (a
 * double tap, two tablets offline) gives the same records rather than a second course.
 */
export function weeklySeries(
  template: SessionValues & { startsAt: string },
  weeks: number,
  seriesId: string,
): Session[] {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_SERIES_WEEKS) {
    throw new RangeError(`A course has 1 to ${MAX_SERIES_WEEKS} weekly sessions`);
  }
  const plan = planOf(template);
  return Array.from({ length: weeks }, (_, index) => {
    const session: Session = {
      ...plan,
      id: `${seriesId}-w${index + 1}`,
      title: seriesTitle(template.title, index + 1, weeks),
      kind: template.kind ?? 'course',
      status: 'planned',
      seriesId,
      startsAt: utc(addWeeks(template.startsAt, index, { in: LONDON })),
    };
    if (template.endsAt) session.endsAt = utc(addWeeks(template.endsAt, index, { in: LONDON }));
    return session;
  });
}

/** "New from a previous session": the same plan at a new time, with the materials unticked. */
export function copyOfSession(previous: SessionValues, newStart: Date | string): SessionValues {
  const copy: SessionValues = { ...planOf(previous), startsAt: utc(newStart), status: 'planned' };
  if (previous.startsAt && previous.endsAt) {
    const length = new Date(previous.endsAt).getTime() - new Date(previous.startsAt).getTime();
    copy.endsAt = utc(new Date(new Date(newStart).getTime() + length));
  }
  return copy;
}

const byStart = (a: Session, b: Session) => new Date(a.startsAt ?? 0).getTime() - new Date(b.startsAt ?? 0).getTime();
const live = (session: Session) => session.deleted !== true && session.startsAt !== undefined;

/** Sessions starting on a London calendar date (YYYY-MM-DD), earliest first. Cancelled ones stay, to be shown as such. */
export function sessionsOn(sessions: readonly Session[], date: string): Session[] {
  return sessions.filter((session) => live(session) && londonDate(session.startsAt ?? '') === date).sort(byStart);
}

export function sessionsToday(sessions: readonly Session[], now: Date): Session[] {
  return sessionsOn(sessions, londonDate(now));
}

export interface WeekDay {
  /** YYYY-MM-DD, London. */
  date: string;
  /** "Mon 23 Nov" */
  label: string;
  /** "Monday 23 November" */
  longLabel: string;
  isToday: boolean;
}

/** Monday to Sunday of the London week containing `now`. */
export function weekDays(now: Date): WeekDay[] {
  const today = londonDate(now);
  const day = calendarDate(today);
  const monday = addDays(day, 1 - getISODay(day, { in: CALENDAR }), { in: CALENDAR });
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(monday, index, { in: CALENDAR });
    const iso = format(date, 'yyyy-MM-dd', { in: CALENDAR });
    return {
      date: iso,
      label: format(date, 'EEE d MMM', { in: CALENDAR }),
      longLabel: format(date, 'EEEE d MMMM', { in: CALENDAR }),
      isToday: iso === today,
    };
  });
}

export function sessionsThisWeek(sessions: readonly Session[], now: Date): Session[] {
  const days = weekDays(now);
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  return sessions
    .filter((session) => {
      if (!live(session)) return false;
      const date = londonDate(session.startsAt ?? '');
      return first <= date && date <= last;
    })
    .sort(byStart);
}

/** The last session still going ahead in a series: the one to bring the "if you were a cake" cakes to. */
export function isLastOfSeries(session: Session, allSessions: readonly Session[]): boolean {
  if (!session.seriesId || !live(session) || session.status === 'cancelled') return false;
  const start = new Date(session.startsAt ?? 0).getTime();
  return !allSessions.some(
    (other) =>
      other.id !== session.id &&
      other.seriesId === session.seriesId &&
      live(other) &&
      other.status !== 'cancelled' &&
      new Date(other.startsAt ?? 0).getTime() > start,
  );
}

export interface CakeEntry {
  attendeeId: string;
  displayName: string;
  cake: string;
}

/** Everyone who came to any of these sessions and said what cake they would be, by display name only. */
export function cakeList(
  sessionIds: readonly string[],
  checkIns: readonly CheckIn[],
  attendees: readonly Attendee[],
): CakeEntry[] {
  const sessions = new Set(sessionIds);
  const came = new Set(
    checkIns
      .filter(
        (checkIn) => checkIn.deleted !== true && checkIn.present !== false && sessions.has(checkIn.sessionId ?? ''),
      )
      .map((checkIn) => checkIn.attendeeId),
  );
  return attendees
    .filter((attendee) => attendee.deleted !== true && came.has(attendee.id) && attendee.cake?.trim())
    .map((attendee) => ({
      attendeeId: attendee.id,
      displayName: attendee.displayName ?? '',
      cake: attendee.cake?.trim() ?? '',
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}
