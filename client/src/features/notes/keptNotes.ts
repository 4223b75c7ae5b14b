import type { RoomId, WorkshopId } from '@plenary/shared';

/** Storage key of a room's notes typed but not yet stored by the server (see `unsavedNotes.ts`). */
export const keptNotesKey = (workshopId: WorkshopId, roomId: RoomId): string =>
  `plenary.notes.unsaved.${workshopId}/${roomId}`;

/** The rooms of a workshop with notes kept from an earlier visit, from a `localStorage`-like list of keys. */
export function keptRooms(keys: readonly string[], workshopId: WorkshopId): RoomId[] {
  const prefix = `plenary.notes.unsaved.${workshopId}/`;
  return keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length) as RoomId);
}

function storedKeys(): string[] {
  try {
    return Object.keys(window.localStorage);
  } catch {
    return [];
  }
}

/**
 * Once joined: words typed on an earlier visit that never reached the server (the page was closed
 * or reloaded while offline) are sent now, whether or not anyone opens those notes again. Loads the
 * editor's chunk only when there is something to send.
 */
export function sendKeptNotes(workshopId: WorkshopId): void {
  const rooms = keptRooms(storedKeys(), workshopId);
  if (rooms.length === 0) return;
  void import('./notesRegistry.ts').then(({ roomNotes }) => {
    for (const roomId of rooms) roomNotes(workshopId, roomId);
  });
}
