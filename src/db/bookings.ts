// Crèche places and lifts or taxis planned for people coming to a session: the writes behind the session page.
import { bookingId, type Booking } from '../domain/booking.ts';
import type { CoorieDb } from './database.ts';
import { saveRecord } from './records.ts';

export type BookingChanges = Partial<Pick<Booking, 'crecheBooked' | 'travel' | 'travelArranged' | 'travelNote'>>;

/**
 * Sets what changed of one person's booking for one session. The id is deterministic and the keys go with every
 * write, so the first write makes the record, and two devices planning the same person make one.
 */
export async function saveBooking(
  db: CoorieDb,
  sessionId: string,
  attendeeId: string,
  changes: BookingChanges,
  userId: string,
): Promise<void> {
  await saveRecord(db, 'booking', bookingId(sessionId, attendeeId), { sessionId, attendeeId, ...changes }, { userId });
}
