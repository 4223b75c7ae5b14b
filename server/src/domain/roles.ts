import { ROLES, type Role } from './model.ts';

/** Roles plus the server itself, which issues registrations, presence and deadline commands. */
export type ActorRole = Role | 'system';
export const ACTOR_ROLES: readonly ActorRole[] = [...ROLES, 'system'];

// Who may issue a command is written beside the command, in its feature's registrations; these are
// the groups they are written with. The rapporteur role has a delegate's rights: what makes a
// rapporteur special is being a breakout room's rapporteur (see `isRapporteur`).
export const CHAIRS = ['facilitator', 'co-facilitator'] as const;
/** Those who take part in the discussion: they answer polls and proposals, join breakout groups. */
export const DISCUSSANTS = ['rapporteur', 'delegate', 'room-device'] as const;
/** Everyone who may speak or write: all but observers, who listen and watch only. */
export const SPEAKERS = [...CHAIRS, ...DISCUSSANTS] as const;
export const EVERYONE = [...SPEAKERS, 'observer'] as const;
export const SYSTEM = ['system'] as const;

export const isChairRole = (role: ActorRole): boolean => role === 'facilitator' || role === 'co-facilitator';
