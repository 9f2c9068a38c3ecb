// Setup, sign-in, "who am I" and joining by invite (server/routes/organisations.ts, auth.ts, invites.ts).
import { z } from 'zod';
import { deviceName, email, organisationName, password, personName, role } from './fields.ts';

/** A user as the API shows it. */
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  organisationId: z.string(),
  /**
   * Marked by a coordinator as a peer researcher, who may design questionnaires (coordinators always may). Given
   * by sign-in and GET /api/me, so that the device shows the designer only to those whose changes the server takes.
   */
  peerResearcher: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;
export const userAnswer = z.object({ user: userSchema });

/** GET /api/setup: whether this server still needs its first organisation (the demo one aside). */
export const setupAnswer = z.object({
  firstRun: z.boolean(),
  openRegistration: z.boolean(),
  /** The demo organisation of `npm run seed:demo` is here. */
  demo: z.boolean(),
});
export type SetupStatus = z.infer<typeof setupAnswer>;

/** POST /api/organisations, answered 201 with `userAnswer`. */
export const newOrganisationBody = z.strictObject({
  organisation: organisationName,
  name: personName,
  email,
  password,
  device: deviceName.optional(),
});
export type NewOrganisation = z.input<typeof newOrganisationBody>;

/** POST /api/auth/sign-in, answered with `userAnswer`. */
export const signInBody = z.strictObject({ email, password, device: deviceName });

/** GET /api/me, with the organisation's name, so that no screen asks people for a name the server knows. */
export const meAnswer = z.object({
  user: userSchema,
  device: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ name: z.string() }),
});

/** POST /api/invites/accept, answered 201 with `userAnswer`. */
export const acceptInviteBody = z.strictObject({ code: z.string().max(40), password, device: deviceName });
