import {
  Fact,
  type PeerInfo,
  type RoomChanged,
  type RoomEntry,
  type RoomId,
  type Whereabouts,
  type WorkshopId,
  type WorkshopState,
} from '@plenary/shared';
import { roomOf } from '../domain/location.ts';
import type { Logger } from '../logger.ts';
import { type PlenaryServer, type PlenarySocket, participantKey } from '../realtime/types.ts';
import { KeyedSerialQueue } from '../sessions/serialQueue.ts';
import type { WorkshopRegistry } from '../sessions/workshopRegistry.ts';
import { RoomDoors } from './doors.ts';
import type { RoomRegistry } from './roomRegistry.ts';

const OFFLINE: Whereabouts = { location: { kind: 'offline' }, visiting: null };

/** Waits before trying a failed move again: growing, but never giving up on a connected client. */
const MOVE_RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/** The media room someone takes part in: the one they visit, else the one they are in. */
function mediaRoomOf(whereabouts: Whereabouts): RoomId | null {
  if (whereabouts.visiting) return whereabouts.visiting;
  const { location } = whereabouts;
  return location.kind === 'plenary' || location.kind === 'breakout' ? location.roomId : null;
}

export interface RoomMovesOptions {
  io: PlenaryServer;
  rooms: RoomRegistry;
  /** the workshops this node holds: a move follows a workshop's state as it is when the move's turn comes */
  workshops: Pick<WorkshopRegistry, 'get'>;
  logger: Logger;
  now: () => number;
}

/**
 * Every change of the media room a connection is in: joining, following a move, leaving. Each runs
 * in its participant's one queue, so a participant's steps never overlap (a leave is through before
 * the next entry starts); different participants' steps run at the same time and meet at the rooms'
 * doors, where those bound for the same room go through together (see `RoomDoors`).
 */
export class RoomMoves {
  readonly #steps = new KeyedSerialQueue<string>();
  readonly #doors: RoomDoors;

  constructor(private readonly options: RoomMovesOptions) {
    this.#doors = new RoomDoors(options.io, options.rooms);
  }

  /**
   * A connection that has just joined goes where `state` says; the join answers with that room
   * itself, so it is not announced. From now on, the connection's moves are announced.
   */
  join(socket: PlenarySocket, state: WorkshopState): Promise<RoomChanged> {
    return this.#inTurn(socket, async () => {
      const { roomChanged } = await this.#place(socket, state, false);
      socket.data.joined = true;
      return roomChanged;
    });
  }

  /**
   * Puts a connection where the latest state says, and tells its client to switch its media. A move
   * that fails (a router that could not be made under load) is tried again against the then latest
   * state, until it lands or the connection goes: a client must never be left silently in the wrong room.
   */
  follow(socket: PlenarySocket, workshopId: WorkshopId, attempt = 0): void {
    const { participantId } = socket.data;
    if (!participantId) return;
    void this.#inTurn(socket, async () => {
      const workshop = await this.options.workshops.get(workshopId);
      if (!workshop) return;
      await this.#place(socket, workshop.state, socket.data.joined === true);
    }).catch((error: unknown) => {
      const delay = MOVE_RETRY_MS[Math.min(attempt, MOVE_RETRY_MS.length - 1)] as number;
      this.options.logger.error(
        { err: error, participantId, attempt, retryInMs: delay },
        'could not move a participant',
      );
      setTimeout(() => {
        // Gone or replaced meanwhile: its next connection is placed afresh.
        if (socket.disconnected || socket.data.participantId !== participantId) return;
        this.follow(socket, workshopId, attempt + 1);
      }, delay).unref();
    });
  }

  /** Takes a connection out of its media room now (it closed, or left). */
  release(socket: PlenarySocket): Promise<void> {
    const { workshopId, participantId, roomId } = socket.data;
    socket.data.roomId = undefined;
    if (!workshopId || !participantId || !roomId) return Promise.resolve();
    return this.#inTurn(socket, () => this.#doors.leave(workshopId, roomId, socket, participantId));
  }

  /** The participant's queue: the one place their steps wait for each other. */
  #inTurn<T>(socket: PlenarySocket, step: () => Promise<T>): Promise<T> {
    const { workshopId, participantId } = socket.data;
    if (!workshopId || !participantId) return step();
    return this.#steps.run(participantKey(workshopId, participantId), step);
  }

  /**
   * Puts a connection's media where the workshop says its participant is, and describes that room.
   * Idempotent: `changed` is false when the connection was already there. With `announce`, a change
   * is told to the client as `roomChanged` in the same step that joins the new room's channel (see
   * `RoomDoors`), so no fact of the new room can reach the client before the room.
   */
  async #place(
    socket: PlenarySocket,
    state: WorkshopState,
    announce: boolean,
  ): Promise<{ changed: boolean; roomChanged: RoomChanged }> {
    const { workshopId, participantId } = socket.data;
    if (!workshopId || !participantId || socket.disconnected) {
      return { changed: false, roomChanged: { whereabouts: OFFLINE, room: null } };
    }
    const whereabouts = roomOf(state, participantId) ?? OFFLINE;
    const target = mediaRoomOf(whereabouts);
    const current = socket.data.roomId ?? null;
    if (current && current !== target) {
      await this.#doors.leave(workshopId, current, socket, participantId);
      // Out of the old room now: should the entry below fail, a retry must not think it is still there.
      socket.data.roomId = undefined;
    }
    const changed = current !== target;
    const told = announce && changed;
    let room: RoomEntry | null = null;
    if (target) {
      const participant = state.participants[participantId];
      const peer: PeerInfo = { participantId, displayName: participant?.name ?? '', joinedAt: this.options.now() };
      room = await this.#doors.enter(workshopId, target, {
        socket,
        peer,
        isNew: changed,
        announce: told ? whereabouts : null,
      });
    } else if (told) socket.emit(Fact.roomChanged, { whereabouts, room: null });
    socket.data.roomId = target ?? undefined;
    return { changed, roomChanged: { whereabouts, room } };
  }
}
