// The team and its devices (server/routes/users.ts, invites.ts, devices.ts).
import { z } from 'zod';
import { userSchema } from './accounts.ts';
import { email, password, personName, role, workPhone } from './fields.ts';

/** A user as a coordinator's team list shows it. */
export const teamMemberSchema = userSchema.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  /** E.164, coordinator-managed; null when none is set. */
  workPhone: z.string().nullable().default(null),
  /** May design peer-research questionnaires (coordinators always may). */
  peerResearcher: z.boolean().default(false),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamAnswer = z.object({ users: z.array(teamMemberSchema) });

/** POST /api/users, answered 201 with `userAnswer`. */
export const newMemberBody = z.strictObject({ name: personName, email, role, password });

/** PATCH /api/users/:id */
export const memberPatchBody = z
  .strictObject({
    role: role.optional(),
    disabled: z.boolean().optional(),
    name: personName.optional(),
    workPhone: workPhone.optional(),
    peerResearcher: z.boolean().optional(),
  })
  .refine(
    (patch) => Object.keys(patch).length > 0,
    'Say what to change: role, disabled, name, workPhone or peerResearcher.',
  );
export const memberAnswer = z.object({ user: teamMemberSchema });

/** POST /api/invites */
export const inviteBody = z.strictObject({ name: personName, email, role });
export const inviteAnswer = z.object({ code: z.string(), expiresAt: z.string() });

/** A device signed in, as GET /api/devices lists it. */
export const deviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  userName: z.string(),
  role,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The device asking. */
  current: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;
export const devicesAnswer = z.object({ devices: z.array(deviceSchema) });

/** GET /api/team/contacts: who a member of staff can call (no email addresses, no disabled accounts). */
export const contactSchema = z.object({ id: z.string(), name: z.string(), role, workPhone: z.string().nullable() });
export const contactsAnswer = z.object({ contacts: z.array(contactSchema) });
