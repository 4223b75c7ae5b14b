import type { ErrorCode, ParticipantId } from '@plenary/shared';
import type { DomainEvent } from './events.ts';
import type { WorkshopState } from './model.ts';
import type { ActorRole } from './roles.ts';

export interface DomainError {
  code: ErrorCode;
  message: string;
}

/** A rejected command returns its error; the input state is never touched. */
export type Result = { ok: true; state: WorkshopState; events: DomainEvent[] } | { ok: false; error: DomainError };

export type Rejection = Extract<Result, { ok: false }>;

export const accept = (state: WorkshopState, events: DomainEvent[] = []): Result => ({ ok: true, state, events });

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
