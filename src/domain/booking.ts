// What the team has planned to get one person over the barriers to one session: a crèche place, a lift or a
// taxi. The id is `${sessionId}:${attendeeId}`, like a check-in's, so two devices planning it make one record.
// Team-facing only: the room-facing check-in list never shows it.
import { z } from 'zod';
import { commonFields, id, text } from './fields.ts';

export const TRAVEL_KINDS = ['none', 'lift', 'taxi'] as const;
export type TravelKind = (typeof TRAVEL_KINDS)[number];

export const bookingFields = z.strictObject({
  ...commonFields,
  sessionId: id,
  attendeeId: id,
  crecheBooked: z.boolean(),
  /** The transport the person needs to get there: none, a lift from a volunteer, or a taxi. */
  travel: z.enum(TRAVEL_KINDS),
  travelArranged: z.boolean(),
  /** Who drives or which firm, and when: may hold where the person lives, so it is sealed at rest. */
  travelNote: text(200),
});
export type Booking = { id: string } & Partial<z.infer<typeof bookingFields>>;
export const bookingRequired = ['sessionId', 'attendeeId'] as const;

export function bookingId(sessionId: string, attendeeId: string): string {
  return `${sessionId}:${attendeeId}`;
}

const live = (booking: Booking) => booking.deleted !== true;

export interface BarrierPlan {
  crechePlaces: number;
  crecheBooked: number;
  /** More crèche bookings than places: someone will be turned away unless a place is found. */
  crecheOver: number;
  travelNeeded: number;
  travelArranged: number;
}

/** The barriers planned for one session, from its crèche places and its bookings. */
export function barrierPlan(crechePlaces: number | undefined, bookings: readonly Booking[]): BarrierPlan {
  const kept = bookings.filter(live);
  const places = crechePlaces ?? 0;
  const booked = kept.filter((booking) => booking.crecheBooked === true).length;
  const needing = kept.filter((booking) => booking.travel === 'lift' || booking.travel === 'taxi');
  return {
    crechePlaces: places,
    crecheBooked: booked,
    crecheOver: Math.max(0, booked - places),
    travelNeeded: needing.length,
    travelArranged: needing.filter((booking) => booking.travelArranged === true).length,
  };
}
