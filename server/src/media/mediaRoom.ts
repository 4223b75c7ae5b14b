import type {
  ConsumerOptions,
  MediaId,
  ParticipantId,
  ProduceRequestSchema,
  ProducerInfo,
  TransportOptions,
  WireObject,
} from '@plenary/shared';
import type { types } from 'mediasoup';
import type { z } from 'zod';
import { CommandError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { ActiveSpeaker } from './activeSpeaker.ts';
import { mediaCodecs } from './codecs.ts';
import { MediaPeer, type ProducerData, type TransportDirection } from './mediaPeer.ts';
import { pipeProducer } from './pipe.ts';
import type { WorkerPool } from './workerPool.ts';

export interface TransportSettings {
  listenIp: string;
  announcedIp: string | undefined;
  minPort: number;
  maxPort: number;
}

/** What the media room tells the realtime layer when something happens that no command caused. */
export interface MediaRoomListener {
  /** a consumer closed on the server because its producer went away */
  consumerClosed(participantId: ParticipantId, consumerId: MediaId): void;
  /** the router was re-created (its worker died): every client must rebuild its media */
  routerReplaced(reason: string, routerRtpCapabilities: WireObject): void;
  /** the dominant speaker changed */
  activeSpeakerChanged(participantId: ParticipantId): void;
  /** a producer piped in from another room went away with its source */
  guestProducerClosed(producerId: MediaId): void;
}

export type ModerationAction = 'mute' | 'stopCamera' | 'stopShare';

type ProduceRequest = Omit<z.output<typeof ProduceRequestSchema>, 'kind'> & { kind: types.MediaKind };

const asWire = (value: object): WireObject => value as WireObject;
const mediaId = (id: string): MediaId => id as MediaId;

/** One mediasoup router for one room (the plenary, or a breakout) and the peers' media in it. */
export class MediaRoom {
  private readonly peers = new Map<ParticipantId, MediaPeer>();
  /** producers piped in from another room (a facilitator speaking to every breakout) */
  private readonly guests = new Map<string, types.Producer<ProducerData>>();
  private dominant: ParticipantId | null = null;
  private closed = false;

  private constructor(
    private router: types.Router,
    private speaker: ActiveSpeaker,
    private readonly pool: WorkerPool,
    private readonly settings: TransportSettings,
    private readonly listener: MediaRoomListener,
    private readonly logger: Logger,
  ) {
    this.watch(router);
  }

  static async create(
    pool: WorkerPool,
    settings: TransportSettings,
    listener: MediaRoomListener,
    logger: Logger,
  ): Promise<MediaRoom> {
    const router = await pool.createRouter(mediaCodecs);
    // The observer starts before the room exists; it reports through `room` once there is one.
    let room: MediaRoom | undefined;
    const speaker = await ActiveSpeaker.watch(router, (participantId) => room?.speakerChanged(participantId));
    room = new MediaRoom(router, speaker, pool, settings, listener, logger);
    return room;
  }

  /** Who is speaking now (the last dominant speaker), or null. */
  get activeSpeakerId(): ParticipantId | null {
    return this.dominant;
  }

  private speakerChanged(participantId: ParticipantId): void {
    this.dominant = participantId;
    this.listener.activeSpeakerChanged(participantId);
  }

  get rtpCapabilities(): WireObject {
    return asWire(this.router.rtpCapabilities);
  }

  addPeer(participantId: ParticipantId): void {
    if (!this.peers.has(participantId)) this.peers.set(participantId, new MediaPeer(participantId));
  }

  removePeer(participantId: ParticipantId): void {
    this.peers.get(participantId)?.close();
    this.peers.delete(participantId);
  }

  /** Every producer in the room (its peers' and its guests') except the given participant's own. */
  producers(exceptParticipant?: ParticipantId): ProducerInfo[] {
    return this.allProducers()
      .filter((producer) => producer.appData.participantId !== exceptParticipant)
      .map(describe);
  }

  /**
   * A new transport replaces the peer's transport of the same direction (a client rebuilding its
   * media after a failed ICE restart): what ran on the old one closes. Returns what closed.
   */
  async createTransport(
    participantId: ParticipantId,
    direction: TransportDirection,
  ): Promise<{ options: TransportOptions; closedProducers: MediaId[] }> {
    const peer = this.peer(participantId);
    const replaced = [...peer.transports.values()].filter((transport) => transport.appData.direction === direction);
    const closedProducers = [...peer.producers.values()]
      .filter((producer) => replaced.some((transport) => transport.id === producer.appData.transportId))
      .map((producer) => mediaId(producer.id));
    for (const transport of replaced) transport.close();
    if (!peer.canAddTransport()) throw new CommandError('conflict', 'too many transports');
    const { listenIp, announcedIp, minPort, maxPort } = this.settings;
    const listen = { ip: listenIp, announcedAddress: announcedIp, portRange: { min: minPort, max: maxPort } };
    const transport = await this.router.createWebRtcTransport({
      listenInfos: [
        { protocol: 'udp', ...listen },
        { protocol: 'tcp', ...listen },
      ],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
      appData: { direction },
    });
    peer.addTransport(transport);
    const options: TransportOptions = {
      transportId: mediaId(transport.id),
      iceParameters: asWire(transport.iceParameters),
      iceCandidates: transport.iceCandidates.map(asWire),
      dtlsParameters: asWire(transport.dtlsParameters),
    };
    return { options, closedProducers };
  }

  async connectTransport(participantId: ParticipantId, transportId: MediaId, dtlsParameters: WireObject) {
    const transport = this.peer(participantId).anyTransport(transportId);
    await this.mediasoupCall(() => transport.connect({ dtlsParameters: dtlsParameters as types.DtlsParameters }));
  }

  async restartIce(participantId: ParticipantId, transportId: MediaId): Promise<WireObject> {
    const transport = this.peer(participantId).anyTransport(transportId);
    return asWire(await transport.restartIce());
  }

  async produce(participantId: ParticipantId, request: ProduceRequest): Promise<ProducerInfo> {
    const peer = this.peer(participantId);
    const transport = peer.transport(request.transportId, 'send');
    if (peer.hasSource(request.source)) throw new CommandError('conflict', `already sending ${request.source}`);
    const producer = await this.mediasoupCall(() =>
      transport.produce({
        kind: request.kind,
        rtpParameters: request.rtpParameters as types.RtpParameters,
        appData: { source: request.source, participantId, transportId: transport.id },
      }),
    );
    peer.addProducer(producer);
    await this.speaker.add(producer);
    return describe(producer);
  }

  async setProducerPaused(participantId: ParticipantId, producerId: MediaId, paused: boolean): Promise<void> {
    const producer = this.peer(participantId).producer(producerId);
    await (paused ? producer.pause() : producer.resume());
  }

  closeProducer(participantId: ParticipantId, producerId: MediaId): void {
    this.peer(participantId).producer(producerId).close();
  }

  async consume(
    participantId: ParticipantId,
    producerId: MediaId,
    rtpCapabilities: WireObject,
  ): Promise<ConsumerOptions> {
    const peer = this.peer(participantId);
    const producer = this.allProducers().find((candidate) => candidate.id === producerId);
    if (!producer) throw new CommandError('not_found', `no producer ${producerId} in this room`);
    if (producer.appData.participantId === participantId) {
      throw new CommandError('conflict', 'cannot consume your own producer');
    }
    const capabilities = rtpCapabilities as types.RtpCapabilities;
    if (!this.router.canConsume({ producerId, rtpCapabilities: capabilities })) {
      throw new CommandError('media_unavailable', 'your browser cannot receive this track');
    }
    const transport = [...peer.transports.values()].find((candidate) => candidate.appData.direction === 'recv');
    if (!transport) throw new CommandError('not_found', 'create a recv transport first');
    // Paused until the client has wired the track up, so no key frame is lost before it listens.
    const consumer = await this.mediasoupCall(() =>
      transport.consume({ producerId, rtpCapabilities: capabilities, paused: true }),
    );
    peer.addConsumer(consumer);
    consumer.on('producerclose', () => {
      consumer.close();
      this.listener.consumerClosed(participantId, mediaId(consumer.id));
    });
    return {
      consumerId: mediaId(consumer.id),
      producerId,
      participantId: producer.appData.participantId,
      kind: consumer.kind,
      source: producer.appData.source,
      rtpParameters: asWire(consumer.rtpParameters),
    };
  }

  async resumeConsumer(participantId: ParticipantId, consumerId: MediaId): Promise<void> {
    await this.peer(participantId).consumer(consumerId).resume();
  }

  /** A tile scrolled out of view: stop forwarding to it (and back). */
  async setConsumerPaused(participantId: ParticipantId, consumerId: MediaId, paused: boolean): Promise<void> {
    const consumer = this.peer(participantId).consumer(consumerId);
    await (paused ? consumer.pause() : consumer.resume());
  }

  /** Simulcast: the layer that fits the size the tile is shown at. */
  async setPreferredLayers(
    participantId: ParticipantId,
    consumerId: MediaId,
    spatialLayer: number,
    temporalLayer?: number,
  ) {
    const consumer = this.peer(participantId).consumer(consumerId);
    if (consumer.type !== 'simulcast' && consumer.type !== 'svc') return;
    await consumer.setPreferredLayers({ spatialLayer, temporalLayer });
  }

  /**
   * A chair mutes someone (their mic is paused at the server, they can unmute) or stops their
   * camera or screen share (closed). Returns what changed, for the room to be told.
   */
  async moderate(
    target: ParticipantId,
    action: ModerationAction,
  ): Promise<{ paused: ProducerInfo[]; closed: ProducerInfo[] }> {
    const peer = this.peer(target);
    if (action === 'mute') {
      const mics = peer.producersOf('mic').filter((producer) => !producer.paused);
      await Promise.all(mics.map((producer) => producer.pause()));
      return { paused: mics.map(describe), closed: [] };
    }
    const producers = peer.producersOf(action === 'stopCamera' ? 'camera' : 'screen');
    for (const producer of producers) producer.close();
    return { paused: [], closed: producers.map(describe) };
  }

  /** Pipes one of a participant's producers into another room, where it appears as a guest. */
  async pipeTo(target: MediaRoom, participantId: ParticipantId, producerId: MediaId): Promise<ProducerInfo> {
    const producer = this.peer(participantId).producer(producerId);
    const guest = await pipeProducer(this.router, target.router, producer, this.settings.listenIp);
    target.guests.set(guest.id, guest);
    guest.observer.once('close', () => {
      // Closed with its source, or on request: either way the room hears of it, once, here.
      if (target.guests.delete(guest.id) && !target.closed) target.listener.guestProducerClosed(mediaId(guest.id));
    });
    await target.speaker.add(guest);
    return describe(guest);
  }

  /** Whether a participant's producer is already heard here as a guest. */
  hasGuestOf(participantId: ParticipantId, source: ProducerInfo['source']): boolean {
    return [...this.guests.values()].some(
      (guest) => guest.appData.participantId === participantId && guest.appData.source === source,
    );
  }

  /** Closes the guest producers of a participant; returns their ids. */
  dropGuests(participantId: ParticipantId): MediaId[] {
    const dropped = [...this.guests.values()].filter((guest) => guest.appData.participantId === participantId);
    for (const guest of dropped) guest.close();
    return dropped.map((guest) => mediaId(guest.id));
  }

  close(): void {
    this.closed = true;
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.guests.clear();
    this.router.close();
  }

  private peer(participantId: ParticipantId): MediaPeer {
    const peer = this.peers.get(participantId);
    if (!peer) throw new CommandError('not_joined', 'join the room first');
    return peer;
  }

  private allProducers(): types.Producer<ProducerData>[] {
    const own = [...this.peers.values()].flatMap((peer) => [...peer.producers.values()]);
    return [...own, ...this.guests.values()];
  }

  /** mediasoup throws TypeError for parameters it can't use: that is the client's mistake, not ours. */
  private async mediasoupCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof TypeError) throw new CommandError('invalid_payload', error.message);
      throw error;
    }
  }

  /** A router closes with its worker; the room then moves to a new router and clients reconnect media. */
  private watch(router: types.Router): void {
    router.once('workerclose', () => {
      void this.replaceRouter().catch((error: unknown) => {
        if (!this.closed && !this.pool.isClosed) this.logger.error({ err: error }, 'could not re-create a media room');
      });
    });
  }

  private async replaceRouter(): Promise<void> {
    if (this.closed || this.pool.isClosed) return;
    // Their transports died with the worker; the peers stay, their media is rebuilt by the clients.
    for (const peer of this.peers.values()) peer.close();
    this.guests.clear();
    this.router = await this.pool.createRouter(mediaCodecs);
    this.dominant = null;
    this.speaker = await ActiveSpeaker.watch(this.router, (participantId) => this.speakerChanged(participantId));
    this.watch(this.router);
    this.logger.warn({ routerId: this.router.id }, 'media room moved to a new router after a worker died');
    this.listener.routerReplaced('the media server restarted', this.rtpCapabilities);
  }
}

function describe(producer: types.Producer<ProducerData>): ProducerInfo {
  return {
    producerId: mediaId(producer.id),
    participantId: producer.appData.participantId,
    kind: producer.kind,
    source: producer.appData.source,
    paused: producer.paused,
  };
}
