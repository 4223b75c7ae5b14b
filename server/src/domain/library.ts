import type { ParticipantId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { LibraryItem, WorkshopState } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, acceptCreated, type Context, type Creation, type Result, reject } from './result.ts';
import { CHAIRS, isChairRole, SPEAKERS, SYSTEM } from './roles.ts';
import { mintId } from './state.ts';

export const MAX_LIBRARY_ITEMS = 500;

type LibraryCommandType =
  | 'library.add'
  | 'library.remove'
  | 'presentation.start'
  | 'presentation.handOver'
  | 'presentation.turnPage'
  | 'presentation.stop';

/**
 * The workshop's documents (the files are stored by the server, by content hash; this is their
 * record) and the deck being presented: who presents, and the page everyone who follows sees.
 */
export const libraryCommands: Registrations<LibraryCommandType> = {
  // Uploads are checked and stored by the server, which then records them.
  'library.add': { roles: SYSTEM, decide: add },
  'library.remove': { roles: CHAIRS, decide: remove },
  'presentation.start': { roles: CHAIRS, decide: startPresentation },
  'presentation.handOver': {
    roles: CHAIRS,
    decide: (state, command) => {
      if (!state.presentation) return reject('conflict', 'nothing is being presented');
      if (!canPresent(state, command.presenterId)) return reject('not_found', 'no such participant to present');
      return presented(state, { ...state.presentation, presenterId: command.presenterId });
    },
  },
  // Whether someone may turn the pages depends on holding the deck.
  'presentation.turnPage': { roles: SPEAKERS, decide: turnPage },
  'presentation.stop': { roles: SPEAKERS, decide: stop },
};

function add(state: WorkshopState, command: CommandOf<'library.add'>, ctx: Context): Creation {
  if (state.library.length >= MAX_LIBRARY_ITEMS) return reject('conflict', 'the library is full');
  const scope = command.scope;
  if (scope.kind === 'agendaItem' && !state.agenda.some((item) => item.id === scope.itemId)) {
    return reject('not_found', 'no such agenda item');
  }
  if (scope.kind === 'room' && !roomExists(state, scope.roomId)) return reject('not_found', 'no such room');
  const minted = mintId(state, 'doc');
  const item: LibraryItem = {
    id: minted.id,
    name: command.name,
    type: command.fileType,
    mime: command.mime,
    size: command.size,
    sha256: command.sha256,
    scope,
    uploadedBy: command.uploadedBy,
    uploadedAt: ctx.now,
  };
  return acceptCreated({ ...minted.state, library: [...minted.state.library, item] }, item.id);
}

function remove(state: WorkshopState, command: CommandOf<'library.remove'>): Result {
  if (!state.library.some((item) => item.id === command.libraryItemId)) return reject('not_found', 'no such document');
  const presenting = state.presentation?.libraryItemId === command.libraryItemId;
  return accept({
    ...state,
    library: state.library.filter((item) => item.id !== command.libraryItemId),
    presentation: presenting ? null : state.presentation,
  });
}

function startPresentation(state: WorkshopState, command: CommandOf<'presentation.start'>, ctx: Context): Result {
  const item = state.library.find((candidate) => candidate.id === command.libraryItemId);
  if (!item) return reject('not_found', 'no such document');
  if (item.type !== 'pdf') return reject('conflict', 'only PDF decks can be presented');
  const presenterId = command.presenterId ?? ctx.actor;
  if (!canPresent(state, presenterId)) return reject('not_found', 'no such participant to present');
  return presented(state, { libraryItemId: item.id, presenterId, page: 1, startedAt: ctx.now });
}

function turnPage(state: WorkshopState, command: CommandOf<'presentation.turnPage'>, ctx: Context): Result {
  const presentation = state.presentation;
  if (!presentation) return reject('conflict', 'nothing is being presented');
  if (presentation.presenterId !== ctx.actor) return reject('forbidden', 'only the presenter turns the pages');
  if (presentation.page === command.page) return reject('conflict', 'already on that page');
  return presented(state, { ...presentation, page: command.page });
}

function stop(state: WorkshopState, _command: CommandOf<'presentation.stop'>, ctx: Context): Result {
  const presentation = state.presentation;
  if (!presentation) return reject('conflict', 'nothing is being presented');
  if (!isChairRole(ctx.role) && presentation.presenterId !== ctx.actor) {
    return reject('forbidden', 'only the presenter or a facilitator ends the presentation');
  }
  return presented(state, null);
}

const roomExists = (state: WorkshopState, roomId: string) =>
  roomId === state.plenaryRoomId || state.breakouts.sets.some((set) => set.rooms.some((room) => room.id === roomId));

/** Anyone on the roster who may speak can present; observers only watch. */
const canPresent = (state: WorkshopState, participantId: ParticipantId) => {
  const role = state.participants[participantId]?.role;
  return role !== undefined && role !== 'observer';
};

const presented = (state: WorkshopState, presentation: WorkshopState['presentation']): Result =>
  accept({ ...state, presentation });
