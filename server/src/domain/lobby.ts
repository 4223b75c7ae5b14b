import type { ParticipantId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { DomainEvent } from './events.ts';
import type { WorkshopState } from './model.ts';
import { accept, assertNever, type Result, reject } from './result.ts';
import { participantList } from './state.ts';

export type LobbyCommand = CommandOf<'lobby.admit' | 'lobby.admitAll'>;

export function decideLobby(state: WorkshopState, command: LobbyCommand): Result {
  switch (command.type) {
    case 'lobby.admit': {
      const participant = state.participants[command.participantId];
      if (!participant) return reject('not_found', 'no such participant');
      if (participant.admitted) return reject('conflict', 'already admitted');
      const admitted = admit(state, [participant.id]);
      return accept(admitted.state, admitted.events);
    }
    case 'lobby.admitAll': {
      // Admitting nobody is not an error: two chairs may press the button at once.
      const admitted = admitWaiting(state);
      return accept(admitted.state, admitted.events);
    }
    default:
      return assertNever(command);
  }
}

/** Registered participants waiting to be let in, in order of registration. */
export const waiting = (state: WorkshopState): ParticipantId[] =>
  participantList(state)
    .filter((p) => !p.admitted)
    .map((p) => p.id);

export const admitWaiting = (state: WorkshopState) => admit(state, waiting(state));

function admit(state: WorkshopState, ids: ParticipantId[]): { state: WorkshopState; events: DomainEvent[] } {
  if (ids.length === 0) return { state, events: [] };
  const participants = { ...state.participants };
  for (const id of ids) {
    const participant = participants[id];
    if (participant) participants[id] = { ...participant, admitted: true };
  }
  return { state: { ...state, participants }, events: [{ type: 'lobby.admitted', participantIds: ids }] };
}
