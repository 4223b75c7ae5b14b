import { Command, type MediaId, type MediaSource, type ParticipantId, type ProducerInfo } from '@plenary/shared';
import type { types } from 'mediasoup-client';
import { type Requester, unwrap } from '../net/request.ts';
import type { Connection } from './connection.ts';
import type { ReceiveDecision } from './tileViews.ts';
import type { TrackRegistry } from './tracks.ts';

/** Whose media a consumer carries: what decides whether and how it is received. */
export interface ReceivedMedia {
  participantId: ParticipantId;
  source: MediaSource;
  kind: 'audio' | 'video';
}

export interface ReceivingOptions {
  request: Requester;
  tracks: TrackRegistry;
  selfId: ParticipantId;
  /** Media from someone else started arriving on one of our consumers. */
  onRemoteMediaFlowing?: (received: ReceivedMedia) => void;
  /** Whether to receive a consumer now and in which layer; asked at consume time and on `refresh`. */
  decideReceiving?: (received: ReceivedMedia) => ReceiveDecision;
}

interface Received extends ReceivedMedia {
  consumer: types.Consumer;
  producerId: MediaId;
  /** What the server was last asked for, so a resize or scroll sends only what changed. */
  applied: ReceiveDecision;
}

const FLOWING: ReceiveDecision = { paused: false, spatialLayer: null };

const asMediaId = (id: string) => id as MediaId;

/**
 * What one connection receives: a consumer per producer of someone else, its track shown in the
 * `TrackRegistry`. A producer, consumer or person dropped while its consume is still under way is
 * remembered until that consume returns, so nothing closed is received after all.
 */
export class Receiving {
  readonly #connection: Connection;
  readonly #options: ReceivingOptions;
  /** What we receive, by consumer id. */
  readonly #received = new Map<MediaId, Received>();
  /** Consumes under way: producer id → whose producer it is. */
  readonly #consuming = new Map<MediaId, ParticipantId>();
  /** Producer or consumer ids closed while their consume was under way. */
  readonly #dropped = new Set<MediaId>();

  constructor(connection: Connection, options: ReceivingOptions) {
    this.#connection = connection;
    this.#options = options;
    connection.onClose(() => {
      for (const consumerId of [...this.#received.keys()]) this.#forget(consumerId);
    });
  }

  get count(): number {
    return this.#received.size;
  }

  /** Receives someone else's producer. Idempotent: a producer is consumed at most once. */
  async consume(producer: ProducerInfo): Promise<void> {
    const { producerId, participantId } = producer;
    if (this.#connection.closed || participantId === this.#options.selfId) return;
    if (this.#consuming.has(producerId) || this.#receivedOf(producerId)) return;
    this.#consuming.set(producerId, participantId);
    let consumerId: MediaId | null = null;
    try {
      const { device, recv } = await this.#connection.ready();
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
      consumer.on('transportclose', () => this.#forget(id));
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
  refresh(): void {
    if (this.#connection.closed) return;
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

  /** The producer is gone: stop receiving it, including a consume still under way. */
  dropProducer(producerId: MediaId): void {
    const found = this.#receivedOf(producerId);
    if (found) this.closeConsumer(found[0]);
    else if (this.#consuming.has(producerId)) this.#dropped.add(producerId);
  }

  closeConsumer(consumerId: MediaId): void {
    if (!this.#forget(consumerId) && this.#consuming.size > 0) this.#dropped.add(consumerId);
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

  // `applied` is updated before asking, so a burst of resizes asks once; a refusal puts it back,
  // so the next change asks again. A consumer that is gone is forgotten with its own fact.
  async #applyPaused(consumerId: MediaId, received: Received, paused: boolean): Promise<void> {
    received.applied = { ...received.applied, paused };
    try {
      unwrap(await this.#options.request(Command.mediaSetConsumerPaused, { consumerId, paused }));
    } catch (error) {
      if (received.applied.paused === paused) received.applied = { ...received.applied, paused: !paused };
      if (!this.#connection.closed) console.warn('[plenary] could not pause or resume a video', { consumerId, error });
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
      if (!this.#connection.closed) console.warn('[plenary] could not choose a video layer', { consumerId, error });
    }
  }

  #decide(received: ReceivedMedia): ReceiveDecision {
    return this.#options.decideReceiving?.(received) ?? FLOWING;
  }

  /** Remote tracks start muted and unmute when the first media arrives. */
  #watchFlow(received: Received): void {
    const { track } = received.consumer;
    const flowing = () => {
      if (!this.#connection.closed && this.#received.get(asMediaId(received.consumer.id)) === received) {
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

  #forget(consumerId: MediaId): boolean {
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
    return this.#connection.closed || this.#dropped.has(producerId) || this.#dropped.has(consumerId);
  }
}
