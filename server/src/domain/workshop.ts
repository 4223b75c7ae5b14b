import type { ParticipantId } from '@plenary/shared';
import { syncAttendance } from './attendance.ts';
import { placeLateJoiners } from './breakoutSession.ts';
import { SYSTEM_ACTOR, type WorkshopCommand } from './commands.ts';
import { isAllowed, LOBBY_COMMANDS, registrationOf } from './commandTable.ts';
import type { WorkshopState } from './model.ts';
import { type Context, type Result, reject } from './result.ts';
import type { ActorRole } from './roles.ts';

// The empty workshop is plain data that clients build too (in their tests): it lives in shared.
export { createWorkshop, DEFAULT_SETTINGS, type WorkshopConfig } from './model.ts';

/**
 * The workshop's one decision function: validate → authorise → apply. An accepted command yields
 * the next state (revision + 1), and what it created if it created something; a rejected one yields
 * an error and leaves `state` as it was. Payloads are trusted: the server parses them first.
 */
export function decide(state: WorkshopState, command: WorkshopCommand, now: number): Result {
  const role = actorRole(state, command.actor);
  if (role === null) return reject('not_joined', 'you are not registered in this workshop');
  if (!isAllowed(role, command.type)) return reject('forbidden', `a ${role} cannot do ${command.type}`);
  if (role !== 'system' && !state.participants[command.actor]?.admitted && !LOBBY_COMMANDS.has(command.type)) {
    return reject('forbidden', 'you are waiting in the lobby');
  }

  const outcome = apply(state, command, { now, actor: command.actor, role });
  if (!outcome.ok) return outcome;

  // What follows from any change: people arriving while rooms are open get a room, and the
  // attendance log follows presence and the agenda.
  const next = syncAttendance(placeLateJoiners(outcome.state), now);
  return { ...outcome, state: { ...next, revision: state.revision + 1 } };
}

function actorRole(state: WorkshopState, actor: ParticipantId): ActorRole | null {
  if (actor === SYSTEM_ACTOR) return 'system';
  return state.participants[actor]?.role ?? null;
}

function apply<T extends WorkshopCommand['type']>(
  state: WorkshopState,
  command: Extract<WorkshopCommand, { type: T }>,
  ctx: Context,
): Result {
  return registrationOf<T>(command.type).decide(state, command, ctx);
}

export { nextDeadline } from './deadlines.ts';
export { occupants, roomOf } from './location.ts';
export { viewFor } from './view.ts';
