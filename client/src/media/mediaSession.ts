import {
  Command,
  MEDIA_SOURCES,
  type MediaId,
  type MediaSource,
  type ParticipantId,
  type ProducerInfo,
  type TransportOptions,
  type WireObject,
} from '@plenary/shared';
import type { Device, types } from 'mediasoup-client';
import { type Requester, unwrap } from '../net/request.ts';
import { browserDeviceFor, loadDevice } from './device.ts';
import type { ReceiveDecision } from './receiving.ts';
import { encodingsFor } from './simulcast.ts';
import type { TrackRegistry } from './tracks.ts';
import { type MediaLink, TransportHealth } from './transportHealth.ts';

export type { MediaLink };

/** Whose media a consumer carries: what decides whether and how it is received. */
export interface ReceivedMedia {
  participantId: ParticipantId;
  source: MediaSource;
  kind: 'audio' | 'video';
}

export interface MediaSessionOptions {
  request: Requester;
  tracks: TrackRegistry;
  selfId: ParticipantId;
  /** Injected so tests can use mediasoup-client's FakeHandler; the browser's own handler otherwise. */
  createDevice?: () => Promise<Device>;
  /** A transport could not be brought back by an ICE restart: the caller should rebuild media. */
  onFailure?: (reason: string) => void;
  /** A local track ended by itself (device unplugged, permission revoked, sharing stopped); its producer is gone. */
  onLocalTrackEnded?: (source: MediaSource) => void;
  /** The transports lost their path to the server (`reconnecting`), or have one (again). */
  onLinkChange?: (link: MediaLink) => void;
  /** Media from someone else started arriving on one of our consumers. */
  onRemoteMediaFlowing?: (received: ReceivedMedia) => void;
  /** Whether to receive a consumer now and in which layer; asked at consume time and on `refreshReceiving`. */
  decideReceiving?: (received: ReceivedMedia) => ReceiveDecision;
  /** How long an ICE restart may take to reconnect before the caller is told to rebuild. */
  iceRestartTimeoutMs?: number;
}

interface Received extends ReceivedMedia {
  consumer: types.Consumer;
  producerId: MediaId;
  /** What the server was last asked for, so a resize or scroll sends only what changed. */
  applied: ReceiveDecision;
}

const FLOWING: ReceiveDecision = { paused: false, spatialLayer: null };
const ICE_RESTART_TIMEOUT_MS = 10_000;

/** Thrown by work that was still under way when the session was closed; callers ignore it. */
export class MediaSessionClosed extends Error {
  constructor() {
    super('media session closed');
    this.name = 'MediaSessionClosed';
  }
}

// Ids minted by the server come back from mediasoup-client as plain strings.
const asMediaId = (id: string) => id as MediaId;
const isMediaSource = (value: unknown): value is MediaSource => MEDIA_SOURCES.some((source) => source === value);

/**
 * The mediasoup-client side of one join: a device, a send and a receive transport, what we
 * produce and what we consume. It holds objects the store must not (transports, producers,
 * consumers, tracks); it publishes tracks to the `TrackRegistry` and reports nothing else to
 * React. One instance per media connection: to reconnect, close it and start a new one.
 */
export class MediaSession {
  readonly #options: MediaSessionOptions;
  #started: Promise<{ device: Device; send: types.Transport; recv: types.Transport }> | null = null;
  readonly #transports: types.Transport[] = [];
  readonly #producers = new Map<MediaSource, types.Producer>();
  /** What we receive, by consumer id. */
  readonly #received = new Map<MediaId, Received>();
  /** Consumes under way: producer id → whose producer it is. */
  readonly #consuming = new Map<MediaId, ParticipantId>();
  /** Producer or consumer ids closed while their consume was under way. */
  readonly #dropped = new Set<MediaId>();
  readonly #restartingIce = new Set<MediaId>();
  readonly #health: TransportHealth;
  #closed = false;

  constructor(options: MediaSessionOptions) {
    this.#options = options;
    this.#health = new TransportHealth({
      onLinkChange: (link) => this.#options.onLinkChange?.(link),
      onGiveUp: (reason) => this.#options.onFailure?.(reason),
      restartTimeoutMs: options.iceRestartTimeoutMs ?? ICE_RESTART_TIMEOUT_MS,
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Loads the device and creates both transports; everything else waits for this. */
  start(routerRtpCapabilities: WireObject): Promise<void> {
    this.#started ??= this.#start(routerRtpCapabilities);
    return this.#started.then(() => undefined);
  }

  async #start(routerRtpCapabilities: WireObject) {
    const { createDevice } = this.#options;
    // Asked for beside the transports (not before them), so a room switch waits no longer.
    const iceServers = this.#freshIceServers();
    const device = await (createDevice
      ? loadDevice(createDevice, routerRtpCapabilities)
      : browserDeviceFor(routerRtpCapabilities));
    this.#assertOpen();
    const [send, recv] = await Promise.all([
      this.#createTransport(device, 'send', iceServers),
      this.#createTransport(device, 'recv', iceServers),
    ]);
    this.#assertOpen();
    return { device, send, recv };
  }

  async #ready() {
    if (!this.#started) throw new Error('media session not started');
    return this.#started;
  }

  /** TURN servers with credentials fresh for this build; none if the server hands out none or can't say. */
  async #freshIceServers(): Promise<RTCIceServer[]> {
    const reply = await this.#options.request(Command.mediaRefreshIceServers, {});
    return reply.ok ? reply.data.servers : [];
  }

  async #createTransport(
    device: Device,
    direction: 'send' | 'recv',
    ice: Promise<RTCIceServer[]>,
  ): Promise<types.Transport> {
    const [reply, iceServers] = await Promise.all([
      this.#options.request(Command.mediaCreateTransport, { direction }),
      ice,
    ]);
    const remote: TransportOptions = unwrap(reply);
    this.#assertOpen();
    const { transportId } = remote;
    const options: types.TransportOptions = {
      id: transportId,
      iceParameters: remote.iceParameters as types.IceParameters,
      iceCandidates: remote.iceCandidates as types.IceCandidate[],
      dtlsParameters: remote.dtlsParameters as types.DtlsParameters,
      iceServers,
    };
    const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
    this.#transports.push(transport);

    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.#options
        .request(Command.mediaConnectTransport, { transportId, dtlsParameters })
        .then(unwrap)
        .then(() => callback(), errback);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        const { source } = appData;
        if (!isMediaSource(source)) {
          errback(new Error('a producer needs appData.source'));
          return;
        }
        this.#options
          .request(Command.mediaProduce, { transportId, kind, source, rtpParameters })
          .then(unwrap)
          .then(({ producerId }) => callback({ id: producerId }), errback);
      });
    }
    transport.on('connectionstatechange', (state) => {
      if (this.#closed) return;
      if (this.#health.changed(transportId, state) === 'restart') void this.#restartIce(transport, transportId);
    });
    return transport;
  }

  async #restartIce(transport: types.Transport, transportId: MediaId): Promise<void> {
    if (this.#closed || this.#restartingIce.has(transportId)) return;
    this.#restartingIce.add(transportId);
    try {
      const { iceParameters } = unwrap(await this.#options.request(Command.mediaRestartIce, { transportId }));
      if (this.#closed || transport.closed) return;
      await transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
      this.#health.restarted(transportId, transport.connectionState);
    } catch (error) {
      if (!this.#closed) this.#options.onFailure?.(`ICE restart failed: ${messageOf(error)}`);
    } finally {
      this.#restartingIce.delete(transportId);
    }
  }

  // ---- sending -------------------------------------------------------------------------------

  hasProducer(source: MediaSource): boolean {
    return this.#producers.has(source);
  }

  /**
   * Sends `track` as `source`. The track stays the caller's: closing the producer does not stop it,
   * so a rebuild or the next room can send the same capture again (see LocalCapture).
   */
  async publish(source: MediaSource, track: MediaStreamTrack): Promise<void> {
    const { device, send } = await this.#ready();
    this.#assertOpen();
    if (!device.canProduce(track.kind === 'audio' ? 'audio' : 'video')) {
      throw new Error(`this browser cannot send ${track.kind} to the room`);
    }
    if (this.#producers.has(source)) throw new Error(`already sending ${source}`);
    const producer = await send.produce({
      track,
      stopTracks: false,
      appData: { source },
      ...(source === 'mic'
        ? { codecOptions: { opusDtx: true, opusFec: true } }
        : { encodings: encodingsFor(source), codec: vp8Of(device) }),
    });
    if (this.#closed) {
      producer.close();
      throw new MediaSessionClosed();
    }
    this.#producers.set(source, producer);
    this.#options.tracks.set(this.#options.selfId, source, track);
    producer.on('transportclose', () => this.#forgetProducer(source, producer));
    producer.on('trackended', () => {
      void this.unpublish(source).catch(() => undefined);
      this.#options.onLocalTrackEnded?.(source);
    });
  }

  /** Muting pauses locally first (nothing leaves this tab even if the server is slow), then tells the room. */
  async setPaused(source: MediaSource, paused: boolean): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) throw new Error(`not sending ${source}`);
    if (paused) {
      producer.pause();
      unwrap(
        await this.#options.request(Command.mediaSetProducerPaused, { producerId: asMediaId(producer.id), paused }),
      );
      return;
    }
    producer.resume();
    try {
      unwrap(
        await this.#options.request(Command.mediaSetProducerPaused, { producerId: asMediaId(producer.id), paused }),
      );
    } catch (error) {
      // The room still shows us muted: stay muted rather than send what others think is silent.
      producer.pause();
      throw error;
    }
  }

  /**
   * Sends `track` in place of the mic or camera track being sent (another device was chosen): the
   * producer stays, so the room sees no gap and a muted mic stays muted. Both tracks stay the caller's.
   */
  async replaceTrack(source: Exclude<MediaSource, 'screen'>, track: MediaStreamTrack): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer || producer.closed) throw new Error(`not sending ${source}`);
    await producer.replaceTrack({ track });
    if (this.#producers.get(source) === producer) this.#options.tracks.set(this.#options.selfId, source, track);
  }

  /** Closes the producer (its track stays the caller's) and tells the server. */
  async unpublish(source: MediaSource): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) return;
    this.#forgetProducer(source, producer);
    producer.close();
    unwrap(await this.#options.request(Command.mediaCloseProducer, { producerId: asMediaId(producer.id) }));
  }

  #forgetProducer(source: MediaSource, producer: types.Producer): void {
    if (this.#producers.get(source) !== producer) return;
    this.#producers.delete(source);
    this.#options.tracks.delete(this.#options.selfId, source, producer.track ?? undefined);
  }

  // ---- receiving -----------------------------------------------------------------------------

  /** Receives someone else's producer. Idempotent: a producer is consumed at most once. */
  async consume(producer: ProducerInfo): Promise<void> {
    const { producerId, participantId } = producer;
    if (this.#closed || participantId === this.#options.selfId) return;
    if (this.#consuming.has(producerId) || this.#receivedOf(producerId)) return;
    this.#consuming.set(producerId, participantId);
    let consumerId: MediaId | null = null;
    try {
      const { device, recv } = await this.#ready();
      const options = unwrap(
        await this.#options.request(Command.mediaConsume, { producerId, rtpCapabilities: device.rtpCapabilities }),
      );
      consumerId = options.consumerId;
      if (this.#isDropped(producerId, consumerId)) return;
      const consumer = await recv.consume({
        id: options.consumerId,
        producerId: options.producerId,
        kind: options.kind,
        rtpParameters: options.rtpParameters as types.RtpParameters,
        // One stream per person's mic and camera, so the browser keeps them in sync.
        streamId: `${options.participantId}-${options.source === 'screen' ? 'screen' : 'av'}`,
      });
      if (this.#isDropped(producerId, consumerId)) {
        consumer.close();
        return;
      }
      const who: ReceivedMedia = { participantId: options.participantId, source: options.source, kind: options.kind };
      const decision = this.#decide(who);
      // The server creates consumers paused, so no media flows before we are ready to play it.
      const received: Received = { ...who, consumer, producerId, applied: { paused: true, spatialLayer: null } };
      this.#received.set(options.consumerId, received);
      const id = options.consumerId;
      consumer.on('transportclose', () => this.#forgetConsumer(id));
      consumer.on('trackended', () => this.closeConsumer(id));
      this.#watchFlow(received);
      this.#options.tracks.set(received.participantId, received.source, consumer.track);
      if (decision.spatialLayer !== null) void this.#applyLayer(id, received, decision.spatialLayer);
      if (decision.paused) return;
      received.applied = { ...received.applied, paused: false };
      const resumed = await this.#options.request(Command.mediaResumeConsumer, { consumerId: id });
      if (!resumed.ok) {
        this.closeConsumer(id);
        unwrap(resumed);
      }
    } finally {
      this.#consuming.delete(producerId);
      this.#dropped.delete(producerId);
      if (consumerId) this.#dropped.delete(consumerId);
      if (this.#consuming.size === 0) this.#dropped.clear();
    }
  }

  /**
   * Asks the server, for every video received, for what the tiles now need: paused when no tile
   * showing it is visible, and the layer that fits the largest one that is. Sends only changes.
   */
  refreshReceiving(): void {
    if (this.#closed) return;
    for (const [consumerId, received] of this.#received) {
      const decision = this.#decide(received);
      if (decision.paused !== received.applied.paused) void this.#applyPaused(consumerId, received, decision.paused);
      if (
        !decision.paused &&
        decision.spatialLayer !== null &&
        decision.spatialLayer !== received.applied.spatialLayer
      ) {
        void this.#applyLayer(consumerId, received, decision.spatialLayer);
      }
    }
  }

  // `applied` is updated before asking, so a burst of resizes asks once; a refusal puts it back,
  // so the next change asks again. A consumer that is gone is forgotten with its own fact.
  async #applyPaused(consumerId: MediaId, received: Received, paused: boolean): Promise<void> {
    received.applied = { ...received.applied, paused };
    try {
      unwrap(await this.#options.request(Command.mediaSetConsumerPaused, { consumerId, paused }));
    } catch (error) {
      if (received.applied.paused === paused) received.applied = { ...received.applied, paused: !paused };
      if (!this.#closed) console.warn('[plenary] could not pause or resume a video', { consumerId, error });
    }
  }

  async #applyLayer(consumerId: MediaId, received: Received, spatialLayer: number): Promise<void> {
    const before = received.applied.spatialLayer;
    received.applied = { ...received.applied, spatialLayer };
    try {
      unwrap(await this.#options.request(Command.mediaSetPreferredLayers, { consumerId, spatialLayer }));
    } catch (error) {
      if (received.applied.spatialLayer === spatialLayer)
        received.applied = { ...received.applied, spatialLayer: before };
      if (!this.#closed) console.warn('[plenary] could not choose a video layer', { consumerId, error });
    }
  }

  #decide(received: ReceivedMedia): ReceiveDecision {
    return this.#options.decideReceiving?.(received) ?? FLOWING;
  }

  /** Remote tracks start muted and unmute when the first media arrives. */
  #watchFlow(received: Received): void {
    const { track } = received.consumer;
    const flowing = () => {
      if (!this.#closed && this.#received.get(asMediaId(received.consumer.id)) === received) {
        this.#options.onRemoteMediaFlowing?.({
          participantId: received.participantId,
          source: received.source,
          kind: received.kind,
        });
      }
    };
    if (!track.muted) queueMicrotask(flowing);
    else track.addEventListener('unmute', flowing, { once: true });
  }

  /** The producer is gone: stop receiving it, including a consume still under way. */
  dropProducer(producerId: MediaId): void {
    const found = this.#receivedOf(producerId);
    if (found) this.closeConsumer(found[0]);
    else if (this.#consuming.has(producerId)) this.#dropped.add(producerId);
  }

  closeConsumer(consumerId: MediaId): void {
    if (!this.#forgetConsumer(consumerId) && this.#consuming.size > 0) this.#dropped.add(consumerId);
  }

  /** The producer a consumer of ours receives, while we have it. */
  producerOf(consumerId: MediaId): MediaId | undefined {
    return this.#received.get(consumerId)?.producerId;
  }

  /** The person left: stop receiving everything of theirs. */
  dropParticipant(participantId: ParticipantId): void {
    for (const [consumerId, received] of [...this.#received]) {
      if (received.participantId === participantId) this.closeConsumer(consumerId);
    }
    for (const [producerId, owner] of this.#consuming) {
      if (owner === participantId) this.#dropped.add(producerId);
    }
  }

  #forgetConsumer(consumerId: MediaId): boolean {
    const received = this.#received.get(consumerId);
    if (!received) return false;
    this.#received.delete(consumerId);
    received.consumer.close();
    this.#options.tracks.delete(received.participantId, received.source, received.consumer.track);
    return true;
  }

  #receivedOf(producerId: MediaId): [MediaId, Received] | undefined {
    return [...this.#received].find(([, received]) => received.producerId === producerId);
  }

  #isDropped(producerId: MediaId, consumerId: MediaId): boolean {
    return this.#closed || this.#dropped.has(producerId) || this.#dropped.has(consumerId);
  }

  /** How many of our own tracks are being sent. */
  get sendingCount(): number {
    return this.#producers.size;
  }

  /** How many producers are being received; for tests and diagnostics. */
  get receivingCount(): number {
    return this.#received.size;
  }

  // ---- teardown ------------------------------------------------------------------------------

  /**
   * Closes everything locally, then asks the server to close what we were sending, for a rebuild in
   * the same room: others stop receiving the dead producers, and the new ones are not refused as a
   * second mic or camera.
   */
  async closeAndRelease(): Promise<void> {
    const producerIds = [...this.#producers.values()].map((producer) => asMediaId(producer.id));
    this.close();
    await Promise.all(
      producerIds.map((producerId) => this.#options.request(Command.mediaCloseProducer, { producerId })),
    );
  }

  /** Closes everything locally. The server closes its side when told (leave) or already has (reconnect). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#health.close();
    for (const [source, producer] of [...this.#producers]) {
      this.#forgetProducer(source, producer);
      producer.close();
    }
    for (const consumerId of [...this.#received.keys()]) this.#forgetConsumer(consumerId);
    for (const transport of this.#transports) transport.close();
    this.#transports.length = 0;
  }

  #assertOpen(): void {
    if (this.#closed) {
      for (const transport of this.#transports) transport.close();
      throw new MediaSessionClosed();
    }
  }
}

/** VP8 for video: every browser decodes it, and it is what simulcast works best with. */
function vp8Of(device: Device): types.RtpCodecCapability | undefined {
  return device.rtpCapabilities.codecs?.find((codec) => codec.mimeType.toLowerCase() === 'video/vp8');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
