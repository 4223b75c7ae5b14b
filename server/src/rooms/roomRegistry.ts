import type { PathView } from '../media/connectionState.ts';
import type { MediaRoom } from '../media/mediaRoom.ts';
import { KeyedSerialQueue } from '../sessions/serialQueue.ts';
import { LiveRoom } from './liveRoom.ts';

export type MediaRoomFactory = (key: string) => Promise<MediaRoom>;

/**
 * The rooms that have people in them. Every change of who is in a room runs through `change`, one
 * at a time per room: the room is created on first entry and closed (its router released) when the
 * last person leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly queue = new KeyedSerialQueue<string>();

  constructor(private readonly createMediaRoom: MediaRoomFactory) {}

  get(roomId: string): LiveRoom | undefined {
    return this.rooms.get(roomId);
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Every open room's transports by the path their media takes (for /metrics). */
  paths(): PathView[] {
    return [...this.rooms.values()].flatMap((room) => room.media.paths());
  }

  change<T>(roomId: string, apply: (room: LiveRoom) => T | Promise<T>): Promise<T> {
    return this.queue.run(roomId, async () => {
      let room = this.rooms.get(roomId);
      if (!room) {
        room = new LiveRoom(roomId, await this.createMediaRoom(roomId));
        this.rooms.set(roomId, room);
      }
      return this.applyThenCloseIfEmpty(room, apply);
    });
  }

  /**
   * Like `change`, in the room's turn, but a room that is gone by then is not created: `apply` gets
   * undefined. For leaving: making a router only to close it can fail under load, and fail the move.
   */
  changeExisting<T>(roomId: string, apply: (room: LiveRoom | undefined) => T | Promise<T>): Promise<T> {
    return this.queue.run(roomId, async () => {
      const room = this.rooms.get(roomId);
      if (!room) return apply(undefined);
      return this.applyThenCloseIfEmpty(room, apply);
    });
  }

  /** A room nobody is in any more is closed (its routers freed) once the change is through. */
  private async applyThenCloseIfEmpty<T>(room: LiveRoom, apply: (room: LiveRoom) => T | Promise<T>): Promise<T> {
    try {
      return await apply(room);
    } finally {
      if (room.isEmpty) {
        room.close();
        this.rooms.delete(room.key);
      }
    }
  }

  closeAll(): void {
    for (const room of this.rooms.values()) room.close();
    this.rooms.clear();
  }
}
