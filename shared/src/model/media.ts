import type { MediaId, ParticipantId } from '../ids.ts';
import type { MediaKind, MediaSource } from './peer.ts';

/**
 * mediasoup structures (RTP capabilities, ICE and DTLS parameters) cross the wire as plain JSON.
 * `shared/` stays free of mediasoup; each side casts to its own library's type at its media layer.
 */
export type WireObject = { [key: string]: unknown };

export interface TransportOptions {
  transportId: MediaId;
  iceParameters: WireObject;
  iceCandidates: WireObject[];
  dtlsParameters: WireObject;
}

export interface ConsumerOptions {
  consumerId: MediaId;
  producerId: MediaId;
  participantId: ParticipantId;
  kind: MediaKind;
  source: MediaSource;
  rtpParameters: WireObject;
}
