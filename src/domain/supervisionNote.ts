// What was talked about in a supervision session: private to the member and their supervisor. The server
// sends it to those two only (not to other coordinators), and the device keeps it sealed at rest.
import { z } from 'zod';
import { commonFields, id, multiLineText, text } from './fields.ts';

export const supervisionNoteFields = z.strictObject({
  ...commonFields,
  supervisionId: id,
  memberId: text(100),
  supervisorId: text(100),
  content: multiLineText(),
});
export type SupervisionNote = { id: string } & Partial<z.infer<typeof supervisionNoteFields>>;
export const supervisionNoteRequired = ['supervisionId', 'memberId', 'supervisorId'] as const;

/** One note per supervision session. */
export function supervisionNoteId(supervisionId: string): string {
  return `${supervisionId}:note`;
}
