// The roles of a team member, lowest floor of the contract: no zod here, so the first screen may import it.
export const ROLES = ['coordinator', 'facilitator', 'visitor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
