import type { MediaId, ParticipantId } from '@plenary/shared';
import type { MediaRoom, MediaRoomListener } from '../src/media/mediaRoom.ts';
import { type AudioSender, audioSender, consumerSsrc, opusParameters, type RtpSink, rtpSink } from './rtp.ts';

const LOOPBACK = { protocol: 'udp', ip: '127.0.0.1' } as const;

export const loopbackSettings = { listenIp: '127.0.0.1', announcedIp: undefined, minPort: 40_000, maxPort: 49_999 };

/**
 * Someone in a media room who speaks and listens over plain RTP: their microphone is synthetic audio
 * into a PlainTransport producer, and what they receive lands on a UDP port that counts packets.
 * Producing and consuming go through MediaRoom's own methods, as a browser's commands would.
 */
export interface PlainPeer {
  id: ParticipantId;
  producerId: MediaId;
  sender: AudioSender;
  sink: RtpSink;
  /** Consumes a producer of the room and resumes it. */
  receive(producerId: MediaId): Promise<void>;
  /** Packets that reached this person from a producer they receive. */
  packetsFrom(producerId: MediaId): number;
  stop(): void;
}

export async function plainPeer(room: MediaRoom, id: string, ssrc: number, level = 127): Promise<PlainPeer> {
  const participantId = id as ParticipantId;
  room.addPeer(participantId);
  const send = await room.addTransport(participantId, (router) =>
    router.createPlainTransport({ listenInfo: LOOPBACK, rtcpMux: true, comedia: true, appData: { direction: 'send' } }),
  );
  const produced = await room.produce(participantId, {
    transportId: send.id as MediaId,
    kind: 'audio',
    source: 'mic',
    rtpParameters: opusParameters(ssrc) as never,
  });
  const sender = await audioSender(ssrc, level);
  sender.start(send.tuple.localPort);
  const sink = await rtpSink();
  const recv = await room.addTransport(participantId, (router) =>
    router.createPlainTransport({
      listenInfo: LOOPBACK,
      rtcpMux: true,
      comedia: false,
      appData: { direction: 'recv' },
    }),
  );
  await recv.connect({ ip: '127.0.0.1', port: sink.port });
  const ssrcs = new Map<MediaId, number>();
  return {
    id: participantId,
    producerId: produced.producerId,
    sender,
    sink,
    receive: async (producerId) => {
      const consumer = await room.consume(participantId, producerId, room.rtpCapabilities);
      await room.peer(participantId).resumeConsumer(consumer.consumerId);
      ssrcs.set(producerId, consumerSsrc(consumer.rtpParameters));
    },
    packetsFrom: (producerId) => {
      const consumed = ssrcs.get(producerId);
      return consumed === undefined ? 0 : sink.packets(consumed);
    },
    stop: () => {
      sender.stop();
      sink.close();
    },
  };
}

/** A listener that records what the room told, for tests to look at. */
export function recordingListener() {
  const told = {
    speakers: [] as ParticipantId[],
    consumersClosed: [] as MediaId[],
    remoteAdded: [] as MediaId[],
    remoteClosed: [] as MediaId[],
    remotePaused: [] as Array<{ producerId: MediaId; paused: boolean }>,
    routersReplaced: 0,
  };
  const listener: MediaRoomListener = {
    consumerClosed: (_participantId, consumerId) => told.consumersClosed.push(consumerId),
    routerReplaced: () => {
      told.routersReplaced++;
    },
    peerMediaStateChanged: () => {},
    activeSpeakerChanged: (participantId) => told.speakers.push(participantId),
    guestProducerClosed: () => {},
    remoteProducerAdded: (producer) => told.remoteAdded.push(producer.producerId),
    remoteProducerPausedChanged: (producerId, paused) => told.remotePaused.push({ producerId, paused }),
    remoteProducerClosed: (producerId) => told.remoteClosed.push(producerId),
  };
  return { told, listener };
}
