import { randomUUID } from 'node:crypto';
import { assertNever } from '../../domain/result.ts';
import type { Logger } from '../../logger.ts';
import { KeyedSerialQueue } from '../../sessions/serialQueue.ts';
import type { LinkableRoom, RoomLinks } from '../links.ts';
import type { TransportSettings } from '../transports.ts';
import type { MediaBus } from './bus.ts';
import { type DirectMessage, type MeshMessage, parseMeshMessage } from './messages.ts';
import { type LinkInfo, type LinkMessage, RoomLink } from './roomLink.ts';

export interface MediaMeshOptions {
  bus: MediaBus;
  /** where this node's ends of links listen (PLENARY_RTC_LISTEN_IP / ANNOUNCED_IP, the RTC port range) */
  settings: TransportSettings;
  logger: Logger;
  /** how often this node says which rooms it has people in */
  heartbeatMs: number;
  /** a node not heard from for this long is gone; default three heartbeats and a second */
  nodeTimeoutMs?: number;
  /** default: a random id for this process */
  nodeId?: string;
}

interface RemoteNode {
  rooms: Set<string>;
  lastSeen: number;
}

/**
 * This node's media among the other nodes serving the same workshops. Each node says, on every
 * heartbeat, which rooms it has people in; for each room two nodes share, the one whose id sorts
 * first opens a RoomLink and offers its end, the other answers with its own, and each then offers
 * its producers over it. A node that says bye, or whose heartbeat stops, has its links closed.
 * What happens to one link (a room, another node) happens one step at a time, in order.
 */
export class MediaMesh implements RoomLinks {
  readonly nodeId: string;
  private readonly hosted = new Map<string, LinkableRoom>();
  private readonly nodes = new Map<string, RemoteNode>();
  /** by `linkKey(room, node)`: the one link of a room with a node */
  private readonly links = new Map<string, RoomLink>();
  private readonly steps = new KeyedSerialQueue<string>();
  private heartbeat: NodeJS.Timeout | undefined;
  private announcing = false;
  private closed = false;

  private constructor(private readonly options: MediaMeshOptions) {
    this.nodeId = options.nodeId ?? randomUUID();
  }

  static async start(options: MediaMeshOptions): Promise<MediaMesh> {
    const mesh = new MediaMesh(options);
    await options.bus.start(mesh.nodeId, (raw) => mesh.receive(raw));
    mesh.heartbeat = setInterval(() => mesh.beat(), options.heartbeatMs);
    mesh.heartbeat.unref();
    mesh.announce();
    options.logger.info({ nodeId: mesh.nodeId }, 'media mesh started');
    return mesh;
  }

  hosting(room: LinkableRoom): void {
    if (this.closed) return;
    this.hosted.set(room.key, room);
    this.announce();
    for (const [node, remote] of this.nodes) if (remote.rooms.has(room.key)) this.ensureLink(room.key, node);
  }

  vacated(room: LinkableRoom): void {
    if (this.hosted.get(room.key) !== room) return;
    this.hosted.delete(room.key);
    for (const link of this.links.values()) if (link.room === room) link.close(true);
    this.announce();
  }

  /** The links open now, for tests and metrics. */
  linkInfo(): LinkInfo[] {
    return [...this.links.values()].map((link) => link.info());
  }

  /** RTP packets per producer through each link (by link id), sent and received. */
  async linkPackets(): Promise<Record<string, Awaited<ReturnType<RoomLink['packetCounts']>>>> {
    const counts: Record<string, Awaited<ReturnType<RoomLink['packetCounts']>>> = {};
    for (const link of this.links.values()) counts[link.id] = await link.packetCounts();
    return counts;
  }

  /** The other nodes heard from. */
  knownNodes(): string[] {
    return [...this.nodes.keys()];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    // The bye closes the other ends; each side then closes its own.
    await this.publish({ type: 'bye', from: this.nodeId });
    for (const link of this.links.values()) link.close(false);
    this.links.clear();
    await this.options.bus.close();
  }

  private get nodeTimeoutMs(): number {
    return this.options.nodeTimeoutMs ?? this.options.heartbeatMs * 3 + 1_000;
  }

  private beat(): void {
    this.announce();
    const now = Date.now();
    for (const [node, remote] of this.nodes) {
      if (now - remote.lastSeen > this.nodeTimeoutMs) this.dropNode(node, 'its heartbeat stopped');
    }
    // An offer lost on the way (the other node was not listening yet): try again.
    for (const link of this.links.values()) {
      if (!link.isConnected && now - link.openedAt > this.nodeTimeoutMs) link.close(true);
    }
    for (const [node, remote] of this.nodes) for (const room of remote.rooms) this.ensureLink(room, node);
  }

  /** Says which rooms this node has people in, once per turn of the event loop however often asked. */
  private announce(): void {
    if (this.announcing || this.closed) return;
    this.announcing = true;
    setImmediate(() => {
      this.announcing = false;
      if (!this.closed) void this.publish({ type: 'presence', from: this.nodeId, rooms: [...this.hosted.keys()] });
    });
  }

  private receive(raw: string): void {
    const parsed = parseMeshMessage(raw);
    if (!parsed.ok) {
      this.options.logger.warn({ reason: parsed.reason }, 'media mesh: message refused');
      return;
    }
    const message = parsed.message;
    if (message.from === this.nodeId || this.closed) return;
    if ('to' in message && message.to !== this.nodeId) return;
    this.handle(message);
  }

  private handle(message: MeshMessage): void {
    const { from } = message;
    switch (message.type) {
      case 'presence':
        this.heard(from, message.rooms);
        break;
      case 'bye':
        this.dropNode(from, 'it said bye');
        break;
      case 'linkOffer':
        this.touch(from).rooms.add(message.room);
        this.step(linkKey(message.room, from), () => this.answer(message));
        break;
      case 'linkAnswer':
        this.onLink(message, (link) => link.connect(message.endpoint));
        break;
      case 'linkClosed':
        this.onLink(message, (link) => link.close(false));
        break;
      case 'producerOffered':
        this.onLink(message, (link) => link.accept(message.producer));
        break;
      case 'producerPaused':
        this.onLink(message, (link) => link.setRemotePaused(message.producerId, message.paused));
        break;
      case 'producerClosed':
        this.onLink(message, (link) => link.closeRemote(message.producerId));
        break;
      default:
        assertNever(message);
    }
  }

  private touch(node: string): RemoteNode {
    let remote = this.nodes.get(node);
    if (!remote) {
      remote = { rooms: new Set(), lastSeen: Date.now() };
      this.nodes.set(node, remote);
      // A node that just appeared learns of this one now rather than at the next heartbeat.
      this.announce();
    }
    remote.lastSeen = Date.now();
    return remote;
  }

  private heard(node: string, rooms: string[]): void {
    const remote = this.touch(node);
    remote.rooms = new Set(rooms);
    for (const link of this.links.values()) {
      if (link.remoteNode === node && !remote.rooms.has(link.room.key)) link.close(false);
    }
    for (const room of rooms) this.ensureLink(room, node);
  }

  private dropNode(node: string, reason: string): void {
    if (!this.nodes.delete(node)) return;
    const closing = [...this.links.values()].filter((link) => link.remoteNode === node);
    for (const link of closing) link.close(false);
    this.options.logger.warn({ node, reason, links: closing.length }, 'media node gone; its links closed');
  }

  /** For a room both nodes have people in, the node whose id sorts first opens the link. */
  private ensureLink(room: string, node: string): void {
    if (this.nodeId > node || !this.hosted.has(room) || this.links.has(linkKey(room, node))) return;
    this.step(linkKey(room, node), async () => {
      const local = this.hosted.get(room);
      if (!local || !this.nodes.get(node)?.rooms.has(room) || this.links.has(linkKey(room, node))) return;
      const link = await this.open(randomUUID(), local, node);
      this.send(node, { type: 'linkOffer', room, linkId: link.id, endpoint: link.endpoint });
    });
  }

  private async answer(offer: Extract<MeshMessage, { type: 'linkOffer' }>): Promise<void> {
    const room = this.hosted.get(offer.room);
    if (!room) {
      this.send(offer.from, { type: 'linkClosed', linkId: offer.linkId });
      return;
    }
    // A new offer replaces the link the other node had before (it closed its end of that one).
    this.links.get(linkKey(offer.room, offer.from))?.close(false);
    const link = await this.open(offer.linkId, room, offer.from);
    this.send(offer.from, { type: 'linkAnswer', linkId: link.id, endpoint: link.endpoint });
    await link.connect(offer.endpoint);
  }

  private async open(id: string, room: LinkableRoom, node: string): Promise<RoomLink> {
    const key = linkKey(room.key, node);
    const link = await RoomLink.open(
      id,
      room,
      node,
      this.options.settings,
      (message) => this.send(node, message),
      (closed) => {
        if (this.links.get(key) === closed) this.links.delete(key);
      },
      this.options.logger,
    );
    // The room emptied, the node went, or this node is closing while the transport was being made.
    if (this.closed || this.hosted.get(room.key) !== room || !this.nodes.has(node)) {
      link.close(false);
      throw new Error('the link is no longer wanted');
    }
    this.links.get(key)?.close(false);
    this.links.set(key, link);
    this.options.logger.info({ room: room.key, node, linkId: id }, 'media link opened');
    return link;
  }

  /** Runs `act` on the link a message names, in that link's order; ignores links it does not know. */
  private onLink(message: DirectMessage & { linkId: string }, act: (link: RoomLink) => unknown): void {
    this.touch(message.from);
    const link = [...this.links.values()].find((candidate) => candidate.id === message.linkId);
    if (!link || link.remoteNode !== message.from) return;
    this.step(linkKey(link.room.key, link.remoteNode), async () => {
      if (!link.isClosed) await act(link);
    });
  }

  private step(key: string, task: () => Promise<unknown> | unknown): void {
    void this.steps.run(key, task).catch((error: unknown) => {
      if (!this.closed) this.options.logger.warn({ err: error, link: key }, 'media mesh step failed');
    });
  }

  private send(to: string, message: LinkMessage): void {
    void this.publish({ ...message, from: this.nodeId, to } as DirectMessage);
  }

  private async publish(message: MeshMessage): Promise<void> {
    try {
      await this.options.bus.publish(message);
    } catch (error) {
      this.options.logger.warn({ err: error, type: message.type }, 'media mesh: could not publish');
    }
  }
}

const linkKey = (room: string, node: string): string => `${room}\n${node}`;
