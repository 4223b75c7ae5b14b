import { Command, Fact, PROTOCOL_VERSION, type ProducerInfo, type WireObject } from '@plenary/shared';
import type { Device } from 'mediasoup-client';
import { assertNever } from '../lib/assertNever.ts';
import { type AcquiredMedia, acquireLocalMedia, type LocalSource } from '../media/localMedia.ts';
import { MediaSession, MediaSessionClosed } from '../media/mediaSession.ts';
import type { TrackRegistry } from '../media/tracks.ts';
import { bindFacts, type FactEvent } from '../net/facts.ts';
import { ackChannel, createRequester, type Requester, RequestFailed } from '../net/request.ts';
import { connectSocket, type PlenarySocket } from '../net/socket.ts';
import { applyFact, connectionLost, joined, joinFailed, joinStarted, left } from '../stores/room.ts';
import type { LocalSourceStatus } from '../stores/slices/localMedia.ts';
import { type Notice, type NoticeTopic, withNotice, withoutNotice } from '../stores/slices/notices.ts';
import type { AppState, AppStore } from '../stores/state.ts';

export interface RoomSessionDeps {
  store: AppStore;
  tracks: TrackRegistry;
  socket: PlenarySocket;
  requestTimeoutMs?: number;
  /** For tests: mediasoup-client's FakeHandler instead of the browser's WebRTC. */
  createDevice?: () => Promise<Device>;
  /** For tests: tracks without a camera. */
  acquire?: (want: LocalSource[]) => Promise<AcquiredMedia>;
  /** Called once when the session is over (left, refused, or ended by the server). */
  onEnded?: () => void;
}

/** What the person asked for, kept across media rebuilds; the store shows what is actually happening. */
interface Intent {
  mic: 'on' | 'muted' | 'off';
  camera: 'on' | 'off';
}

const LEAVE_TIMEOUT_MS = 3_000;

/**
 * One visit to the room, from pressing Join to leaving: owns the socket, the fact binding and the
 * media session, and turns what happens on them into store transitions. UI code never touches
 * it directly; it calls the functions in `session/actions.ts`.
 */
export class RoomSession {
  readonly #deps: RoomSessionDeps;
  readonly #request: Requester;
  #displayName = '';
  #routerRtpCapabilities: WireObject | null = null;
  #media: MediaSession | null = null;
  /** Media work (builds, rebuilds, toggles) runs one step at a time, in order. */
  #mediaQueue: Promise<void> = Promise.resolve();
  /** Facts that arrive before the join answer is applied wait here, then replay in order. */
  #pendingFacts: FactEvent[] | null = null;
  #unbindFacts: (() => void) | null = null;
  #intent: Intent = { mic: 'on', camera: 'on' };
  #ended = false;

  constructor(deps: RoomSessionDeps) {
    this.#deps = deps;
    this.#request = createRequester(ackChannel(deps.socket), { timeoutMs: deps.requestTimeoutMs });
  }

  get ended(): boolean {
    return this.#ended;
  }

  async join(displayName: string): Promise<boolean> {
    const { socket, store } = this.#deps;
    this.#displayName = displayName;
    store.setState((state) => joinStarted(state, displayName));
    this.#unbindFacts = bindFacts(socket, (event) => this.#onFact(event));
    try {
      await connectSocket(socket);
    } catch {
      this.#end((state) => joinFailed(state, 'Cannot reach the Plenary server. Check your connection and try again.'));
      return false;
    }
    if (!(await this.#enter())) return false;
    socket.on('disconnect', (reason) => this.#onDisconnect(reason));
    socket.on('connect', () => void this.#onReconnect());
    void this.#enqueueMedia(() => this.#connectMedia());
    return true;
  }

  /** Sends the join and applies its snapshot; on refusal the session ends with the server's message. */
  async #enter(): Promise<boolean> {
    this.#pendingFacts = [];
    const reply = await this.#request(Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION,
      displayName: this.#displayName,
    });
    if (this.#ended) return false;
    if (!reply.ok) {
      this.#end((state) => joinFailed(state, reply.error.message));
      return false;
    }
    this.#routerRtpCapabilities = reply.data.routerRtpCapabilities;
    this.#deps.store.setState((state) => joined(state, reply.data));
    const pending = this.#pendingFacts;
    this.#pendingFacts = null;
    for (const event of pending) this.#onFact(event);
    return true;
  }

  async leave(): Promise<void> {
    if (this.#ended) return;
    // Camera light off and tiles gone at once; the server hears about it right after.
    this.#media?.close();
    const { socket } = this.#deps;
    const said = socket.connected
      ? createRequester(ackChannel(socket), { timeoutMs: LEAVE_TIMEOUT_MS })(Command.sessionLeave, {})
      : Promise.resolve(null);
    this.#end(left, { disconnect: false });
    await said;
    socket.disconnect();
  }

  toggleMic(): Promise<void> {
    return this.#enqueueMedia(async () => {
      const media = this.#media;
      if (!media || media.closed) return;
      const status = this.#deps.store.getState().localMedia.mic;
      if (status === 'live') {
        this.#intent.mic = 'muted';
        const pausing = media.setPaused('mic', true);
        // The producer is already paused locally: nothing more leaves this tab.
        this.#setLocal('mic', 'paused');
        await this.#attempt('media', 'The room could not be told that you muted', () => pausing);
      } else if (status === 'paused') {
        const ok = await this.#attempt('media', 'Could not unmute', () => media.setPaused('mic', false));
        if (ok) {
          this.#intent.mic = 'on';
          this.#setLocal('mic', 'live');
        }
      } else if (status === 'off') {
        this.#intent.mic = 'on';
        await this.#startSource(media, 'mic');
      }
    });
  }

  toggleCamera(): Promise<void> {
    return this.#enqueueMedia(async () => {
      const media = this.#media;
      if (!media || media.closed) return;
      const status = this.#deps.store.getState().localMedia.camera;
      if (status === 'live') {
        this.#intent.camera = 'off';
        const closing = media.unpublish('camera');
        this.#setLocal('camera', 'off');
        await this.#attempt('media', 'The room could not be told that your camera stopped', () => closing);
      } else if (status === 'off') {
        this.#intent.camera = 'on';
        await this.#startSource(media, 'camera');
      }
    });
  }

  // ---- facts ---------------------------------------------------------------------------------

  #onFact(event: FactEvent): void {
    if (this.#ended) return;
    if (this.#pendingFacts) {
      this.#pendingFacts.push(event);
      return;
    }
    this.#deps.store.setState((state) => applyFact(state, event));
    const media = this.#media;
    switch (event.name) {
      case Fact.peerJoined:
      case Fact.producerPausedChanged:
        break;
      case Fact.peerLeft:
        media?.dropParticipant(event.payload.participantId);
        break;
      case Fact.producerAdded:
        if (media) this.#consume(media, event.payload);
        break;
      case Fact.producerClosed:
        media?.dropProducer(event.payload.producerId);
        break;
      case Fact.consumerClosed:
        media?.closeConsumer(event.payload.consumerId);
        break;
      case Fact.mediaReconnectRequired:
        // The room moved to another router: its capabilities are the ones to load from now on.
        this.#routerRtpCapabilities = event.payload.routerRtpCapabilities;
        void this.#enqueueMedia(() => this.#reconnectMedia(event.payload.reason));
        break;
      default:
        assertNever(event);
    }
  }

  // ---- media ---------------------------------------------------------------------------------

  #enqueueMedia(step: () => Promise<void>): Promise<void> {
    const run = this.#mediaQueue.then(() => (this.#ended ? undefined : step()));
    this.#mediaQueue = run.catch((error: unknown) => console.error('[plenary] media step failed', error));
    return this.#mediaQueue;
  }

  /** Builds media from scratch: device, transports, everything the others offer, then our own mic and camera. */
  async #connectMedia(): Promise<void> {
    const { store, tracks } = this.#deps;
    const selfId = store.getState().selfId;
    if (!selfId || !this.#routerRtpCapabilities) return;
    const media = new MediaSession({
      request: this.#request,
      tracks,
      selfId,
      createDevice: this.#deps.createDevice,
      onFailure: (reason) => {
        if (this.#media === media) void this.#enqueueMedia(() => this.#reconnectMedia(reason));
      },
      onLocalTrackEnded: (source) => {
        if (this.#media !== media) return;
        this.#setLocal(source, 'off');
        this.#notify('devices', 'alert', `Your ${source === 'mic' ? 'microphone' : 'camera'} stopped.`);
      },
    });
    this.#media = media;
    this.#setLocal('mic', this.#intent.mic === 'off' ? 'off' : 'starting');
    this.#setLocal('camera', this.#intent.camera === 'off' ? 'off' : 'starting');
    try {
      await media.start(this.#routerRtpCapabilities);
    } catch (error) {
      if (media.closed) return;
      this.#setLocal('mic', 'off');
      this.#setLocal('camera', 'off');
      this.#notify('media', 'alert', `Audio and video could not be connected: ${messageOf(error)}`);
      return;
    }
    this.#clearNotice('media');
    for (const producer of Object.values(store.getState().producers)) this.#consume(media, producer);

    const want = (['mic', 'camera'] as const).filter((source) => this.#intent[source] !== 'off');
    const acquired = await (this.#deps.acquire ?? acquireLocalMedia)([...want]);
    if (media.closed) {
      for (const track of Object.values(acquired.tracks)) track.stop();
      return;
    }
    if (acquired.problem) this.#notify('devices', 'alert', acquired.problem);
    else this.#clearNotice('devices');
    await Promise.all(want.map((source) => this.#publish(media, source, acquired.tracks[source])));
  }

  async #reconnectMedia(reason?: string): Promise<void> {
    if (reason) console.warn('[plenary] rebuilding media', { reason });
    this.#media?.close();
    this.#media = null;
    this.#notify('media', 'status', 'Reconnecting audio and video…');
    await this.#connectMedia();
  }

  /** Turns a source on that has no producer: asks for the device, then sends it. */
  async #startSource(media: MediaSession, source: LocalSource): Promise<void> {
    this.#setLocal(source, 'starting');
    const acquired = await (this.#deps.acquire ?? acquireLocalMedia)([source]);
    if (media.closed) {
      for (const track of Object.values(acquired.tracks)) track.stop();
      return;
    }
    if (acquired.problem) this.#notify('devices', 'alert', acquired.problem);
    else this.#clearNotice('devices');
    await this.#publish(media, source, acquired.tracks[source]);
  }

  async #publish(media: MediaSession, source: LocalSource, track: MediaStreamTrack | undefined): Promise<void> {
    if (!track) {
      this.#setLocal(source, 'off');
      return;
    }
    const what = source === 'mic' ? 'microphone' : 'camera';
    const sent = await this.#attempt('media', `Your ${what} could not be sent to the room`, () =>
      media.publish(source, track),
    );
    if (media.closed) return;
    if (!sent) {
      this.#setLocal(source, 'off');
      return;
    }
    if (source === 'mic' && this.#intent.mic === 'muted') {
      const paused = await this.#attempt('media', 'Could not stay muted', () => media.setPaused('mic', true));
      this.#setLocal('mic', paused ? 'paused' : 'live');
      return;
    }
    this.#setLocal(source, 'live');
  }

  #consume(media: MediaSession, producer: ProducerInfo): void {
    media.consume(producer).catch((error: unknown) => {
      if (media.closed || error instanceof MediaSessionClosed) return;
      // Closed before we got to it (its `producerClosed` is on the way): nothing to tell anyone.
      if (error instanceof RequestFailed && error.code === 'not_found') return;
      console.warn('[plenary] could not receive a producer', { producerId: producer.producerId, error });
      const name = this.#deps.store.getState().peers[producer.participantId]?.displayName ?? 'someone';
      this.#notify('media', 'status', `Could not receive ${name}'s ${producer.kind}.`);
    });
  }

  // ---- connection ----------------------------------------------------------------------------

  #onDisconnect(reason: string): void {
    if (this.#ended || reason === 'io client disconnect') return;
    // The server drops our media with the socket; rebuild it after rejoining.
    this.#media?.close();
    this.#media = null;
    this.#deps.tracks.clear();
    if (reason === 'io server disconnect') {
      // socket.io does not reconnect after the server closed the connection on purpose.
      this.#end((state) => left(state, { topic: 'join', tone: 'alert', text: 'The server ended your session.' }));
      return;
    }
    this.#deps.store.setState(connectionLost);
  }

  /** After socket.io reconnected by itself: join again and rebuild media as the person had it. */
  async #onReconnect(): Promise<void> {
    if (this.#ended) return;
    if (await this.#enter()) void this.#enqueueMedia(() => this.#connectMedia());
  }

  /** Tears everything down and moves the store with `next`; idempotent. */
  #end(next: (state: AppState) => AppState, { disconnect = true } = {}): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#unbindFacts?.();
    this.#media?.close();
    this.#media = null;
    this.#deps.tracks.clear();
    const { socket, store } = this.#deps;
    socket.removeAllListeners('disconnect');
    socket.removeAllListeners('connect');
    if (disconnect) socket.disconnect();
    store.setState(next);
    this.#deps.onEnded?.();
  }

  // ---- store helpers -------------------------------------------------------------------------

  #setLocal(source: LocalSource, status: LocalSourceStatus): void {
    this.#deps.store.setState((state) =>
      state.localMedia[source] === status ? state : { localMedia: { ...state.localMedia, [source]: status } },
    );
  }

  #notify(topic: NoticeTopic, tone: Notice['tone'], text: string): void {
    this.#deps.store.setState((state) => ({ notices: withNotice(state.notices, { topic, tone, text }) }));
  }

  #clearNotice(topic: NoticeTopic): void {
    this.#deps.store.setState((state) => {
      const notices = withoutNotice(state.notices, topic);
      return notices === state.notices ? state : { notices };
    });
  }

  /** Runs a media step; on failure shows `what: reason` and returns false instead of throwing. */
  async #attempt(topic: NoticeTopic, what: string, step: () => Promise<void>): Promise<boolean> {
    try {
      await step();
      return true;
    } catch (error) {
      if (error instanceof MediaSessionClosed || this.#ended) return false;
      this.#notify(topic, 'alert', `${what}: ${messageOf(error)}`);
      return false;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
