import type { ParticipantId } from '@plenary/shared';
import { decideAgenda } from './agenda.ts';
import { syncAttendance } from './attendance.ts';
import { decideBreakoutSession, placeLateJoiners } from './breakoutSession.ts';
import { decideBreakoutSet } from './breakouts.ts';
import { decideChat } from './chat.ts';
import { type CommandOf, SYSTEM_ACTOR, type WorkshopCommand } from './commands.ts';
import type { DomainEvent } from './events.ts';
import { decideLibrary } from './library.ts';
import { admitWaiting, decideLobby } from './lobby.ts';
import { movesBetween } from './location.ts';
import type { WorkshopSettings, WorkshopState } from './model.ts';
import { decideOutcomes } from './outcomes.ts';
import { decidePolls } from './polls.ts';
import { decideProposals } from './proposals.ts';
import { decideQueue } from './queue.ts';
import { accept, assertNever, type Context, type Result, reject } from './result.ts';
import { type ActorRole, isAllowed, LOBBY_COMMANDS } from './roles.ts';
import { decideRoster } from './roster.ts';

// The empty workshop is plain data that clients build too (in their tests): it lives in shared.
export { createWorkshop, DEFAULT_SETTINGS, type WorkshopConfig } from './model.ts';

/**
 * The workshop's one decision function: validate → authorise → apply. An accepted command yields
 * the next state (revision + 1) and the facts the realtime layer broadcasts; a rejected one yields
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

  // What follows from any change: people arriving while rooms are open get a room, the attendance
  // log follows presence and the agenda, and everyone who changed room is listed.
  const placed = placeLateJoiners(outcome.state);
  const next = syncAttendance(placed.state, now);
  const events: DomainEvent[] = [...outcome.events, ...placed.events];
  const moves = movesBetween(state, next);
  if (moves.length > 0) events.push({ type: 'participants.moved', moves });
  return { ok: true, state: { ...next, revision: state.revision + 1 }, events };
}

function actorRole(state: WorkshopState, actor: ParticipantId): ActorRole | null {
  if (actor === SYSTEM_ACTOR) return 'system';
  return state.participants[actor]?.role ?? null;
}

function apply(state: WorkshopState, command: WorkshopCommand, ctx: Context): Result {
  switch (command.type) {
    case 'workshop.updateSettings':
      return updateSettings(state, command);
    case 'participant.register':
    case 'participant.updateProfile':
    case 'participant.setRole':
    case 'participant.setInRoomPeople':
    case 'participant.connected':
    case 'participant.disconnected':
      return decideRoster(state, command, ctx);
    case 'lobby.admit':
    case 'lobby.admitAll':
      return decideLobby(state, command);
    case 'agenda.addDay':
    case 'agenda.removeDay':
    case 'agenda.addItem':
    case 'agenda.updateItem':
    case 'agenda.removeItem':
    case 'agenda.reorderItems':
    case 'agenda.startItem':
    case 'agenda.stopItem':
      return decideAgenda(state, command, ctx);
    case 'queue.raiseHand':
    case 'queue.lowerHand':
    case 'queue.addInRoomPerson':
    case 'queue.giveFloor':
    case 'queue.move':
    case 'queue.remove':
    case 'queue.clear':
    case 'queue.endTurn':
    case 'queue.turnTick':
      return decideQueue(state, command, ctx);
    case 'breakouts.createSet':
    case 'breakouts.deleteSet':
    case 'breakouts.renameRoom':
    case 'breakouts.assign':
    case 'breakouts.autoAssign':
    case 'breakouts.importCsv':
    case 'breakouts.configureSelfSelect':
    case 'breakouts.choose':
    case 'breakouts.setRapporteur':
      return decideBreakoutSet(state, command, ctx);
    case 'breakouts.open':
    case 'breakouts.extend':
    case 'breakouts.broadcast':
    case 'breakouts.requestHelp':
    case 'breakouts.acknowledgeHelp':
    case 'breakouts.resolveHelp':
    case 'breakouts.visit':
    case 'breakouts.move':
    case 'breakouts.recall':
    case 'breakouts.close':
      return decideBreakoutSession(state, command, ctx);
    case 'chat.send':
      return decideChat(state, command, ctx);
    case 'poll.create':
    case 'poll.open':
    case 'poll.vote':
    case 'poll.close':
      return decidePolls(state, command, ctx);
    case 'proposal.put':
    case 'proposal.respond':
    case 'proposal.close':
      return decideProposals(state, command, ctx);
    case 'outcomes.edit':
    case 'outcomes.submit':
    case 'outcomes.accept':
    case 'reportBack.start':
    case 'reportBack.next':
    case 'reportBack.stop':
      return decideOutcomes(state, command, ctx);
    case 'library.add':
    case 'library.remove':
    case 'presentation.start':
    case 'presentation.handOver':
    case 'presentation.turnPage':
    case 'presentation.stop':
      return decideLibrary(state, command, ctx);
    default:
      return assertNever(command);
  }
}

/** Turning the lobby off lets everyone waiting in. */
function updateSettings(state: WorkshopState, command: CommandOf<'workshop.updateSettings'>): Result {
  const current = state.settings;
  const settings: WorkshopSettings = {
    lobbyEnabled: command.lobbyEnabled ?? current.lobbyEnabled,
    prioritiseNewSpeakers: command.prioritiseNewSpeakers ?? current.prioritiseNewSpeakers,
    turnDurationMs: command.turnDurationMs === undefined ? current.turnDurationMs : command.turnDurationMs,
    turnWarningMs: command.turnWarningMs ?? current.turnWarningMs,
    recallGraceMs: command.recallGraceMs ?? current.recallGraceMs,
  };
  const next: WorkshopState = { ...state, title: command.title ?? state.title, settings };
  const events: DomainEvent[] = [{ type: 'workshop.settingsChanged', title: next.title, settings }];
  if (settings.lobbyEnabled) return accept(next, events);
  const admitted = admitWaiting(next);
  return accept(admitted.state, [...events, ...admitted.events]);
}

export { nextDeadline } from './deadlines.ts';
export { occupants, roomOf } from './location.ts';
export { viewFor } from './view.ts';
