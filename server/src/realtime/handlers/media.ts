import { Command, Fact } from '@plenary/shared';
import { CommandError } from '../../errors.ts';
import { onCommand } from '../command.ts';
import { type PlenarySocket, type RealtimeContext, roomChannel } from '../types.ts';

/** Signalling for mediasoup: each command acts on the caller's own media in the room they are in. */
export function registerMediaHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  const { logger } = ctx;
  const here = () => {
    const { participantId, roomId } = socket.data;
    const room = roomId && ctx.rooms.get(roomId);
    if (!participantId || !roomId || !room) throw new CommandError('not_joined', 'join a room first');
    return { participantId, roomId, media: room.media };
  };

  onCommand(socket, logger, Command.mediaCreateTransport, ({ direction }) => {
    const { participantId, media } = here();
    return media.createTransport(participantId, direction);
  });

  onCommand(socket, logger, Command.mediaConnectTransport, async ({ transportId, dtlsParameters }) => {
    const { participantId, media } = here();
    await media.connectTransport(participantId, transportId, dtlsParameters);
    return {};
  });

  onCommand(socket, logger, Command.mediaRestartIce, async ({ transportId }) => {
    const { participantId, media } = here();
    return { iceParameters: await media.restartIce(participantId, transportId) };
  });

  onCommand(socket, logger, Command.mediaProduce, async (request) => {
    const { participantId, roomId, media } = here();
    const producer = await media.produce(participantId, request);
    socket.to(roomChannel(roomId)).emit(Fact.producerAdded, producer);
    return { producerId: producer.producerId };
  });

  onCommand(socket, logger, Command.mediaSetProducerPaused, async ({ producerId, paused }) => {
    const { participantId, roomId, media } = here();
    await media.setProducerPaused(participantId, producerId, paused);
    socket.to(roomChannel(roomId)).emit(Fact.producerPausedChanged, { producerId, paused });
    return {};
  });

  onCommand(socket, logger, Command.mediaCloseProducer, ({ producerId }) => {
    const { participantId, roomId, media } = here();
    media.closeProducer(participantId, producerId);
    socket.to(roomChannel(roomId)).emit(Fact.producerClosed, { producerId });
    return {};
  });

  onCommand(socket, logger, Command.mediaConsume, ({ producerId, rtpCapabilities }) => {
    const { participantId, media } = here();
    return media.consume(participantId, producerId, rtpCapabilities);
  });

  onCommand(socket, logger, Command.mediaResumeConsumer, async ({ consumerId }) => {
    const { participantId, media } = here();
    await media.resumeConsumer(participantId, consumerId);
    return {};
  });
}
