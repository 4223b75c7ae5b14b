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
import { Device, type types } from 'mediasoup-client';
import { type Requester, unwrap } from '../net/request.ts';
import type { LocalSource } from './localMedia.ts';
import type { TrackRegistry } from './tracks.ts';

export interface MediaSessionOptions {
  request: Requester;
  tracks: TrackRegistry;
  selfId: ParticipantId;
  /** Injected so tests can use mediasoup-client's FakeHandler; the browser's own handler otherwise. */
  createDevice?: () => Promise<Device>;
  /** A transport could not be brought back by an ICE restart: the caller should rebuild media. */
  onFailure?: (reason: string) => void;
  /** A local track ended by itself (device unplugged, permission revoked); its producer is gone. */
  onLocalTrackEnded?: (source: LocalSource) => void;
}

interface Received {
  consumer: types.Consumer;
  producerId: MediaId;
  participantId: ParticipantId;
  source: MediaSource;
}

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
  readonly #producers = new Map<LocalSource, types.Producer>();
  /** What we receive, by consumer id. */
  readonly #received = new Map<MediaId, Received>();
  /** Consumes under way: producer id → whose producer it is. */
  readonly #consuming = new Map<MediaId, ParticipantId>();
  /** Producer or consumer ids closed while their consume was under way. */
  readonly #dropped = new Set<MediaId>();
  readonly #restartingIce = new Set<MediaId>();
  #closed = false;

  constructor(options: MediaSessionOptions) {
    this.#options = options;
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
    const device = await (this.#options.createDevice ?? (() => Device.factory()))();
    await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
    this.#assertOpen();
    const [send, recv] = await Promise.all([
      this.#createTransport(device, 'send'),
      this.#createTransport(device, 'recv'),
    ]);
    this.#assertOpen();
    return { device, send, recv };
  }

  async #ready() {
    if (!this.#started) throw new Error('media session not started');
    return this.#started;
  }

  async #createTransport(device: Device, direction: 'send' | 'recv'): Promise<types.Transport> {
    const remote: TransportOptions = unwrap(await this.#options.request(Command.mediaCreateTransport, { direction }));
    this.#assertOpen();
    const { transportId } = remote;
    const options: types.TransportOptions = {
      id: transportId,
      iceParameters: remote.iceParameters as types.IceParameters,
      iceCandidates: remote.iceCandidates as types.IceCandidate[],
      dtlsParameters: remote.dtlsParameters as types.DtlsParameters,
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
      if (state === 'disconnected' || state === 'failed') void this.#restartIce(transport, transportId);
    });
    return transport;
  }

  async #restartIce(transport: types.Transport, transportId: MediaId): Promise<void> {
    if (this.#closed || this.#restartingIce.has(transportId)) return;
    this.#restartingIce.add(transportId);
    try {
      const { iceParameters } = unwrap(await this.#options.request(Command.mediaRestartIce, { transportId }));
      if (!transport.closed) await transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
    } catch (error) {
      if (!this.#closed) this.#options.onFailure?.(`ICE restart failed: ${messageOf(error)}`);
    } finally {
      this.#restartingIce.delete(transportId);
    }
  }

  // ---- sending -------------------------------------------------------------------------------

  hasProducer(source: LocalSource): boolean {
    return this.#producers.has(source);
  }

  /** Sends `track` as `source`; the track is ours from here on and is stopped when the producer closes. */
  async publish(source: LocalSource, track: MediaStreamTrack): Promise<void> {
    try {
      const { device, send } = await this.#ready();
      this.#assertOpen();
      if (!device.canProduce(track.kind === 'audio' ? 'audio' : 'video')) {
        throw new Error(`this browser cannot send ${track.kind} to the room`);
      }
      if (this.#producers.has(source)) throw new Error(`already sending ${source}`);
      const producer = await send.produce({
        track,
        stopTracks: true,
        appData: { source },
        ...(source === 'mic' ? { codecOptions: { opusDtx: true, opusFec: true } } : {}),
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
    } catch (error) {
      // A track that never became a producer would otherwise keep the device light on.
      if (!this.#producers.has(source) || this.#producers.get(source)?.track !== track) track.stop();
      throw error;
    }
  }

  /** Muting pauses locally first (nothing leaves this tab even if the server is slow), then tells the room. */
  async setPaused(source: LocalSource, paused: boolean): Promise<void> {
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

  /** Closes the producer (stopping its track) and tells the server. */
  async unpublish(source: LocalSource): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) return;
    this.#forgetProducer(source, producer);
    producer.close();
    unwrap(await this.#options.request(Command.mediaCloseProducer, { producerId: asMediaId(producer.id) }));
  }

  #forgetProducer(source: LocalSource, producer: types.Producer): void {
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
      const received: Received = {
        consumer,
        producerId,
        participantId: options.participantId,
        source: options.source,
      };
      this.#received.set(options.consumerId, received);
      const id = options.consumerId;
      consumer.on('transportclose', () => this.#forgetConsumer(id));
      consumer.on('trackended', () => this.closeConsumer(id));
      this.#options.tracks.set(received.participantId, received.source, consumer.track);
      // The server creates consumers paused, so no media flows before we are ready to play it.
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

  /** The producer is gone: stop receiving it, including a consume still under way. */
  dropProducer(producerId: MediaId): void {
    const found = this.#receivedOf(producerId);
    if (found) this.closeConsumer(found[0]);
    else if (this.#consuming.has(producerId)) this.#dropped.add(producerId);
  }

  closeConsumer(consumerId: MediaId): void {
    if (!this.#forgetConsumer(consumerId) && this.#consuming.size > 0) this.#dropped.add(consumerId);
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

  /** How many producers are being received; for tests and diagnostics. */
  get receivingCount(): number {
    return this.#received.size;
  }

  // ---- teardown ------------------------------------------------------------------------------

  /** Closes everything locally. The server closes its side when told (leave) or already has (reconnect). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
