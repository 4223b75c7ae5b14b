import type { MediaSource, ParticipantId } from '@plenary/shared';
import type { types } from 'mediasoup';
import { CommandError } from '../errors.ts';

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

  constructor(readonly participantId: ParticipantId) {}

  canAddTransport(): boolean {
    return this.transports.size < MAX_TRANSPORTS;
  }

  addTransport(transport: types.WebRtcTransport<TransportData>): void {
    this.transports.set(transport.id, transport);
    transport.observer.once('close', () => this.transports.delete(transport.id));
  }

  addProducer(producer: types.Producer<ProducerData>): void {
    this.producers.set(producer.id, producer);
    producer.observer.once('close', () => this.producers.delete(producer.id));
  }

  addConsumer(consumer: types.Consumer): void {
    this.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => this.consumers.delete(consumer.id));
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

  close(): void {
    for (const transport of this.transports.values()) transport.close();
  }
}
