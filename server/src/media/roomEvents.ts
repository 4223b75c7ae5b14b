import type { MediaId, ParticipantId, PeerConnectionInfo, ProducerInfo, WireObject } from '@plenary/shared';
import type { Logger } from '../logger.ts';
import type { RoomLinks } from './links.ts';
import type { TransportSettings } from './transports.ts';
import type { WorkerPool } from './workerPool.ts';

/** What the media room tells the realtime layer when something happens that no command caused. */
export interface MediaRoomListener {
  /** a consumer closed on the server because its producer went away */
  consumerClosed(participantId: ParticipantId, consumerId: MediaId): void;
  /** the routers were re-created (a worker died): every client must rebuild its media */
  routerReplaced(reason: string, routerRtpCapabilities: WireObject): void;
  /** someone's media got through, was lost, or its measured quality changed */
  peerMediaStateChanged(participantId: ParticipantId, info: PeerConnectionInfo): void;
  /** the dominant speaker changed */
  activeSpeakerChanged(participantId: ParticipantId): void;
  /** a producer piped in from another room went away with its source */
  guestProducerClosed(producerId: MediaId): void;
  /** a producer of someone on another node reached this node's room */
  remoteProducerAdded(producer: ProducerInfo): void;
  /** a producer from another node was paused or resumed there */
  remoteProducerPausedChanged(producerId: MediaId, paused: boolean): void;
  /** a producer from another node closed (or its node went away) */
  remoteProducerClosed(producerId: MediaId): void;
}

export interface MediaRoomOptions {
  /** the room's name on every node (`mediaRoomKey`) */
  key: string;
  pool: WorkerPool;
  settings: TransportSettings;
  listener: MediaRoomListener;
  logger: Logger;
  /** other nodes' view of the room, when there are other nodes */
  links?: RoomLinks;
}
