import type { ParticipantId } from '@plenary/shared';
import type { WorkshopCommandPayload, WorkshopCommandType } from './model.ts';

/** A command as `decide` receives it: a parsed payload plus who issued it, added by the server. */
export type WorkshopCommand = WorkshopCommandPayload & { actor: ParticipantId };

export type CommandOf<T extends WorkshopCommandType> = Extract<WorkshopCommand, { type: T }>;

/**
 * The actor of commands the server issues itself: registrations from verified invites, presence,
 * and the scheduler's deadlines. No participant can be registered under this id.
 */
export const SYSTEM_ACTOR = '@system' as ParticipantId;
