/**
 * What a participant may do is decided by their role (see the permission table in the server's
 * domain). Roles change live: a facilitator can promote a delegate to rapporteur mid-session.
 */
export const ROLES = ['facilitator', 'co-facilitator', 'rapporteur', 'delegate', 'observer', 'room-device'] as const;
export type Role = (typeof ROLES)[number];

/** Those who chair: run the agenda, the queue, the breakouts, and read the private channel. */
export const CHAIR_ROLES = ['facilitator', 'co-facilitator'] as const satisfies readonly Role[];

export const isChair = (role: Role): boolean => (CHAIR_ROLES as readonly Role[]).includes(role);

/** Roles that take part in the discussion (raise hands, vote, join breakout groups). */
export const DISCUSSANT_ROLES = ['rapporteur', 'delegate', 'room-device'] as const satisfies readonly Role[];

export const isDiscussant = (role: Role): boolean => (DISCUSSANT_ROLES as readonly Role[]).includes(role);
