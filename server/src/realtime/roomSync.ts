import {
  Fact,
  isChair,
  type PeerInfo,
  type RoomChanged,
  type RoomEntry,
  type RoomId,
  type Whereabouts,
  type WorkshopId,
  type WorkshopState,
} from '@plenary/shared';
import { roomOf } from '../domain/location.ts';
import { channel, type PlenarySocket, participantKey, type RealtimeContext } from './types.ts';

const OFFLINE: Whereabouts = { location: { kind: 'offline' }, visiting: null };

/** The media room someone takes part in: the one they visit, else the one they are in. */
export function mediaRoomOf(whereabouts: Whereabouts): RoomId | null {
  if (whereabouts.visiting) return whereabouts.visiting;
  const { location } = whereabouts;
  return location.kind === 'plenary' || location.kind === 'breakout' ? location.roomId : null;
}

/** Chairs and everyone else hear different versions of each change (see planBroadcast). */
export function assignAudience(socket: PlenarySocket, state: WorkshopState): void {
  const { workshopId, participantId } = socket.data;
  if (!workshopId || !participantId) return;
  const chair = isChair(state.participants[participantId]?.role ?? 'observer');
  void socket.leave(chair ? channel.others(workshopId) : channel.chairs(workshopId));
  void socket.join([
    channel.participant(workshopId, participantId),
    (chair ? channel.chairs : channel.others)(workshopId),
  ]);
}

/**
 * Puts a connection's media where the workshop says its participant is, and describes that room.
 * Idempotent: `changed` is false when the connection was already there. Run through `ctx.moves`.
 * With `told`, a change is told to the client as `roomChanged` in the same step that joins the new
 * room's channel (see `RoomDoors`), so no fact of the new room can reach the client before the room.
 */
export async function syncRoom(
  ctx: RealtimeContext,
  socket: PlenarySocket,
  state: WorkshopState,
  told = false,
): Promise<{ changed: boolean; roomChanged: RoomChanged }> {
  const { workshopId, participantId } = socket.data;
  if (!workshopId || !participantId || socket.disconnected) {
    return { changed: false, roomChanged: { whereabouts: OFFLINE, room: null } };
  }
  const whereabouts = roomOf(state, participantId) ?? OFFLINE;
  const target = mediaRoomOf(whereabouts);
  const current = socket.data.roomId ?? null;
  if (current && current !== target) {
    await ctx.doors.leave(workshopId, current, socket, participantId);
    // Out of the old room now: should the entry below fail, a retry must not think it is still there.
    socket.data.roomId = undefined;
  }
  const changed = current !== target;
  const announce = told && changed;
  let room: RoomEntry | null = null;
  if (target) {
    const participant = state.participants[participantId];
    const peer: PeerInfo = { participantId, displayName: participant?.name ?? '', joinedAt: ctx.now() };
    room = await ctx.doors.enter(workshopId, target, {
      socket,
      peer,
      isNew: changed,
      announce: announce ? whereabouts : null,
    });
  } else if (announce) socket.emit(Fact.roomChanged, { whereabouts, room: null });
  socket.data.roomId = target ?? undefined;
  return { changed, roomChanged: { whereabouts, room } };
}

/** Waits before trying a failed move again: growing, but never giving up on a connected client. */
const MOVE_RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * After a change moved someone: follow it, and tell their client to switch its media. A move that
 * fails (a router that could not be made under load) is tried again against the then latest state,
 * until it lands or the connection goes: a client must never be left silently in the wrong room.
 */
export function followMove(ctx: RealtimeContext, socket: PlenarySocket, workshopId: WorkshopId, attempt = 0): void {
  const { participantId } = socket.data;
  if (!participantId) return;
  void ctx.moves
    .run(participantKey(workshopId, participantId), async () => {
      const workshop = await ctx.workshops.get(workshopId);
      if (!workshop) return;
      await syncRoom(ctx, socket, workshop.state, socket.data.joined === true);
    })
    .catch((error: unknown) => {
      const delay = MOVE_RETRY_MS[Math.min(attempt, MOVE_RETRY_MS.length - 1)] as number;
      ctx.logger.error({ err: error, participantId, attempt, retryInMs: delay }, 'could not move a participant');
      setTimeout(() => {
        // Gone or replaced meanwhile: its next connection is placed afresh.
        if (socket.disconnected || socket.data.participantId !== participantId) return;
        followMove(ctx, socket, workshopId, attempt + 1);
      }, delay).unref();
    });
}

/** Takes a connection out of its media room now (it closed, or left). */
export function releaseMedia(ctx: RealtimeContext, socket: PlenarySocket): Promise<void> {
  const { workshopId, participantId, roomId } = socket.data;
  socket.data.roomId = undefined;
  if (!workshopId || !participantId || !roomId) return Promise.resolve();
  return ctx.moves.run(participantKey(workshopId, participantId), () =>
    ctx.doors.leave(workshopId, roomId, socket, participantId),
  );
}
