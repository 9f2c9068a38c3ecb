// When a session's check-in is offered: around the session's own time, not all day. Pure, and free of zod, so
// that Today (the first screen) can use it.

/** Check-in opens this long before the start, for a facilitator who sets up early. */
const OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;
/** And stays open this long after the end, for latecomers and a tablet that was slow to hand. */
const CLOSES_AFTER_MS = 60 * 60 * 1000;
/** A session with no end time is taken to last this long. */
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

export type CheckInTime = 'early' | 'open' | 'finished';

export function checkInTime(
  session: { startsAt?: string | undefined; endsAt?: string | undefined },
  now: Date,
): CheckInTime {
  const start = session.startsAt ? Date.parse(session.startsAt) : NaN;
  if (Number.isNaN(start)) return 'open';
  const parsedEnd = session.endsAt ? Date.parse(session.endsAt) : NaN;
  const end = Number.isNaN(parsedEnd) || parsedEnd < start ? start + DEFAULT_LENGTH_MS : parsedEnd;
  const at = now.getTime();
  if (at < start - OPENS_BEFORE_MS) return 'early';
  if (at > end + CLOSES_AFTER_MS) return 'finished';
  return 'open';
}
