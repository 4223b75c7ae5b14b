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

/**
 * A TURN (or STUN) server as a browser's `RTCIceServer` takes it. TURN credentials follow the TURN
 * REST convention: the username is `<expiry unix seconds>:<participantId>`, the credential an HMAC
 * of it with a secret the TURN server shares, so they stop working at the expiry by themselves.
 */
export interface IceServer {
  urls: string[];
  username: string;
  credential: string;
}

export interface IceServers {
  /** empty when this server hands out no TURN server (media then connects directly or not at all) */
  servers: IceServer[];
  /** when the credentials stop working (epoch ms); null with no servers */
  expiresAt: number | null;
}
