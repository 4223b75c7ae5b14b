import type { ParticipantId, RoomId, ServerToClientEvents, UntrustedClientEvents } from '@plenary/shared';
import type { Server, Socket } from 'socket.io';
import type { Logger } from '../logger.ts';
import type { RoomRegistry } from '../sessions/roomRegistry.ts';

/** What the server remembers about a connection once it has joined. */
export interface SocketData {
  participantId?: ParticipantId;
  displayName?: string;
  roomId?: RoomId;
}

export type PlenaryServer = Server<UntrustedClientEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type PlenarySocket = Socket<UntrustedClientEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Everything a handler needs, injected: no handler reaches for a global. */
export interface RealtimeContext {
  io: PlenaryServer;
  rooms: RoomRegistry;
  logger: Logger;
  now: () => number;
}

// Socket.IO channel names (not event names): one per room, one per participant for direct facts.
export const roomChannel = (roomId: RoomId): string => `room:${roomId}`;
export const participantChannel = (participantId: ParticipantId): string => `participant:${participantId}`;
