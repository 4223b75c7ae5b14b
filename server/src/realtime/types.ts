import type {
  InterServerEvents,
  ParticipantId,
  RoomId,
  ServerToClientEvents,
  UntrustedClientEvents,
  WorkshopId,
} from '@plenary/shared';
import type { Server, Socket } from 'socket.io';
import type { TokenService } from '../auth/tokens.ts';
import type { Logger } from '../logger.ts';
import type { NotesHub } from '../notes/notesHub.ts';
import type { RoomMoves, RoomRegistry } from '../rooms/index.ts';
import type { WorkshopRegistry } from '../sessions/workshopRegistry.ts';
import type { TurnService } from '../turn/turnService.ts';
import type { Presence } from './presence.ts';

/** What the server remembers about a connection once it has joined. */
export interface SocketData {
  workshopId?: WorkshopId;
  participantId?: ParticipantId;
  /** the media room the connection is in (plenary, a breakout, or one a chair visits) */
  roomId?: RoomId;
  /** set once the join answer is on its way: room changes are then announced to the client */
  joined?: boolean;
}

export type PlenaryServer = Server<UntrustedClientEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PlenarySocket = Socket<UntrustedClientEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The other server nodes that share this node's workshops (see cluster/). */
export interface ClusterPeers {
  /** whether the participant has a connection in the workshop on any node, this one included */
  connectedAnywhere(workshopId: WorkshopId, participantId: ParticipantId): Promise<boolean>;
  /** closes the participant's connections on other nodes: `keep`, just joined here, replaces them */
  replaceElsewhere(workshopId: WorkshopId, participantId: ParticipantId, keep: PlenarySocket): Promise<void>;
}

/** Everything a handler needs, injected: no handler reaches for a global. */
export interface RealtimeContext {
  io: PlenaryServer;
  /** the media rooms people are in on this node (read them here; change them through `moves`) */
  rooms: RoomRegistry;
  /** every join, move and leave of a connection's media room (see rooms/index.ts) */
  moves: RoomMoves;
  workshops: WorkshopRegistry;
  tokens: TokenService;
  /** each participant's ICE servers */
  turn: Pick<TurnService, 'iceServersFor'>;
  presence: Presence;
  notes: NotesHub;
  logger: Logger;
  now: () => number;
  /** null when this node serves its workshops alone */
  cluster: ClusterPeers | null;
}

export const participantKey = (workshopId: WorkshopId, participantId: ParticipantId): string =>
  `${workshopId}/${participantId}`;

/** Socket.IO channel names (not event names): who hears a broadcast. */
export const channel = {
  /** chairs of a workshop: they see the whole state */
  chairs: (workshopId: WorkshopId) => `ws:${workshopId}:chairs`,
  /** everyone else in a workshop: the shared public view */
  others: (workshopId: WorkshopId) => `ws:${workshopId}:others`,
  participant: (workshopId: WorkshopId, participantId: ParticipantId) => `ws:${workshopId}:p:${participantId}`,
  room: (workshopId: WorkshopId, roomId: RoomId) => `ws:${workshopId}:room:${roomId}`,
  /** those following a room's notes (members, visiting chairs, chairs reading every room) */
  notes: (workshopId: WorkshopId, roomId: RoomId) => `ws:${workshopId}:notes:${roomId}`,
};

/**
 * The key of a media room in the registry: its channel's name, since room ids are unique only within
 * a workshop, and media events for the room go to that channel.
 */
export const mediaRoomKey = (workshopId: WorkshopId, roomId: RoomId): string => channel.room(workshopId, roomId);
