import { randomUUID } from 'node:crypto';
import { Command, Fact, type ParticipantId, type PeerInfo, PROTOCOL_VERSION, type RoomId } from '@plenary/shared';
import { CommandError } from '../../errors.ts';
import { onCommand } from '../command.ts';
import { type PlenarySocket, participantChannel, type RealtimeContext, roomChannel } from '../types.ts';

/** Until workshops arrive (rooms from the agenda and breakouts), everyone meets in one plenary. */
export const PLENARY_ROOM = 'plenary' as RoomId;

export function registerSessionHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  onCommand(socket, ctx.logger, Command.sessionJoin, async ({ protocolVersion, displayName }) => {
    if (protocolVersion !== PROTOCOL_VERSION) {
      throw new CommandError(
        'incompatible_protocol',
        `this server speaks protocol ${PROTOCOL_VERSION}, the page ${protocolVersion}: reload the page`,
      );
    }
    if (socket.data.participantId) throw new CommandError('already_joined', 'this connection has already joined');
    const participantId = randomUUID() as ParticipantId;
    const roomId = PLENARY_ROOM;
    const self: PeerInfo = { participantId, displayName, joinedAt: ctx.now() };
    // Claimed before the first await, so a second join or a disconnect on the way sees it.
    socket.data = { participantId, displayName, roomId };
    try {
      const joined = await ctx.rooms.change(roomId, (room) => {
        room.enter(self);
        void socket.join([roomChannel(roomId), participantChannel(participantId)]);
        return {
          self,
          peers: room.peers(participantId),
          producers: room.media.producers(participantId),
          routerRtpCapabilities: room.media.rtpCapabilities,
        };
      });
      socket.to(roomChannel(roomId)).emit(Fact.peerJoined, self);
      ctx.logger.info({ participantId, roomId, socketId: socket.id }, 'participant joined');
      return joined;
    } catch (error) {
      socket.data = {};
      throw error;
    }
  });

  onCommand(socket, ctx.logger, Command.sessionLeave, async () => {
    if (!(await leave(ctx, socket, 'left'))) throw new CommandError('not_joined', 'you are not in a room');
    return {};
  });

  socket.on('disconnect', (reason) => {
    void leave(ctx, socket, reason).catch((error: unknown) =>
      ctx.logger.error({ err: error, socketId: socket.id }, 'cleanup after disconnect failed'),
    );
  });
}

/** Takes the connection's participant out of its room, releasing their media. False if not in one. */
async function leave(ctx: RealtimeContext, socket: PlenarySocket, reason: string): Promise<boolean> {
  const { participantId, roomId } = socket.data;
  if (!participantId || !roomId) return false;
  socket.data = {};
  void socket.leave(roomChannel(roomId));
  void socket.leave(participantChannel(participantId));
  if (ctx.rooms.get(roomId)) await ctx.rooms.change(roomId, (room) => room.exit(participantId));
  ctx.io.to(roomChannel(roomId)).emit(Fact.peerLeft, { participantId });
  ctx.logger.info({ participantId, roomId, reason }, 'participant left');
  return true;
}
