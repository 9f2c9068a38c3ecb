// The team and device endpoints (server/routes/users.ts, invites.ts, devices.ts), for the Team and Devices screens.
// Answers are checked before a screen sees them; problems become ApiError, as on the account screens.
import { z } from 'zod';
import { ApiError, request } from '../account/api.ts';

export const ROLE_CHOICES = [
  { value: 'coordinator', label: 'Coordinator' },
  { value: 'facilitator', label: 'Facilitator' },
  { value: 'visitor', label: 'Home-visit peer supporter' },
] as const;

export type Role = (typeof ROLE_CHOICES)[number]['value'];

const role = z.enum(['coordinator', 'facilitator', 'visitor']);

const member = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  disabled: z.boolean().default(false),
  workPhone: z.string().nullable().default(null),
});
export type TeamMember = z.infer<typeof member>;

const device = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  userName: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type Device = z.infer<typeof device>;

function parsed<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new ApiError(502, 'bad_response', 'The server sent an answer Coorie does not understand.');
  return result.data;
}

export async function listTeam(): Promise<TeamMember[]> {
  return parsed(z.object({ users: z.array(member) }), await request('GET', '/api/users')).users;
}

export interface NewMember {
  name: string;
  email: string;
  role: Role;
  password: string;
}

export async function addMember(details: NewMember): Promise<TeamMember> {
  return parsed(z.object({ user: member }), await request('POST', '/api/users', details)).user;
}

export interface MemberPatch {
  role?: Role;
  disabled?: boolean;
  /** A UK number as typed; the server keeps it in E.164. Null clears it. */
  workPhone?: string | null;
}

export async function changeMember(id: string, patch: MemberPatch): Promise<TeamMember> {
  const path = `/api/users/${encodeURIComponent(id)}`;
  return parsed(z.object({ user: member }), await request('PATCH', path, patch)).user;
}

export async function inviteMember(details: Omit<NewMember, 'password'>): Promise<{ code: string; expiresAt: string }> {
  return parsed(z.object({ code: z.string(), expiresAt: z.string() }), await request('POST', '/api/invites', details));
}

export async function listDevices(): Promise<Device[]> {
  return parsed(z.object({ devices: z.array(device) }), await request('GET', '/api/devices')).devices;
}

export async function revokeDevice(id: string): Promise<void> {
  await request('DELETE', `/api/devices/${encodeURIComponent(id)}`);
}
