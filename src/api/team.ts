// The team and its devices (server/routes/users.ts, invites.ts, devices.ts).
import { z } from 'zod';
import { userSchema } from './accounts.ts';
import { email, password, personName, role } from './fields.ts';

/** A user as a coordinator's team list shows it. */
export const teamMemberSchema = userSchema.extend({ disabled: z.boolean(), createdAt: z.string() });
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamAnswer = z.object({ users: z.array(teamMemberSchema) });

/** POST /api/users, answered 201 with `userAnswer`. */
export const newMemberBody = z.strictObject({ name: personName, email, role, password });

/** PATCH /api/users/:id */
export const memberPatchBody = z
  .strictObject({ role: role.optional(), disabled: z.boolean().optional(), name: personName.optional() })
  .refine((patch) => Object.keys(patch).length > 0, 'Say what to change: role, disabled or name.');
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
