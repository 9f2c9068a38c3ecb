// A planned group session, course session or 1-2-1, from plan to reflection.
import { z } from 'zod';
import { commonFields, dateTime, id, idList, multiLineText, requiredText, text, textList } from './fields.ts';

export const SESSION_KINDS = ['drop-in', 'course', '1-2-1'] as const;
const SESSION_STATUSES = ['planned', 'running', 'done', 'cancelled'] as const;
export const THEMES = ['identity', 'changing sense of self', 'attachment and bonding'] as const;

export const sessionFields = z.strictObject({
  ...commonFields,
  title: requiredText(120),
  startsAt: dateTime,
  endsAt: dateTime,
  venueId: id,
  kind: z.enum(SESSION_KINDS),
  theme: text(120),
  outline: textList,
  activityIds: idList,
  materials: z.array(z.strictObject({ item: text(120), done: z.boolean() })).max(50),
  facilitatorIds: idList,
  /** Who is facilitating, by name: team members' ids are not all known on a device that has never synced. */
  facilitators: textList,
  childcare: multiLineText(2000),
  /** Crèche places offered: the bookings against them are kept per person (booking.ts). */
  crechePlaces: z.number().int().min(0).max(100),
  /** Buses to the venue, as a note for the team to pass on ("X from Elgin 9.40, back 12.15"). */
  busTimes: multiLineText(1000),
  /** The session to bring the "if you were a cake…" cakes to: any session, not only a course's last. */
  cakeSession: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  seriesId: id,
  reflection: multiLineText(),
});
export type Session = { id: string } & Partial<z.infer<typeof sessionFields>>;
export const sessionRequired = ['title', 'startsAt'] as const;
