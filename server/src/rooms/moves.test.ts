import type { ParticipantId, RoomChanged, RoomId, WorkshopId } from '@plenary/shared';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { WorkshopState } from '../domain/model.ts';
import type { MediaRoom } from '../media/mediaRoom.ts';
import { mediaRoomKey, type PlenaryServer, type PlenarySocket } from '../realtime/types.ts';
import type { WorkshopRegistry } from '../sessions/workshopRegistry.ts';
import { RoomMoves } from './moves.ts';
import { RoomRegistry } from './roomRegistry.ts';

const workshopId = 'w1' as WorkshopId;
const participantId = 'p1' as ParticipantId;

/** One delegate, in the plenary or (while the set is open) in room5. */
function stateWith(open: boolean): WorkshopState {
  return {
    plenaryRoomId: 'plenary',
    participants: {
      [participantId]: { id: participantId, name: 'Ana', role: 'delegate', connected: true, admitted: true },
    },
    breakouts: {
      open: open ? { setId: 's1', visitors: {} } : null,
      sets: [{ id: 's1', assignments: { [participantId]: 'room5' } }],
    },
  } as unknown as WorkshopState;
}

function fakeMediaRoom(): MediaRoom {
  return {
    addPeer: () => undefined,
    removePeer: () => undefined,
    producers: () => [],
    connections: () => ({}),
    rtpCapabilities: {},
    activeSpeakerId: null,
    close: () => undefined,
  } as unknown as MediaRoom;
}

/** A server whose broadcasts to socket ids land in `told`, and one connection. */
function harness(createMediaRoom: (key: string) => Promise<MediaRoom>) {
  const told: RoomChanged[] = [];
  const emitter = {
    except: () => emitter,
    emit: (event: string, payload: unknown) => {
      if (event === 'session:roomChanged') told.push(payload as RoomChanged);
    },
  };
  const io = { to: () => emitter } as unknown as PlenaryServer;
  const socket = {
    id: 's1',
    data: { workshopId, participantId, joined: true },
    disconnected: false,
    join: () => undefined,
    leave: () => undefined,
    emit: emitter.emit,
  } as unknown as PlenarySocket;
  const rooms = new RoomRegistry(createMediaRoom);
  let state = stateWith(false);
  const moves = new RoomMoves({
    io,
    rooms,
    workshops: { get: async () => ({ state }) } as unknown as WorkshopRegistry,
    logger: pino({ level: 'silent' }),
    now: () => 0,
  });
  return {
    rooms,
    moves,
    socket,
    told,
    setState: (next: WorkshopState) => {
      state = next;
    },
  };
}

describe('following a move', () => {
  it('tries a move again when the room could not be entered, so nobody is left in the old room', async () => {
    let failures = 1;
    const { rooms, moves, socket, told, setState } = harness(async (key) => {
      // Under load a router can fail to come up: the first try at the plenary fails.
      if (key === mediaRoomKey(workshopId, 'plenary' as RoomId) && failures-- > 0) throw new Error('router timed out');
      return fakeMediaRoom();
    });
    setState(stateWith(true));
    moves.follow(socket, workshopId);
    await vi.waitFor(() => expect(told.at(-1)?.room?.roomId).toBe('room5'));

    setState(stateWith(false)); // recalled
    moves.follow(socket, workshopId);
    await vi.waitFor(() => expect(told.at(-1)?.room?.roomId).toBe('plenary'), { timeout: 3_000 });
    expect(socket.data.roomId).toBe('plenary');
    expect(rooms.get(mediaRoomKey(workshopId, 'room5' as RoomId))).toBeUndefined();
    expect(rooms.get(mediaRoomKey(workshopId, 'plenary' as RoomId))?.has(participantId)).toBe(true);
  });
});
