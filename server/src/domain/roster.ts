import type { CommandOf } from './commands.ts';
import { SYSTEM_ACTOR } from './commands.ts';
import { isChair, type Participant, type ParticipantId, type WorkshopState } from './model.ts';
import { removeSpeakerEntries } from './queue.ts';
import type { Registrations } from './registration.ts';
import { accept, type Context, type Result, reject } from './result.ts';
import { CHAIRS, EVERYONE, isChairRole, SYSTEM } from './roles.ts';
import { normalise, participantList, without, withParticipant } from './state.ts';

type RosterCommandType =
  | 'participant.register'
  | 'participant.updateProfile'
  | 'participant.setRole'
  | 'participant.setInRoomPeople'
  | 'participant.connected'
  | 'participant.disconnected';

export const rosterCommands: Registrations<RosterCommandType> = {
  'participant.register': { roles: SYSTEM, decide: register },
  'participant.updateProfile': { roles: EVERYONE, inLobby: true, decide: updateProfile },
  'participant.setRole': { roles: ['facilitator'], decide: setRole },
  'participant.setInRoomPeople': { roles: [...CHAIRS, 'room-device'], decide: setInRoomPeople },
  'participant.connected': {
    roles: SYSTEM,
    decide: (state, command) => setConnected(state, command.participantId, true),
  },
  'participant.disconnected': {
    roles: SYSTEM,
    decide: (state, command) => setConnected(state, command.participantId, false),
  },
};

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
  return accept(withParticipant(state, participant));
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
  return accept(withParticipant(state, participant));
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
  const next = withParticipant(state, participant);
  if (participant.role !== 'observer') return accept(next);
  // Observers listen and watch only: their hands go down.
  const queue = removeSpeakerEntries(next.queue, participant.id, undefined);
  return accept(queue === next.queue ? next : { ...next, queue });
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
  const next = withParticipant(state, participant);
  // People no longer in the room can no longer be waiting to speak.
  const queue = removeSpeakerEntries(next.queue, device.id, (name) => name !== null && !seen.has(normalise(name)));
  return accept(queue === next.queue ? next : { ...next, queue });
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
  return accept(next);
}

/** Everyone on the roster before and after whose role is not what it was. */
export function roleChanges(before: WorkshopState, after: WorkshopState): ParticipantId[] {
  if (before.participants === after.participants) return [];
  return Object.values(after.participants)
    .filter((participant) => {
      const was = before.participants[participant.id];
      return was !== undefined && was.role !== participant.role;
    })
    .map((participant) => participant.id);
}
