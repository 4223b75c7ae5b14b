import { Command, Fact, type WorkshopState } from '@plenary/shared';
import { CommandError } from '../../errors.ts';
import type { Workshop } from '../../sessions/workshopRegistry.ts';
import { chairOf } from '../caller.ts';
import { onCommand } from '../command.ts';
import { mediaRoomKey, type PlenarySocket, participantKey, type RealtimeContext } from '../types.ts';

/** What chairs do to other people's media: mute, stop a camera or share, speak into every breakout. */
export function registerModerationHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  onCommand(socket, ctx.logger, Command.mediaModerate, async ({ participantId: target, action }) => {
    const { workshop, participantId } = await chairOf(ctx, socket, 'only facilitators moderate media');
    const targetSocket = ctx.presence.socketOf(participantKey(workshop.id, target));
    const roomId = targetSocket?.data.roomId;
    const room = roomId && ctx.rooms.get(mediaRoomKey(workshop.id, roomId));
    if (!targetSocket || !room) throw new CommandError('not_found', 'that person has no media right now');
    const { paused, closed } = await room.media.moderate(target, action);
    const audience = ctx.io.to(room.key);
    for (const producer of paused)
      audience.emit(Fact.producerPausedChanged, { producerId: producer.producerId, paused: true });
    for (const producer of closed) audience.emit(Fact.producerClosed, { producerId: producer.producerId });
    targetSocket.emit(Fact.moderated, { action, by: participantId });
    ctx.logger.info({ workshopId: workshop.id, by: participantId, target, action }, 'media moderated');
    return {};
  });

  onCommand(socket, ctx.logger, Command.mediaSpeakToBreakouts, async ({ on }) => {
    const { workshop, participantId } = await chairOf(ctx, socket, 'only facilitators moderate media');
    const targets = openBreakoutRooms(ctx, workshop, workshop.state);
    if (!on) {
      // Each room is told as its copy closes (see MediaRoom.pipeTo).
      for (const room of targets) room.media.dropGuests(participantId);
      return { rooms: 0 };
    }
    const sourceId = socket.data.roomId;
    const source = sourceId && ctx.rooms.get(mediaRoomKey(workshop.id, sourceId));
    const mic = source?.media.producers().find((p) => p.participantId === participantId && p.source === 'mic');
    if (!source || !mic) throw new CommandError('conflict', 'turn your microphone on first');
    let reached = 0;
    for (const room of targets) {
      if (room === source || room.media.hasGuestOf(participantId, 'mic')) continue;
      const guest = await source.media.pipeTo(room.media, participantId, mic.producerId);
      ctx.io.to(room.key).emit(Fact.producerAdded, guest);
      reached += 1;
    }
    return { rooms: reached };
  });
}

/** The media rooms of the breakout set that is open, among those with people in them. */
function openBreakoutRooms(ctx: RealtimeContext, workshop: Workshop, state: WorkshopState) {
  const open = state.breakouts.open;
  const set = open && state.breakouts.sets.find((candidate) => candidate.id === open.setId);
  if (!set) return [];
  return set.rooms.flatMap((room) => ctx.rooms.get(mediaRoomKey(workshop.id, room.id)) ?? []);
}
