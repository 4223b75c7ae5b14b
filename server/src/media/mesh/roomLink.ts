import type { types } from 'mediasoup';
import type { Logger } from '../../logger.ts';
import type { LinkableRoom } from '../links.ts';
import type { ProducerData } from '../mediaPeer.ts';
import type { TransportSettings } from '../transports.ts';
import type { DirectMessage, Endpoint, OfferedProducer } from './messages.ts';

/** A message of this link, before the mesh adds who it is from and to. */
export type LinkMessage = DistributiveOmit<DirectMessage, 'from' | 'to'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface LinkInfo {
  id: string;
  room: string;
  remoteNode: string;
  connected: boolean;
  /** this end's SRTP parameters (the other end has its own) */
  srtp: types.SrtpParameters | undefined;
  /** producers of this node sent over the link, and of the other node received */
  sent: number;
  received: number;
}

/**
 * One room's media between this node and one other, over a PipeTransport on each side with SRTP
 * (the RTP crosses a network between hosts) and NACK/RTX (so a lost packet is sent again rather
 * than frozen video). Each side offers the producers that started on its node: it consumes them
 * into its transport and the other side makes a producer of the same id on its own, so the room
 * has one id per producer on every node. Pause, resume and close follow as messages.
 */
export class RoomLink {
  private readonly sent = new Map<string, types.Consumer>();
  private readonly received = new Map<string, types.Producer<ProducerData>>();
  readonly openedAt = Date.now();
  private stopWatching: (() => void) | undefined;
  private connected = false;
  private closed = false;

  private constructor(
    readonly id: string,
    readonly room: LinkableRoom,
    readonly remoteNode: string,
    private readonly transport: types.PipeTransport,
    private readonly send: (message: LinkMessage) => void,
    private readonly logger: Logger,
  ) {}

  /** This node's end; `onClosed` hears when it closes for any reason (the room's router closing too). */
  static async open(
    id: string,
    room: LinkableRoom,
    remoteNode: string,
    settings: TransportSettings,
    send: (message: LinkMessage) => void,
    onClosed: (link: RoomLink) => void,
    logger: Logger,
  ): Promise<RoomLink> {
    const { listenIp, announcedIp, minPort, maxPort } = settings;
    const transport = await room.linkRouter.createPipeTransport({
      listenInfo: {
        protocol: 'udp',
        ip: listenIp,
        announcedAddress: announcedIp,
        portRange: { min: minPort, max: maxPort },
      },
      enableSrtp: true,
      enableRtx: true,
    });
    const link = new RoomLink(id, room, remoteNode, transport, send, logger.child({ linkId: id, remoteNode }));
    transport.observer.once('close', () => {
      // Closed underneath (the room's router closed, its worker died): the other end must go too,
      // so that a new link can replace this one.
      if (!link.closed) send({ type: 'linkClosed', linkId: id });
      link.closed = true;
      link.stopWatching?.();
      onClosed(link);
    });
    return link;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  get endpoint(): Endpoint {
    const { srtpParameters, tuple } = this.transport;
    if (!srtpParameters) throw new Error('a media link without SRTP');
    return { ip: tuple.localAddress, port: tuple.localPort, srtp: srtpParameters };
  }

  info(): LinkInfo {
    return {
      id: this.id,
      room: this.room.key,
      remoteNode: this.remoteNode,
      connected: this.connected,
      srtp: this.transport.srtpParameters,
      sent: this.sent.size,
      received: this.received.size,
    };
  }

  /** RTP packets per producer, as mediasoup counts them: sent into the link, and received from it. */
  async packetCounts(): Promise<{ sent: Record<string, number>; received: Record<string, number> }> {
    const count = async (
      objects: Map<string, types.Consumer | types.Producer>,
      type: 'outbound-rtp' | 'inbound-rtp',
    ): Promise<Record<string, number>> => {
      const counts: Record<string, number> = {};
      for (const [producerId, object] of objects) {
        const stats = (await object.getStats()) as Array<{ type: string; packetCount?: number }>;
        counts[producerId] = stats.reduce((sum, stat) => sum + (stat.type === type ? (stat.packetCount ?? 0) : 0), 0);
      }
      return counts;
    };
    return { sent: await count(this.sent, 'outbound-rtp'), received: await count(this.received, 'inbound-rtp') };
  }

  /** Points this end at the other's, then offers this node's producers, now and as they come. */
  async connect(remote: Endpoint): Promise<void> {
    if (this.closed || this.connected) return;
    await this.transport.connect({ ip: remote.ip, port: remote.port, srtpParameters: remote.srtp });
    this.connected = true;
    this.stopWatching = this.room.watchLocalProducers((producer) => {
      this.offer(producer).catch((error: unknown) => {
        if (!this.closed && !producer.closed) this.logger.warn({ err: error }, 'could not offer a producer');
      });
    });
  }

  /** A producer the other node offered becomes a producer of the same id in this node's room. */
  async accept(offered: OfferedProducer): Promise<void> {
    if (this.closed || this.received.has(offered.id)) return;
    const producer = await this.transport.produce<ProducerData>({
      id: offered.id,
      kind: offered.kind,
      rtpParameters: offered.rtpParameters as types.RtpParameters,
      paused: offered.paused,
      appData: {
        participantId: offered.participantId as ProducerData['participantId'],
        source: offered.source,
        transportId: this.transport.id,
      },
    });
    this.received.set(producer.id, producer);
    producer.observer.once('close', () => this.received.delete(producer.id));
    await this.room.adoptRemote(producer);
  }

  async setRemotePaused(producerId: string, paused: boolean): Promise<void> {
    const producer = this.received.get(producerId);
    if (producer) await (paused ? producer.pause() : producer.resume());
  }

  closeRemote(producerId: string): void {
    this.received.get(producerId)?.close();
  }

  /** Closes this end (and what was received through it); `notify` tells the other node to do the same. */
  close(notify: boolean): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatching?.();
    this.transport.close();
    if (notify) this.send({ type: 'linkClosed', linkId: this.id });
  }

  private async offer(producer: types.Producer<ProducerData>): Promise<void> {
    if (this.closed || this.sent.has(producer.id)) return;
    const consumer = await this.transport.consume({ producerId: producer.id });
    // Reported twice meanwhile, or gone: one consumer per producer, none for a closed one.
    if (this.sent.has(producer.id) || this.closed || consumer.closed) {
      consumer.close();
      return;
    }
    this.sent.set(producer.id, consumer);
    const producerId = producer.id;
    consumer.observer.on('pause', () =>
      this.send({ type: 'producerPaused', linkId: this.id, producerId, paused: true }),
    );
    consumer.observer.on('resume', () =>
      this.send({ type: 'producerPaused', linkId: this.id, producerId, paused: false }),
    );
    consumer.observer.once('close', () => {
      this.sent.delete(producerId);
      if (!this.closed) this.send({ type: 'producerClosed', linkId: this.id, producerId });
    });
    this.send({
      type: 'producerOffered',
      linkId: this.id,
      producer: {
        id: producerId,
        kind: consumer.kind,
        rtpParameters: consumer.rtpParameters as unknown as OfferedProducer['rtpParameters'],
        paused: consumer.producerPaused,
        participantId: producer.appData.participantId,
        source: producer.appData.source,
      },
    });
  }
}
