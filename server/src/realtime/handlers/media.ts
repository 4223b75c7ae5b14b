import { Command, Fact } from '@plenary/shared';
import { CommandError } from '../../errors.ts';
import { callerOf } from '../caller.ts';
import { onCommand } from '../command.ts';
import { mediaRoomKey, type PlenarySocket, type RealtimeContext } from '../types.ts';

/** Signalling for mediasoup: each command acts on the caller's own media in the room they are in. */
export function registerMediaHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  const { logger } = ctx;
  const here = () => {
    const { workshopId, participantId, roomId } = socket.data;
    const key = workshopId && roomId && mediaRoomKey(workshopId, roomId);
    const room = key && ctx.rooms.get(key);
    if (!participantId || !key || !room) throw new CommandError('not_joined', 'you are not in a room with media');
    return { participantId, roomChannel: key, media: room.media };
  };

  onCommand(socket, logger, Command.mediaCreateTransport, async ({ direction }) => {
    const { participantId, roomChannel, media } = here();
    const { options, closedProducers } = await media.createTransport(participantId, direction);
    for (const producerId of closedProducers) socket.to(roomChannel).emit(Fact.producerClosed, { producerId });
    return options;
  });

  onCommand(socket, logger, Command.mediaConnectTransport, async ({ transportId, dtlsParameters }) => {
    const { participantId, media } = here();
    await media.peer(participantId).connectTransport(transportId, dtlsParameters);
    return {};
  });

  onCommand(socket, logger, Command.mediaRestartIce, async ({ transportId }) => {
    const { participantId, media } = here();
    return { iceParameters: await media.peer(participantId).restartIce(transportId) };
  });

  onCommand(socket, logger, Command.mediaProduce, async (request) => {
    const { participantId, roomChannel, media } = here();
    if ((await callerOf(ctx, socket)).participant?.role === 'observer')
      throw new CommandError('forbidden', 'observers listen and watch only');
    const producer = await media.produce(participantId, request);
    socket.to(roomChannel).emit(Fact.producerAdded, producer);
    return { producerId: producer.producerId };
  });

  onCommand(socket, logger, Command.mediaSetProducerPaused, async ({ producerId, paused }) => {
    const { participantId, roomChannel, media } = here();
    await media.peer(participantId).setProducerPaused(producerId, paused);
    socket.to(roomChannel).emit(Fact.producerPausedChanged, { producerId, paused });
    return {};
  });

  onCommand(socket, logger, Command.mediaCloseProducer, ({ producerId }) => {
    const { participantId, roomChannel, media } = here();
    media.peer(participantId).closeProducer(producerId);
    socket.to(roomChannel).emit(Fact.producerClosed, { producerId });
    return {};
  });

  onCommand(socket, logger, Command.mediaConsume, ({ producerId, rtpCapabilities }) => {
    const { participantId, media } = here();
    return media.consume(participantId, producerId, rtpCapabilities);
  });

  onCommand(socket, logger, Command.mediaResumeConsumer, async ({ consumerId }) => {
    const { participantId, media } = here();
    await media.peer(participantId).resumeConsumer(consumerId);
    return {};
  });

  onCommand(socket, logger, Command.mediaSetConsumerPaused, async ({ consumerId, paused }) => {
    const { participantId, media } = here();
    await media.peer(participantId).setConsumerPaused(consumerId, paused);
    return {};
  });

  onCommand(socket, logger, Command.mediaSetPreferredLayers, async ({ consumerId, spatialLayer, temporalLayer }) => {
    const { participantId, media } = here();
    await media.peer(participantId).setPreferredLayers(consumerId, spatialLayer, temporalLayer);
    return {};
  });
}
