import {
  Command,
  type MediaId,
  type MediaSource,
  type ParticipantId,
  type ProducerInfo,
  type WireObject,
} from '@plenary/shared';
import { Connection, type ConnectionOptions, type TransportLink } from './connection.ts';
import { type ReceivedMedia, Receiving, type ReceivingOptions } from './receiving.ts';
import { Sending, type SendingOptions } from './sending.ts';
import type { MediaLink } from './transportHealth.ts';

export { MediaSessionClosed } from './connection.ts';
export type { MediaLink, ReceivedMedia };

export type MediaSessionOptions = ConnectionOptions & SendingOptions & ReceivingOptions;

/**
 * The mediasoup-client side of one room's media: a `Connection` (device, transports, their
 * health), what it sends and what it receives. It holds objects the store must not (transports,
 * producers, consumers, tracks); it publishes tracks to the `TrackRegistry` and reports nothing else
 * to React. One instance per media connection: to reconnect, close it and start a new one.
 */
export class MediaSession {
  readonly #connection: Connection;
  readonly #sending: Sending;
  readonly #receiving: Receiving;
  readonly #request: MediaSessionOptions['request'];

  constructor(options: MediaSessionOptions) {
    this.#request = options.request;
    this.#connection = new Connection(options);
    this.#sending = new Sending(this.#connection, options);
    this.#receiving = new Receiving(this.#connection, options);
  }

  get closed(): boolean {
    return this.#connection.closed;
  }

  /** Whether a TURN server was handed out for this build. */
  get relayAvailable(): boolean {
    return this.#connection.relayAvailable;
  }

  sampleLinks(): Promise<TransportLink[]> {
    return this.#connection.sampleLinks();
  }

  /** Loads the device and creates both transports; everything else waits for this. */
  start(routerRtpCapabilities: WireObject): Promise<void> {
    return this.#connection.start(routerRtpCapabilities);
  }

  // ---- sending: see `Sending` ----------------------------------------------------------------

  hasProducer(source: MediaSource): boolean {
    return this.#sending.has(source);
  }

  publish(source: MediaSource, track: MediaStreamTrack): Promise<void> {
    return this.#sending.publish(source, track);
  }

  setPaused(source: MediaSource, paused: boolean): Promise<void> {
    return this.#sending.setPaused(source, paused);
  }

  replaceTrack(source: Exclude<MediaSource, 'screen'>, track: MediaStreamTrack): Promise<void> {
    return this.#sending.replaceTrack(source, track);
  }

  unpublish(source: MediaSource): Promise<void> {
    return this.#sending.unpublish(source);
  }

  /** How many of our own tracks are being sent. */
  get sendingCount(): number {
    return this.#sending.count;
  }

  // ---- receiving: see `Receiving` ------------------------------------------------------------

  consume(producer: ProducerInfo): Promise<void> {
    return this.#receiving.consume(producer);
  }

  refreshReceiving(): void {
    this.#receiving.refresh();
  }

  dropProducer(producerId: MediaId): void {
    this.#receiving.dropProducer(producerId);
  }

  closeConsumer(consumerId: MediaId): void {
    this.#receiving.closeConsumer(consumerId);
  }

  producerOf(consumerId: MediaId): MediaId | undefined {
    return this.#receiving.producerOf(consumerId);
  }

  dropParticipant(participantId: ParticipantId): void {
    this.#receiving.dropParticipant(participantId);
  }

  /** How many producers are being received; for tests and diagnostics. */
  get receivingCount(): number {
    return this.#receiving.count;
  }

  // ---- teardown ------------------------------------------------------------------------------

  /**
   * Closes everything locally, then asks the server to close what we were sending, for a rebuild in
   * the same room: others stop receiving the dead producers, and the new ones are not refused as a
   * second mic or camera.
   */
  async closeAndRelease(): Promise<void> {
    const producerIds = this.#sending.producerIds();
    this.close();
    await Promise.all(producerIds.map((producerId) => this.#request(Command.mediaCloseProducer, { producerId })));
  }

  /** Closes everything locally. The server closes its side when told (leave) or already has (reconnect). */
  close(): void {
    this.#connection.close();
  }
}
