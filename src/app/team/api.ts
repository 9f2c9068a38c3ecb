// The team and device endpoints (server/routes/users.ts, invites.ts, devices.ts), for the Team and Devices screens.
// Answers are checked against src/api/team.ts before a screen sees them; problems become ApiError.
import { userAnswer, type User } from '../../api/accounts.ts';
import { ROLES, type Role } from '../../domain/roles.ts';
import { devicesAnswer, inviteAnswer, memberAnswer, teamAnswer, type Device, type TeamMember } from '../../api/team.ts';
import { checked } from '../http/checked.ts';
import { request } from '../http/request.ts';

export type { Device, Role, TeamMember };

const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Coordinator',
  facilitator: 'Facilitator',
  visitor: 'Home-visit peer supporter',
};

/** Every role, in the order the forms offer them, in the words people use. */
export const ROLE_CHOICES = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export async function listTeam(): Promise<TeamMember[]> {
  return (await checked('GET', '/api/users', teamAnswer)).users;
}

export interface NewMember {
  name: string;
  email: string;
  role: Role;
  password: string;
}

export async function addMember(details: NewMember): Promise<User> {
  return (await checked('POST', '/api/users', userAnswer, details)).user;
}

export interface MemberPatch {
  role?: Role;
  disabled?: boolean;
  /** A UK number as typed; the server keeps it in E.164. Null clears it. */
  workPhone?: string | null;
  /** May design peer-research questionnaires. */
  peerResearcher?: boolean;
}

export async function changeMember(id: string, patch: MemberPatch): Promise<TeamMember> {
  const path = `/api/users/${encodeURIComponent(id)}`;
  return (await checked('PATCH', path, memberAnswer, patch)).user;
}

export function inviteMember(details: Omit<NewMember, 'password'>): Promise<{ code: string; expiresAt: string }> {
  return checked('POST', '/api/invites', inviteAnswer, details);
}

export async function listDevices(): Promise<Device[]> {
  return (await checked('GET', '/api/devices', devicesAnswer)).devices;
}

export async function revokeDevice(id: string): Promise<void> {
  await request('DELETE', `/api/devices/${encodeURIComponent(id)}`);
}
