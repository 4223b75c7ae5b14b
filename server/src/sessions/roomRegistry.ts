import type { RoomId } from '@plenary/shared';
import type { MediaRoom } from '../media/mediaRoom.ts';
import { LiveRoom } from './liveRoom.ts';
import { KeyedSerialQueue } from './serialQueue.ts';

export type MediaRoomFactory = (roomId: RoomId) => Promise<MediaRoom>;

/**
 * The rooms that have people in them. Every change of who is in a room runs through `change`, one
 * at a time per room: the room is created on first entry and closed (its router released) when the
 * last person leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<RoomId, LiveRoom>();
  private readonly queue = new KeyedSerialQueue<RoomId>();

  constructor(private readonly createMediaRoom: MediaRoomFactory) {}

  get(roomId: RoomId): LiveRoom | undefined {
    return this.rooms.get(roomId);
  }

  get size(): number {
    return this.rooms.size;
  }

  change<T>(roomId: RoomId, apply: (room: LiveRoom) => T | Promise<T>): Promise<T> {
    return this.queue.run(roomId, async () => {
      let room = this.rooms.get(roomId);
      if (!room) {
        room = new LiveRoom(roomId, await this.createMediaRoom(roomId));
        this.rooms.set(roomId, room);
      }
      try {
        return await apply(room);
      } finally {
        if (room.isEmpty) {
          room.close();
          this.rooms.delete(roomId);
        }
      }
    });
  }

  closeAll(): void {
    for (const room of this.rooms.values()) room.close();
    this.rooms.clear();
  }
}
