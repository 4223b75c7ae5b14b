import type { ProducerInfo, RoomId, WireObject } from '@plenary/shared';
import { RequestFailed } from '../net/request.ts';
import { keepSpeakingToAllRooms } from './chairMedia.ts';
import { messageOf } from './connection.ts';
import { ConnectWatch } from './connectWatch.ts';
import { LinkMonitor } from './linkMonitor.ts';
import { isObserver, type MediaContext, type MediaControllerDeps } from './mediaContext.ts';
import { type MediaLink, MediaSession, MediaSessionClosed } from './mediaSession.ts';
import type { MediaStatus } from './mediaStatus.ts';
import { captureWanted, localTrackEnded, publish } from './micCamera.ts';
import { RoomSwitchTimer } from './roomSwitch.ts';
import { publishScreen } from './screenShare.ts';
import type { SourceKeeper } from './sourceKeeper.ts';
import { decideReceiving, type ViewRegistry } from './tileViews.ts';

/**
 * This tab's media in its current room: enters a room, suspends, rebuilds; owns the one step queue
 * every media step runs in (see the flow described in `mediaController.ts`).
 */
export class RoomMedia {
  readonly ctx: MediaContext;
  readonly #deps: MediaControllerDeps;
  readonly #status: MediaStatus;
  readonly #views: ViewRegistry;
  readonly #switch: RoomSwitchTimer;
  #routerRtpCapabilities: WireObject | null = null;
  #roomId: RoomId | null = null;
  #media: MediaSession | null = null;
  readonly #watch: ConnectWatch;
  #monitor: LinkMonitor | null = null;
  /** Media work (builds, rebuilds, toggles) runs one step at a time, in order. */
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(deps: MediaControllerDeps, status: MediaStatus, sources: SourceKeeper, views: ViewRegistry) {
    this.#deps = deps;
    this.#status = status;
    this.#views = views;
    this.#switch = new RoomSwitchTimer(deps.timeline);
    this.ctx = { deps, status, sources, room: this };
    this.#watch = new ConnectWatch({
      rebuildRelayOnly: () =>
        void this.enqueue(() => this.#rebuild('direct media did not get through: relay only', { release: true })),
      tellBlocked: () =>
        status.notify('link', 'alert', { key: this.#watch.relayOnly ? 'link.blockedRelay' : 'link.blocked' }),
      connected: (relayOnly) =>
        relayOnly ? status.notify('link', 'status', { key: 'link.relayed' }) : status.clear('link'),
    });
  }

  /** The room's media while it is open; null between rooms, while rebuilding, and in the lobby. */
  get media(): MediaSession | null {
    return this.#media?.closed ? null : this.#media;
  }

  get roomId(): RoomId | null {
    return this.#roomId;
  }

  /** In a room with media (not the lobby). */
  get inRoom(): boolean {
    return this.#routerRtpCapabilities !== null;
  }

  get closed(): boolean {
    return this.#closed;
  }

  enter(routerRtpCapabilities: WireObject | null, { switching = false } = {}): Promise<void> {
    // Closed at once, so facts of the new room aren't consumed on the old room's transports.
    this.suspend();
    const { sources } = this.ctx;
    const roomId = this.#deps.store.getState().roomId;
    if (roomId !== this.#roomId) {
      sources.apply({ type: 'movedRoom' });
      this.#watch.reset();
      this.#status.clear('link');
    }
    this.#roomId = roomId;
    this.#routerRtpCapabilities = routerRtpCapabilities;
    this.#status.clearReconnecting();
    if (switching && routerRtpCapabilities) this.#switch.start(roomId);
    else this.#switch.cancel();
    if (!routerRtpCapabilities) {
      // In the lobby, nothing is sent: the devices are let go (their lights go off).
      sources.apply({ type: 'releasedAll' });
      return this.#queue;
    }
    return this.enqueue(() => this.#connect());
  }

  suspend(): void {
    this.#monitor?.close();
    this.#monitor = null;
    this.#media?.close();
    this.#media = null;
    this.#deps.tracks.clear();
  }

  close(): void {
    this.#closed = true;
    this.#switch.cancel();
    this.#watch.close();
    this.suspend();
    this.ctx.sources.apply({ type: 'releasedAll' });
  }

  enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(() => (this.#closed ? undefined : step()));
    this.#queue = run.catch((error: unknown) => console.error('[plenary] media step failed', error));
    return this.#queue;
  }

  /** The room moved to another router: its capabilities are the ones to load from now on. */
  reconnectRequired(routerRtpCapabilities: WireObject, reason: string): void {
    this.#routerRtpCapabilities = routerRtpCapabilities;
    void this.enqueue(() => this.#rebuild(reason, { release: false }));
  }

  refreshReceiving(): void {
    this.#media?.refreshReceiving();
  }

  consume(media: MediaSession, producer: ProducerInfo): void {
    media.consume(producer).catch((error: unknown) => {
      if (media.closed || error instanceof MediaSessionClosed) return;
      // Closed before we got to it (its `producerClosed` is on the way): nothing to tell anyone.
      if (error instanceof RequestFailed && error.code === 'not_found') return;
      console.warn('[plenary] could not receive a producer', { producerId: producer.producerId, error });
      const name = this.#deps.store.getState().peers[producer.participantId]?.displayName ?? {
        key: 'media.someone' as const,
      };
      this.#status.notify('media', 'status', { key: `media.receiveFailed_${producer.kind}`, values: { name } });
    });
  }

  /** Builds media from scratch: device, transports, everything the others offer, then our own sources. */
  async #connect(): Promise<void> {
    const { store, tracks } = this.#deps;
    const { sources } = this.ctx;
    const selfId = store.getState().selfId;
    const capabilities = this.#routerRtpCapabilities;
    if (!selfId || !capabilities || this.#media) return;
    const media: MediaSession = new MediaSession({
      request: this.#deps.request,
      tracks,
      selfId,
      createDevice: this.#deps.createDevice,
      iceRestartTimeoutMs: this.#deps.iceRestartTimeoutMs,
      relayOnly: this.#watch.relayOnly,
      onTransportState: (state) => {
        if (this.#media === media && state === 'connecting') this.#watch.connecting();
      },
      decideReceiving: ({ participantId, source, kind }) =>
        decideReceiving(kind, source, this.#views.viewsOf(participantId, source)),
      onFailure: (reason) => {
        if (this.#media === media) void this.enqueue(() => this.#rebuild(reason, { release: true }));
      },
      onLinkChange: (link) => {
        if (this.#media === media) this.#onLinkChange(link);
      },
      onRemoteMediaFlowing: () => {
        if (this.#media === media) this.#switch.finish('remote-media');
      },
      onLocalTrackEnded: (source) => {
        if (this.#media === media) localTrackEnded(this.ctx, source);
      },
    });
    this.#media = media;
    const sends = !isObserver(store.getState());
    sources.apply({ type: 'entering', sends });
    const want = (['mic', 'camera'] as const).filter((source) => sources.of(source).status === 'starting');
    try {
      await media.start(capabilities);
    } catch (error) {
      if (media.closed) return;
      sources.apply({ type: 'connectFailed' });
      this.#status.notify('media', 'alert', { key: 'media.connectFailed', values: { detail: messageOf(error) } });
      return;
    }
    this.#watch.building(media.relayAvailable);
    this.#watchLink(media);
    for (const producer of Object.values(store.getState().producers)) this.consume(media, producer);
    const screen = sources.of('screen').track;
    if (want.length === 0 && !screen && this.#nobodyToWaitFor()) {
      // Nothing to send and nobody to hear: there is nothing to wait for.
      this.#switch.finish('ready-alone');
      this.#status.clearReconnecting();
    } else if (!this.#status.reconnecting) this.#status.clear('media');

    if (!(await captureWanted(this.ctx, want)) || media.closed) return;
    await Promise.all([
      ...want.map((source) => publish(this.ctx, media, source)),
      screen ? publishScreen(this.ctx, media, screen) : undefined,
    ]);
    if (media.closed) return;
    if (media.sendingCount === 0 && this.#nobodyToWaitFor()) {
      // No device could be started and nobody sends: no transport will connect to say we are back.
      this.#switch.finish('ready-alone');
      this.#status.clearReconnecting();
    }
    if (media.hasProducer('mic')) await keepSpeakingToAllRooms(this.#deps.request, store);
  }

  /**
   * Closes this room's media and builds it again. `release`: we are still in the room on the
   * server, so our old producers must be closed there first (others drop them; ours are not refused).
   */
  async #rebuild(reason: string, { release }: { release: boolean }): Promise<void> {
    console.warn('[plenary] rebuilding media', { reason });
    const old = this.#media;
    this.#media = null;
    this.#deps.tracks.clear();
    this.#status.showReconnecting();
    if (old) {
      if (release) await old.closeAndRelease().catch(() => undefined);
      else old.close();
    }
    await this.#connect();
  }

  #onLinkChange(link: MediaLink): void {
    if (link === 'reconnecting') {
      this.#status.showReconnecting();
      return;
    }
    this.#watch.connected();
    this.#status.clearReconnecting();
    if (this.#nobodyToWaitFor()) this.#switch.finish('connected-alone');
  }

  #watchLink(media: MediaSession): void {
    this.#monitor?.close();
    this.#monitor = new LinkMonitor({
      store: this.#deps.store,
      request: this.#deps.request,
      sample: () => media.sampleLinks(),
      onPoor: () => this.#status.notify('link', 'status', { key: 'link.poorVideo' }),
    });
  }

  /** Alone in the room: nobody else is in it, and nothing is heard from elsewhere either. */
  #nobodyToWaitFor(): boolean {
    const { peers, producers, selfId } = this.#deps.store.getState();
    return Object.keys(peers).every((id) => id === selfId) && !Object.values(producers).some(isFlowing);
  }
}

/** A producer that is sending: something to wait for when measuring a room switch. */
const isFlowing = (producer: ProducerInfo) => !producer.paused;
