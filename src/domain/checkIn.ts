// Attendance at a session. The id is `${sessionId}:${attendeeId}`, so two tablets make one record.
import { z } from 'zod';
import { commonFields, id } from './fields.ts';

export const checkInFields = z.strictObject({
  ...commonFields,
  sessionId: id,
  attendeeId: id,
  present: z.boolean(),
  withBaby: z.boolean(),
  childcareUsed: z.boolean(),
  transportHelp: z.boolean(),
  firstVisit: z.boolean(),
});
export type CheckIn = { id: string } & Partial<z.infer<typeof checkInFields>>;
export const checkInRequired = ['sessionId', 'attendeeId'] as const;

export function checkInId(sessionId: string, attendeeId: string): string {
  return `${sessionId}:${attendeeId}`;
}
