import type { ParticipantId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { WorkshopState } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, type Result, reject } from './result.ts';
import { CHAIRS } from './roles.ts';
import { participantList } from './state.ts';

export const lobbyCommands: Registrations<'lobby.admit' | 'lobby.admitAll'> = {
  'lobby.admit': { roles: CHAIRS, decide: admitOne },
  // Admitting nobody is not an error: two chairs may press the button at once.
  'lobby.admitAll': { roles: CHAIRS, decide: (state) => accept(admitWaiting(state)) },
};

function admitOne(state: WorkshopState, command: CommandOf<'lobby.admit'>): Result {
  const participant = state.participants[command.participantId];
  if (!participant) return reject('not_found', 'no such participant');
  if (participant.admitted) return reject('conflict', 'already admitted');
  return accept(admit(state, [participant.id]));
}

/** Registered participants waiting to be let in, in order of registration. */
export const waiting = (state: WorkshopState): ParticipantId[] =>
  participantList(state)
    .filter((p) => !p.admitted)
    .map((p) => p.id);

export const admitWaiting = (state: WorkshopState): WorkshopState => admit(state, waiting(state));

function admit(state: WorkshopState, ids: ParticipantId[]): WorkshopState {
  if (ids.length === 0) return state;
  const participants = { ...state.participants };
  for (const id of ids) {
    const participant = participants[id];
    if (participant) participants[id] = { ...participant, admitted: true };
  }
  return { ...state, participants };
}
