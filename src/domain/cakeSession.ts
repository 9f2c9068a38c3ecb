// Which session the "if you were a cake…" cakes come to. Apart from schedule.ts, which Today loads, so that the
// first screens do not carry it.
import { isLastOfSeries } from './schedule.ts';
import type { Session } from './session.ts';

/**
 * The session to bring the cakes to: one marked so (any session, not only a course's last), or else the last of
 * its course when no session of the course is marked.
 */
export function isCakeSession(session: Session, allSessions: readonly Session[]): boolean {
  if (session.status === 'cancelled' || session.deleted === true) return false;
  if (session.cakeSession === true) return true;
  if (!isLastOfSeries(session, allSessions)) return false;
  return !allSessions.some(
    (other) =>
      other.seriesId === session.seriesId &&
      other.cakeSession === true &&
      other.deleted !== true &&
      other.status !== 'cancelled',
  );
}
