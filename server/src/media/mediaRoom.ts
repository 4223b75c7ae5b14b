import type {
  ConsumerOptions,
  MediaId,
  ModerationAction,
  ParticipantId,
  PeerConnectionInfo,
  ProduceRequestSchema,
  ProducerInfo,
  TransportOptions,
  WireObject,
} from '@plenary/shared';
import type { types } from 'mediasoup';
import type { z } from 'zod';
import { CommandError } from '../errors.ts';
import type { PathView } from './connectionState.ts';
import type { LinkableRoom } from './links.ts';
import { MediaPeer, type ProducerData, type TransportData, type TransportDirection } from './mediaPeer.ts';

import { pipeProducer } from './pipe.ts';
import type { MediaRoomOptions } from './roomEvents.ts';
import type { Leg, RoomRouters } from './roomRouters.ts';
import { RoomRouting } from './roomRouting.ts';
import { createWebRtcTransport, transportOptions } from './transports.ts';
import { asWire, describe, mediaCall, mediaId } from './wire.ts';

export type { MediaRoomListener, MediaRoomOptions } from './roomEvents.ts';
export type { TransportSettings } from './transports.ts';

type ProduceRequest = Omit<z.output<typeof ProduceRequestSchema>, 'kind'> & { kind: types.MediaKind };

/**
 * The media of one room (the plenary, or a breakout): its people and their transports, producers and
 * consumers, over the routers the room uses (RoomRouters: one per worker, spread as workers fill;
 * RoomRouting: which of them, moving to new ones when a worker dies).
 */
export class MediaRoom implements LinkableRoom {
  readonly key: string;
  private readonly peers = new Map<ParticipantId, MediaPeer>();
  private closed = false;

  private constructor(
    private readonly routing: RoomRouting,
    private readonly options: MediaRoomOptions,
  ) {
    this.key = options.key;
  }

  static async create(options: MediaRoomOptions): Promise<MediaRoom> {
    let room: MediaRoom | undefined;
    const routing = await RoomRouting.create(options.pool, options.logger, {
      // Someone whose media is not through is never the one shown speaking.
      speakerChanged: (participantId) => {
        if (room?.peers.get(participantId)?.connection.info.state !== 'notConnected')
          options.listener.activeSpeakerChanged(participantId);
      },
      leaving: () => room?.dropMedia(),
      moved: () => room?.movedRouters(),
    });
    room = new MediaRoom(routing, options);
    return room;
  }

  /** Who is speaking now (the last dominant speaker), or null. */
  get activeSpeakerId(): ParticipantId | null {
    return this.routing.activeSpeakerId;
  }

  private get routers(): RoomRouters {
    return this.routing.current;
  }

  /** The same in every router of the room: they are made with the same codecs. */
  get rtpCapabilities(): WireObject {
    return asWire(this.routers.home.router.rtpCapabilities);
  }

  get linkRouter(): types.Router {
    return this.routers.home.router;
  }

  /** The process ids of the workers the room uses, its first one first. */
  workerPids(): number[] {
    return this.routers.workerPids();
  }

  /** The worker a participant's transports are on, once they have one. */
  workerPidOf(participantId: ParticipantId): number | undefined {
    return this.routers.legOf(participantId)?.worker.pid;
  }

  addPeer(participantId: ParticipantId): void {
    if (this.peers.has(participantId)) return;
    const peer: MediaPeer = new MediaPeer(participantId, (info: PeerConnectionInfo) => {
      // Not for someone who left: their transports close after they are gone.
      if (!this.closed && this.peers.get(participantId) === peer)
        this.options.listener.peerMediaStateChanged(participantId, info);
    });
    this.peers.set(participantId, peer);
    if (this.peers.size === 1) this.options.links?.hosting(this);
  }

  removePeer(participantId: ParticipantId): void {
    const peer = this.peers.get(participantId);
    this.peers.delete(participantId);
    peer?.close();
    this.routers.unplace(participantId);
    if (this.peers.size === 0) this.options.links?.vacated(this);
  }

  /** What the room knows of each person's media connection, for a newcomer. */
  connections(): Record<ParticipantId, PeerConnectionInfo> {
    return Object.fromEntries([...this.peers].map(([id, peer]) => [id, peer.connection.info]));
  }

  /** Every transport's path, for /metrics. */
  paths(): PathView[] {
    return [...this.peers.values()].flatMap((peer) => peer.connection.paths());
  }

  /** Every producer in the room (its people's, guests', other nodes') except the given participant's own. */
  producers(exceptParticipant?: ParticipantId): ProducerInfo[] {
    const all = this.routers.producers().map(({ producer }) => producer);
    return all.filter((producer) => producer.appData.participantId !== exceptParticipant).map(describe);
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
    const closedProducers = peer.closeTransports(direction).map(mediaId);
    if (!peer.canAddTransport()) throw new CommandError('conflict', 'too many transports');
    const { router, worker } = await this.placed(participantId);
    const transport = await createWebRtcTransport(router, this.options.pool.rtcServerOf(worker), direction);
    this.adopt(participantId, transport);
    return { options: transportOptions(transport), closedProducers };
  }

  /**
   * For benchmarks and tests, which send and receive plain RTP rather than WebRTC: a transport made
   * by `create` on the participant's router, owned by them like a WebRTC one (produce and consume
   * work on it; connect and ICE restarts are the caller's business).
   */
  async addTransport<T extends types.Transport<TransportData>>(
    participantId: ParticipantId,
    create: (router: types.Router) => Promise<T>,
  ): Promise<T> {
    this.peer(participantId);
    const transport = await create((await this.placed(participantId)).router);
    this.adopt(participantId, transport as unknown as types.WebRtcTransport<TransportData>);
    return transport;
  }

  async produce(participantId: ParticipantId, request: ProduceRequest): Promise<ProducerInfo> {
    const peer = this.peer(participantId);
    const transport = peer.transport(request.transportId, 'send');
    if (peer.hasSource(request.source)) throw new CommandError('conflict', `already sending ${request.source}`);
    const producer = await mediaCall(() =>
      transport.produce<ProducerData>({
        kind: request.kind,
        rtpParameters: request.rtpParameters as types.RtpParameters,
        appData: { source: request.source, participantId, transportId: transport.id },
      }),
    );
    peer.addProducer(producer);
    const leg = await this.placed(participantId);
    // Its transport closed as the room moved to new routers: the client sends again on new ones.
    if (producer.closed) throw new CommandError('media_unavailable', 'the media server restarted; send again');
    // Announced once every router of the room has it, so whoever hears of it can consume it.
    await this.routers.add(producer, 'own', leg);
    return describe(producer);
  }

  async consume(
    participantId: ParticipantId,
    producerId: MediaId,
    rtpCapabilities: WireObject,
  ): Promise<ConsumerOptions> {
    const peer = this.peer(participantId);
    const entry = this.routers.find(producerId);
    if (!entry) throw new CommandError('not_found', `no producer ${producerId} in this room`);
    if (entry.producer.appData.participantId === participantId) {
      throw new CommandError('conflict', 'cannot consume your own producer');
    }
    const transport = [...peer.transports.values()].find((candidate) => candidate.appData.direction === 'recv');
    if (!transport) throw new CommandError('not_found', 'create a recv transport first');
    const leg = await this.placed(participantId);
    const producer = await this.routers.on(leg, producerId);
    if (!producer) throw new CommandError('not_found', `producer ${producerId} has gone`);
    const capabilities = rtpCapabilities as types.RtpCapabilities;
    if (!leg.router.canConsume({ producerId, rtpCapabilities: capabilities })) {
      throw new CommandError('media_unavailable', 'your browser cannot receive this track');
    }
    // Paused until the client has wired the track up, so no key frame is lost before it listens.
    const consumer = await mediaCall(() =>
      transport.consume({ producerId, rtpCapabilities: capabilities, paused: true }),
    );
    peer.addConsumer(consumer, transport.id);
    consumer.on('producerclose', () => {
      consumer.close();
      this.options.listener.consumerClosed(participantId, mediaId(consumer.id));
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

  /** A chair mutes someone or stops their camera or share; returns what changed, for the room to be told. */
  async moderate(target: ParticipantId, action: ModerationAction) {
    const { paused, closed } = await this.peer(target).moderate(action);
    return { paused: paused.map(describe), closed: closed.map(describe) };
  }

  /** Pipes one of a participant's producers into another room, where it appears as a guest. */
  async pipeTo(target: MediaRoom, participantId: ParticipantId, producerId: MediaId): Promise<ProducerInfo> {
    const producer = this.peer(participantId).producer(producerId);
    const { router } = await this.placed(participantId);
    const guest = await pipeProducer(router, target.linkRouter, producer, this.options.settings.listenIp);
    guest.observer.once('close', () => {
      // Closed with its source, or on request: either way the room hears of it, once, here.
      if (!target.closed) target.options.listener.guestProducerClosed(mediaId(guest.id));
    });
    await target.routers.add(guest, 'guest');
    return describe(guest);
  }

  /** Whether a participant's producer is already heard here as a guest. */
  hasGuestOf(participantId: ParticipantId, source: ProducerInfo['source']): boolean {
    return this.guestsOf(participantId).some((guest) => guest.appData.source === source);
  }

  /** Closes the guest producers of a participant; returns their ids. */
  dropGuests(participantId: ParticipantId): MediaId[] {
    const dropped = this.guestsOf(participantId);
    for (const guest of dropped) guest.close();
    return dropped.map((guest) => mediaId(guest.id));
  }

  watchLocalProducers(onProducer: (producer: types.Producer<ProducerData>) => void): () => void {
    return this.routers.watchLocal(onProducer);
  }

  async adoptRemote(producer: types.Producer<ProducerData>): Promise<void> {
    const { listener } = this.options;
    const id = mediaId(producer.id);
    producer.observer.on('pause', () => listener.remoteProducerPausedChanged(id, true));
    producer.observer.on('resume', () => listener.remoteProducerPausedChanged(id, false));
    producer.observer.once('close', () => {
      if (!this.closed) listener.remoteProducerClosed(id);
    });
    await this.routers.add(producer, 'remote');
    if (!producer.closed) listener.remoteProducerAdded(describe(producer));
  }

  close(): void {
    this.closed = true;
    this.options.links?.vacated(this);
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.routing.close();
  }

  /** A participant's own media, for what concerns no one else (connecting, pausing, layers). */
  peer(participantId: ParticipantId): MediaPeer {
    const peer = this.peers.get(participantId);
    if (!peer) throw new CommandError('not_joined', 'join the room first');
    return peer;
  }

  /** The participant's router, placing them on first use (see RoomRouting.placed). */
  private placed(participantId: ParticipantId): Promise<Leg> {
    return this.routing.placed(participantId, () => this.peers.has(participantId));
  }

  private adopt(participantId: ParticipantId, transport: types.WebRtcTransport<TransportData>): void {
    const peer = this.peers.get(participantId);
    // Left while the transport was being made: it has no owner to close it later.
    if (!peer || this.closed) {
      transport.close();
      throw new CommandError('not_joined', 'you left the room');
    }
    peer.addTransport(transport);
  }

  private guestsOf(participantId: ParticipantId): types.Producer<ProducerData>[] {
    return this.routers.producersOf(participantId, 'guest');
  }

  /**
   * The room is leaving its routers (a worker died): their transports died with the worker (or close
   * with the other routers now); the peers stay, their media rebuilt by the clients, placed afresh as
   * they create transports.
   */
  private dropMedia(): void {
    this.options.links?.vacated(this);
    for (const peer of this.peers.values()) peer.close();
  }

  private movedRouters(): void {
    if (this.peers.size > 0) this.options.links?.hosting(this);
    this.options.listener.routerReplaced('the media server restarted', this.rtpCapabilities);
  }
}
