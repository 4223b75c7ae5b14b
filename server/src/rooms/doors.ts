import {
  Fact,
  type ParticipantId,
  type PeerInfo,
  type RoomEntry,
  type RoomId,
  type Whereabouts,
  type WorkshopId,
} from '@plenary/shared';
import { mediaRoomKey, type PlenaryServer, type PlenarySocket } from '../realtime/types.ts';
import type { LiveRoom } from './liveRoom.ts';
import type { RoomRegistry } from './roomRegistry.ts';

export interface Arrival {
  socket: PlenarySocket;
  peer: PeerInfo;
  /** false when the connection was in the room already: the others know of it */
  isNew: boolean;
  /**
   * Told to the client as `roomChanged`, with the room, in the step that joins the room's channel,
   * so no fact of the room can reach the client before the room itself. Null: not told (a join
   * answers with the room itself).
   */
  announce: Whereabouts | null;
}

type Waiting<T, R> = Array<{ item: T; resolve: (result: R) => void; reject: (error: unknown) => void }>;

interface Departure {
  socket: PlenarySocket;
  participantId: ParticipantId;
}

/**
 * The way into and out of the media rooms. Everyone who comes to (or leaves) a room before the
 * room's turn in the registry comes up goes through together, as when breakouts open and 500 people
 * move at once: the registry changes the room once, and those who stay are told once, with everyone
 * who came or went, rather than once per person.
 */
export class RoomDoors {
  readonly #entering = new Map<string, Waiting<Arrival, RoomEntry>>();
  readonly #leaving = new Map<string, Waiting<Departure, void>>();

  constructor(
    private readonly io: PlenaryServer,
    private readonly rooms: RoomRegistry,
  ) {}

  /** Puts the connection in the room (created on first entry); answers what the room holds. */
  enter(workshopId: WorkshopId, roomId: RoomId, arrival: Arrival): Promise<RoomEntry> {
    const key = mediaRoomKey(workshopId, roomId);
    return batched(this.#entering, key, arrival, (turn) =>
      this.rooms.change(key, (room) => {
        const arrivals = turn();
        const entry = admit(this.io, key, roomId, room, arrivals);
        return arrivals.map(() => entry);
      }),
    );
  }

  /** Takes the connection out of the room's channel now, and its media out of the room. */
  leave(workshopId: WorkshopId, roomId: RoomId, socket: PlenarySocket, participantId: ParticipantId): Promise<void> {
    const key = mediaRoomKey(workshopId, roomId);
    void socket.leave(key);
    return batched(this.#leaving, key, { socket, participantId }, (turn) => {
      const release = (room?: LiveRoom) => {
        const departures = turn();
        const participantIds = [...new Set(departures.map((departure) => departure.participantId))];
        for (const id of participantIds) room?.exit(id);
        this.io.to(key).emit(Fact.peerLeft, { participantIds });
        return departures.map(() => undefined);
      };
      // Queued behind the room's other changes; a room gone by then is not made again just to close it.
      return this.rooms.changeExisting(key, release);
    });
  }
}

/**
 * Adds `item` to the batch waiting for `key`, or starts one with `run`. When the batch's turn comes,
 * `run` calls `turn()`, which closes it (later items start the next batch) and gives its items;
 * `run` answers one result per item, in order.
 */
function batched<T, R>(
  batches: Map<string, Waiting<T, R>>,
  key: string,
  item: T,
  run: (turn: () => T[]) => Promise<R[]>,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const waiting = batches.get(key);
    if (waiting) {
      waiting.push({ item, resolve, reject });
      return;
    }
    const batch: Waiting<T, R> = [{ item, resolve, reject }];
    batches.set(key, batch);
    const turn = () => {
      if (batches.get(key) === batch) batches.delete(key);
      return batch.map((entry) => entry.item);
    };
    run(turn).then(
      (results) => {
        for (const [index, entry] of batch.entries()) entry.resolve(results[index] as R);
      },
      (error: unknown) => {
        turn();
        for (const entry of batch) entry.reject(error);
      },
    );
  });
}

/**
 * Everyone arriving together enters, then is told the room with all of them in it: one description,
 * and one `roomChanged` per distinct whereabouts (all of a breakout room's members share theirs), so
 * Socket.IO encodes each once however many receive it.
 */
function admit(
  io: PlenaryServer,
  key: string,
  roomId: RoomId,
  room: LiveRoom,
  arrivals: readonly Arrival[],
): RoomEntry {
  for (const arrival of arrivals) {
    room.enter(arrival.peer);
    void arrival.socket.join(key);
  }
  const entry: RoomEntry = {
    roomId,
    peers: room.peers(),
    producers: room.media.producers(),
    routerRtpCapabilities: room.media.rtpCapabilities,
    activeSpeakerId: room.media.activeSpeakerId,
    connections: room.media.connections(),
  };
  const told = new Map<string, { whereabouts: Whereabouts; socketIds: string[] }>();
  for (const { announce, socket } of arrivals) {
    if (!announce) continue;
    const same = JSON.stringify(announce);
    const group = told.get(same) ?? { whereabouts: announce, socketIds: [] };
    group.socketIds.push(socket.id);
    told.set(same, group);
  }
  for (const { whereabouts, socketIds } of told.values()) {
    io.to(socketIds).emit(Fact.roomChanged, { whereabouts, room: entry });
  }
  // Those who came together know of each other from the entry; those already there hear it once.
  const newcomers = arrivals.filter((arrival) => arrival.isNew);
  if (newcomers.length > 0) {
    io.to(key)
      .except(newcomers.map((arrival) => arrival.socket.id))
      .emit(Fact.peerJoined, { peers: newcomers.map((arrival) => arrival.peer) });
  }
  return entry;
}
