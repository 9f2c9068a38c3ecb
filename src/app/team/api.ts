// The team and device endpoints (server/routes/users.ts, invites.ts, devices.ts), for the Team and Devices screens.
// Answers are checked against src/api/team.ts before a screen sees them; problems become ApiError.
import type { User } from '../../api/accounts.ts';
import { ROLES, type Role } from '../../api/roles.ts';
import type { Device, TeamMember } from '../../api/team.ts';
import { request, send } from '../http/request.ts';

export type { Device, Role, TeamMember };

const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Coordinator',
  facilitator: 'Facilitator',
  visitor: 'Home-visit peer supporter',
};

/** Every role, in the order the forms offer them, in the words people use. */
export const ROLE_CHOICES = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export async function listTeam(): Promise<TeamMember[]> {
  return (await request('GET', '/api/users', (api) => api.teamAnswer)).users;
}

export interface NewMember {
  name: string;
  email: string;
  role: Role;
  password: string;
}

export async function addMember(details: NewMember): Promise<User> {
  return (await request('POST', '/api/users', (api) => api.userAnswer, details)).user;
}

export async function changeMember(id: string, patch: { role?: Role; disabled?: boolean }): Promise<TeamMember> {
  const path = `/api/users/${encodeURIComponent(id)}`;
  return (await request('PATCH', path, (api) => api.memberAnswer, patch)).user;
}

export function inviteMember(details: Omit<NewMember, 'password'>): Promise<{ code: string; expiresAt: string }> {
  return request('POST', '/api/invites', (api) => api.inviteAnswer, details);
}

export async function listDevices(): Promise<Device[]> {
  return (await request('GET', '/api/devices', (api) => api.devicesAnswer)).devices;
}

export async function revokeDevice(id: string): Promise<void> {
  await send('DELETE', `/api/devices/${encodeURIComponent(id)}`);
}
