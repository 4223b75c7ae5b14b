import { Fact } from '@plenary/shared';
import type { MediaRoomListener } from '../media/mediaRoom.ts';
import type { PlenaryServer } from './types.ts';

/**
 * Tells a room's people what its media did on its own (no command caused it). Node-local: the media
 * room is this node's view of the room, and every node of a shared room tells its own people.
 */
export function mediaRoomListener(io: PlenaryServer, key: string): MediaRoomListener {
  const room = () => io.local.to(key);
  return {
    consumerClosed: (participantId, consumerId) =>
      io.local
        .in(key)
        .fetchSockets()
        .then((sockets) => {
          for (const socket of sockets) {
            if (socket.data.participantId === participantId) socket.emit(Fact.consumerClosed, { consumerId });
          }
        }),
    routerReplaced: (reason, routerRtpCapabilities) =>
      room().emit(Fact.mediaReconnectRequired, { reason, routerRtpCapabilities }),
    peerMediaStateChanged: (participantId, info) => room().emit(Fact.peerMediaStateChanged, { participantId, ...info }),
    activeSpeakerChanged: (participantId) => room().emit(Fact.activeSpeakerChanged, { participantId }),
    guestProducerClosed: (producerId) => room().emit(Fact.producerClosed, { producerId }),
    remoteProducerAdded: (producer) => room().emit(Fact.producerAdded, producer),
    remoteProducerPausedChanged: (producerId, paused) =>
      room().emit(Fact.producerPausedChanged, { producerId, paused }),
    remoteProducerClosed: (producerId) => room().emit(Fact.producerClosed, { producerId }),
  };
}
