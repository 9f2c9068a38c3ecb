// The roles of a team member. No zod here, so that the first screen may import it.
export const ROLES = ['coordinator', 'facilitator', 'visitor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
