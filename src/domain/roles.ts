// The roles of a team member. No zod here, so that the first screen may import it.
export const ROLES = ['coordinator', 'facilitator', 'visitor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/**
 * Who may design peer-research questionnaires: a coordinator always, anyone else marked as a peer researcher. The
 * server refuses other designers' changes at sync; the app hides the designer from them.
 */
export const mayDesignQuestionnaires = (user: { role: Role; peerResearcher?: boolean }): boolean =>
  user.role === 'coordinator' || user.peerResearcher === true;
