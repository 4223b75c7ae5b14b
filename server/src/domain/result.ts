import type { Created, ErrorCode, ParticipantId } from '@plenary/shared';
import type { WorkshopState } from './model.ts';
import type { ActorRole } from './roles.ts';

export interface DomainError {
  code: ErrorCode;
  message: string;
}

/**
 * An accepted command yields the next state, the one account of what changed (the realtime layer
 * tells clients by comparing it with the state before). A command that makes something new also
 * names it, so its caller need not look for it.
 */
export type Accepted = { ok: true; state: WorkshopState; created?: Created };

/** A rejected command returns its error; the input state is never touched. */
export type Rejection = { ok: false; error: DomainError };

export type Result = Accepted | Rejection;

/** What a command that creates something answers: when accepted, always what it created. */
export type Creation = { ok: true; state: WorkshopState; created: Created } | Rejection;

export const accept = (state: WorkshopState): Accepted => ({ ok: true, state });

export const acceptCreated = (state: WorkshopState, id: string): Creation => ({ ok: true, state, created: { id } });

export const reject = (code: ErrorCode, message: string): Rejection => ({ ok: false, error: { code, message } });

/** Who issues the command, and when. */
export interface Context {
  now: number;
  actor: ParticipantId;
  role: ActorRole;
}

/** Ends every `switch` over a union: adding a member without handling it fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
