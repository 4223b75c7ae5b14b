import type { CommandOf } from './commands.ts';
import { SYSTEM_ACTOR } from './commands.ts';
import type { DomainEvent } from './events.ts';
import { isChair, type Participant, type WorkshopState } from './model.ts';
import { removeSpeakerEntries } from './queue.ts';
import { accept, assertNever, type Context, type Result, reject } from './result.ts';
import { isChairRole } from './roles.ts';
import { normalise, participantList, without, withParticipant } from './state.ts';

export type RosterCommand = CommandOf<
  | 'participant.register'
  | 'participant.updateProfile'
  | 'participant.setRole'
  | 'participant.setInRoomPeople'
  | 'participant.connected'
  | 'participant.disconnected'
>;

export function decideRoster(state: WorkshopState, command: RosterCommand, ctx: Context): Result {
  switch (command.type) {
    case 'participant.register':
      return register(state, command, ctx);
    case 'participant.updateProfile':
      return updateProfile(state, command, ctx);
    case 'participant.setRole':
      return setRole(state, command);
    case 'participant.setInRoomPeople':
      return setInRoomPeople(state, command, ctx);
    case 'participant.connected':
      return setConnected(state, command.participantId, true);
    case 'participant.disconnected':
      return setConnected(state, command.participantId, false);
    default:
      return assertNever(command);
  }
}

function register(state: WorkshopState, command: CommandOf<'participant.register'>, ctx: Context): Result {
  if (command.participantId === SYSTEM_ACTOR) return reject('invalid_payload', 'this id is reserved');
  if (state.participants[command.participantId]) return reject('conflict', 'this participant is already registered');
  const participant: Participant = {
    id: command.participantId,
    name: command.name,
    organisation: command.organisation,
    country: command.country,
    role: command.role,
    language: command.language,
    timeZone: command.timeZone,
    email: command.email ?? null,
    // Chairs never wait; everyone else waits while the lobby is on.
    admitted: !state.settings.lobbyEnabled || isChair(command.role),
    connected: false,
    registeredAt: ctx.now,
    inRoomPeople: [],
  };
  return accept(withParticipant(state, participant), [{ type: 'participant.registered', participant }]);
}

function updateProfile(state: WorkshopState, command: CommandOf<'participant.updateProfile'>, ctx: Context): Result {
  const current = state.participants[ctx.actor];
  if (!current) return reject('not_found', 'no such participant');
  const participant: Participant = {
    ...current,
    name: command.name ?? current.name,
    organisation: command.organisation ?? current.organisation,
    country: command.country ?? current.country,
    language: command.language ?? current.language,
    timeZone: command.timeZone ?? current.timeZone,
  };
  return accept(withParticipant(state, participant), [{ type: 'participant.updated', participant }]);
}

function setRole(state: WorkshopState, command: CommandOf<'participant.setRole'>): Result {
  const current = state.participants[command.participantId];
  if (!current) return reject('not_found', 'no such participant');
  if (current.role === command.role) return reject('conflict', `already a ${command.role}`);
  const facilitators = participantList(state).filter((p) => p.role === 'facilitator');
  if (current.role === 'facilitator' && facilitators.length === 1) {
    return reject('conflict', 'the workshop needs at least one facilitator');
  }
  const participant: Participant = {
    ...current,
    role: command.role,
    admitted: current.admitted || isChair(command.role),
  };
  let next = withParticipant(state, participant);
  const events: DomainEvent[] = [
    { type: 'participant.roleChanged', participantId: participant.id, from: current.role, to: participant.role },
  ];
  if (participant.role === 'observer') {
    // Observers listen and watch only: their hands go down.
    const queue = removeSpeakerEntries(next.queue, participant.id, undefined);
    if (queue !== next.queue) {
      next = { ...next, queue };
      events.push({ type: 'queue.changed', entries: queue.entries });
    }
  }
  return accept(next, events);
}

function setInRoomPeople(
  state: WorkshopState,
  command: CommandOf<'participant.setInRoomPeople'>,
  ctx: Context,
): Result {
  const device = state.participants[command.participantId];
  if (!device) return reject('not_found', 'no such participant');
  if (device.role !== 'room-device') return reject('conflict', 'only a room device lists in-room people');
  if (!isChairRole(ctx.role) && ctx.actor !== device.id) {
    return reject('forbidden', 'a room device can only list its own people');
  }
  const seen = new Set<string>();
  for (const name of command.people) {
    const key = normalise(name);
    if (seen.has(key)) return reject('invalid_payload', `"${name}" is listed twice`);
    seen.add(key);
  }
  const participant: Participant = { ...device, inRoomPeople: command.people };
  let next = withParticipant(state, participant);
  const events: DomainEvent[] = [{ type: 'participant.updated', participant }];
  // People no longer in the room can no longer be waiting to speak.
  const queue = removeSpeakerEntries(next.queue, device.id, (name) => name !== null && !seen.has(normalise(name)));
  if (queue !== next.queue) {
    next = { ...next, queue };
    events.push({ type: 'queue.changed', entries: queue.entries });
  }
  return accept(next, events);
}

function setConnected(state: WorkshopState, participantId: Participant['id'], connected: boolean): Result {
  const current = state.participants[participantId];
  if (!current) return reject('not_found', 'no such participant');
  if (current.connected === connected) {
    return reject('conflict', connected ? 'already connected' : 'already disconnected');
  }
  let next = withParticipant(state, { ...current, connected });
  const open = next.breakouts.open;
  if (!connected && open && open.visitors[participantId]) {
    next = {
      ...next,
      breakouts: { ...next.breakouts, open: { ...open, visitors: without(open.visitors, participantId) } },
    };
  }
  return accept(next, [{ type: 'participant.presenceChanged', participantId, connected }]);
}
