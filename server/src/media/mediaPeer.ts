import type { MediaSource, ModerationAction, ParticipantId, WireObject } from '@plenary/shared';
import type { types } from 'mediasoup';
import { CommandError } from '../errors.ts';
import { type ConnectionListener, PeerConnection } from './peerConnection.ts';
import { forwardedLayer, watchDownlink } from './thinLink.ts';
import { asWire, mediaCall } from './wire.ts';

export type TransportDirection = 'send' | 'recv';
export interface TransportData extends types.AppData {
  direction: TransportDirection;
}
export interface ProducerData extends types.AppData {
  source: MediaSource;
  participantId: ParticipantId;
  /** the transport it runs on (closing that transport closes it) */
  transportId: string;
}

// A browser needs one send and one recv transport; a few more allow an ICE-restart fallback.
const MAX_TRANSPORTS = 4;

/**
 * The mediasoup objects one participant owns in one room. Closing a transport closes what runs on
 * it, so closing the peer's transports releases everything it holds.
 */
export class MediaPeer {
  readonly transports = new Map<string, types.WebRtcTransport<TransportData>>();
  readonly producers = new Map<string, types.Producer<ProducerData>>();
  readonly consumers = new Map<string, types.Consumer>();
  /** the recv transport each consumer runs on */
  private readonly transportOfConsumer = new Map<string, string>();
  /** the layers each tile asked for; a consumer absent here wants mediasoup's default, the top one */
  private readonly wantedLayers = new Map<string, types.ConsumerLayers>();
  /** recv transports whose bandwidth estimate is too thin for more than the smallest camera layer */
  private readonly thinTransports = new Set<string>();

  readonly connection: PeerConnection;

  constructor(
    readonly participantId: ParticipantId,
    onConnectionChanged: ConnectionListener = () => undefined,
  ) {
    this.connection = new PeerConnection(onConnectionChanged);
  }

  canAddTransport(): boolean {
    return this.transports.size < MAX_TRANSPORTS;
  }

  /** Closes the transports of one direction (a client replacing them); returns the producers that closed. */
  closeTransports(direction: TransportDirection): string[] {
    const replaced = [...this.transports.values()].filter((transport) => transport.appData.direction === direction);
    const closed = [...this.producers.values()]
      .filter((producer) => replaced.some((transport) => transport.id === producer.appData.transportId))
      .map((producer) => producer.id);
    for (const transport of replaced) transport.close();
    return closed;
  }

  addTransport(transport: types.WebRtcTransport<TransportData>): void {
    this.transports.set(transport.id, transport);
    this.connection.watch(transport);
    transport.observer.once('close', () => {
      this.transports.delete(transport.id);
      this.thinTransports.delete(transport.id);
    });
    if (transport.appData.direction === 'recv') {
      watchDownlink(transport, (thin) => this.downlinkChanged(transport.id, thin));
    }
  }

  addProducer(producer: types.Producer<ProducerData>): void {
    this.producers.set(producer.id, producer);
    producer.observer.once('close', () => this.producers.delete(producer.id));
  }

  addConsumer(consumer: types.Consumer, transportId: string): void {
    this.consumers.set(consumer.id, consumer);
    this.transportOfConsumer.set(consumer.id, transportId);
    consumer.observer.once('close', () => {
      this.consumers.delete(consumer.id);
      this.transportOfConsumer.delete(consumer.id);
      this.wantedLayers.delete(consumer.id);
    });
    if (this.thinTransports.has(transportId)) this.forwardLayers(consumer).catch(() => undefined);
  }

  transport(id: string, direction: TransportDirection): types.WebRtcTransport<TransportData> {
    const transport = this.transports.get(id);
    if (!transport || transport.appData.direction !== direction) {
      throw new CommandError('not_found', `no ${direction} transport ${id}`);
    }
    return transport;
  }

  anyTransport(id: string): types.WebRtcTransport<TransportData> {
    const transport = this.transports.get(id);
    if (!transport) throw new CommandError('not_found', `no transport ${id}`);
    return transport;
  }

  producer(id: string): types.Producer<ProducerData> {
    const producer = this.producers.get(id);
    if (!producer) throw new CommandError('not_found', `no producer ${id} of yours`);
    return producer;
  }

  consumer(id: string): types.Consumer {
    const consumer = this.consumers.get(id);
    if (!consumer) throw new CommandError('not_found', `no consumer ${id} of yours`);
    return consumer;
  }

  hasSource(source: MediaSource): boolean {
    return this.producersOf(source).length > 0;
  }

  producersOf(source: MediaSource): types.Producer<ProducerData>[] {
    return [...this.producers.values()].filter((producer) => producer.appData.source === source);
  }

  async connectTransport(transportId: string, dtlsParameters: WireObject): Promise<void> {
    const transport = this.anyTransport(transportId);
    await mediaCall(() => transport.connect({ dtlsParameters: dtlsParameters as types.DtlsParameters }));
    this.connection.connecting(transportId);
  }

  async restartIce(transportId: string): Promise<WireObject> {
    return asWire(await this.anyTransport(transportId).restartIce());
  }

  closeProducer(producerId: string): void {
    this.producer(producerId).close();
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    await this.consumer(consumerId).resume();
  }

  async setProducerPaused(producerId: string, paused: boolean): Promise<void> {
    const producer = this.producer(producerId);
    await (paused ? producer.pause() : producer.resume());
  }

  /** A tile scrolled out of view: stop forwarding to it (and back). */
  async setConsumerPaused(consumerId: string, paused: boolean): Promise<void> {
    const consumer = this.consumer(consumerId);
    await (paused ? consumer.pause() : consumer.resume());
  }

  /** Simulcast: the layer that fits the size the tile is shown at. */
  async setPreferredLayers(consumerId: string, spatialLayer: number, temporalLayer?: number): Promise<void> {
    const consumer = this.consumer(consumerId);
    if (consumer.type !== 'simulcast' && consumer.type !== 'svc') return;
    this.wantedLayers.set(consumerId, { spatialLayer, temporalLayer });
    await this.forwardLayers(consumer);
  }

  private downlinkChanged(transportId: string, thin: boolean): void {
    if (thin) this.thinTransports.add(transportId);
    else this.thinTransports.delete(transportId);
    for (const consumer of this.consumers.values()) {
      // A consumer closing meanwhile is no reason to stop the others.
      if (this.transportOfConsumer.get(consumer.id) === transportId)
        this.forwardLayers(consumer).catch(() => undefined);
    }
  }

  /** Tells mediasoup the layers to forward: what the tile wants, held down while its link is thin. */
  private async forwardLayers(consumer: types.Consumer): Promise<void> {
    if ((consumer.type !== 'simulcast' && consumer.type !== 'svc') || consumer.closed) return;
    const wanted = this.wantedLayers.get(consumer.id) ?? { spatialLayer: spatialLayersOf(consumer) - 1 };
    const thin = this.thinTransports.has(this.transportOfConsumer.get(consumer.id) ?? '');
    await consumer.setPreferredLayers({ ...wanted, spatialLayer: forwardedLayer(wanted.spatialLayer, thin) });
  }

  /**
   * A chair mutes this person (their mic is paused at the server, they can unmute) or stops their
   * camera or screen share (closed). Returns what changed.
   */
  async moderate(
    action: ModerationAction,
  ): Promise<{ paused: types.Producer<ProducerData>[]; closed: types.Producer<ProducerData>[] }> {
    if (action === 'mute') {
      const mics = this.producersOf('mic').filter((producer) => !producer.paused);
      await Promise.all(mics.map((producer) => producer.pause()));
      return { paused: mics, closed: [] };
    }
    const producers = this.producersOf(action === 'stopCamera' ? 'camera' : 'screen');
    for (const producer of producers) producer.close();
    return { paused: [], closed: producers };
  }

  close(): void {
    this.connection.close();
    for (const transport of this.transports.values()) transport.close();
  }
}

/** How many spatial layers a simulcast or SVC consumer forwards from (its scalability mode, `S3T1` → 3). */
function spatialLayersOf(consumer: types.Consumer): number {
  const mode = consumer.rtpParameters.encodings?.[0]?.scalabilityMode ?? '';
  return Number(/^[LS](\d+)/u.exec(mode)?.[1] ?? 1);
}
