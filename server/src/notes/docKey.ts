import type { RoomId } from '@plenary/shared';

/** The key a room's notes document is stored and synced under. */
export const notesDocKey = (workshopId: string, roomId: RoomId): string => `${workshopId}/${roomId}`;
