import { Command } from '@plenary/shared';
import { CommandError } from '../../errors.ts';
import { onCommand } from '../command.ts';
import { mediaRoomKey, type PlenarySocket, type RealtimeContext } from '../types.ts';

/**
 * How a participant's media gets through: fresh TURN credentials (asked for before those from the
 * join answer expire), and the path and quality their browser measures, which the room is shown.
 */
export function registerIceHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  onCommand(socket, ctx.logger, Command.mediaRefreshIceServers, () => {
    const { participantId } = socket.data;
    if (!participantId) throw new CommandError('not_joined', 'join the workshop before asking for ICE servers');
    return ctx.turn.iceServersFor(participantId, ctx.now());
  });

  onCommand(socket, ctx.logger, Command.mediaReportConnection, ({ transportId, path, quality }) => {
    const { workshopId, participantId, roomId } = socket.data;
    const room = workshopId && roomId ? ctx.rooms.get(mediaRoomKey(workshopId, roomId)) : undefined;
    if (!participantId || !room) throw new CommandError('not_joined', 'you are not in a room with media');
    room.media.peer(participantId).connection.report(transportId, path, quality);
    return {};
  });
}
