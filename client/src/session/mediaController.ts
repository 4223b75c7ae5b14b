import { Fact, type ProducerInfo, type WireObject } from '@plenary/shared';
import type { Device } from 'mediasoup-client';
import { assertNever } from '../lib/assertNever.ts';
import { type AcquiredMedia, acquireLocalMedia, type LocalSource } from '../media/localMedia.ts';
import { MediaSession, MediaSessionClosed } from '../media/mediaSession.ts';
import type { TrackRegistry } from '../media/tracks.ts';
import type { MediaFactEvent } from '../net/facts.ts';
import { type Requester, RequestFailed } from '../net/request.ts';
import type { LocalSourceStatus } from '../stores/slices/localMedia.ts';
import { type Notice, type NoticeTopic, withNotice, withoutNotice } from '../stores/slices/notices.ts';
import type { AppStore } from '../stores/state.ts';

export interface MediaControllerDeps {
  store: AppStore;
  tracks: TrackRegistry;
  request: Requester;
  /** For tests: mediasoup-client's FakeHandler instead of the browser's WebRTC. */
  createDevice?: () => Promise<Device>;
  /** For tests: tracks without a camera. */
  acquire?: (want: LocalSource[]) => Promise<AcquiredMedia>;
}

/** What the person asked for, kept across rooms and rebuilds; the store shows what is actually happening. */
interface Intent {
  mic: 'on' | 'muted' | 'off';
  camera: 'on' | 'off';
}

/**
 * This tab's audio and video in its current media room. Moving rooms (`enter`), a router change
 * (`mediaReconnectRequired`) and a reconnect all take the same path: close everything, build it again
 * against the room's router, keeping what the person chose (muted, camera off).
 */
export class MediaController {
  readonly #deps: MediaControllerDeps;
  #routerRtpCapabilities: WireObject | null = null;
  #media: MediaSession | null = null;
  /** Media work (builds, rebuilds, toggles) runs one step at a time, in order. */
  #queue: Promise<void> = Promise.resolve();
  #intent: Intent = { mic: 'on', camera: 'on' };
  #closed = false;

  constructor(deps: MediaControllerDeps) {
    this.#deps = deps;
  }

  /** Into a room (its router's capabilities), or out of every room (`null`: the lobby). */
  enter(routerRtpCapabilities: WireObject | null): Promise<void> {
    // Closed at once, so facts of the new room aren't consumed on the old room's transports.
    this.suspend();
    this.#routerRtpCapabilities = routerRtpCapabilities;
    if (!routerRtpCapabilities) {
      this.#setLocal('mic', 'off');
      this.#setLocal('camera', 'off');
      return this.#queue;
    }
    return this.#enqueue(() => this.#connect());
  }

  /** The connection dropped: the server has let go of our media already. */
  suspend(): void {
    this.#media?.close();
    this.#media = null;
    this.#deps.tracks.clear();
  }

  close(): void {
    this.#closed = true;
    this.suspend();
  }

  /** Media side effects of a fact, after the store has applied it. */
  handle(event: MediaFactEvent): void {
    const media = this.#media;
    switch (event.name) {
      case Fact.peerJoined:
      case Fact.producerPausedChanged:
      case Fact.activeSpeakerChanged:
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
        void this.#enqueue(() => this.#rebuild(event.payload.reason));
        break;
      case Fact.moderated:
        void this.#enqueue(() => this.#moderated(event.payload.action));
        break;
      case Fact.sessionReplaced:
        break;
      default:
        assertNever(event);
    }
  }

  toggleMic(): Promise<void> {
    return this.#enqueue(async () => {
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
    return this.#enqueue(async () => {
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

  // ---- building ------------------------------------------------------------------------------

  #enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(() => (this.#closed ? undefined : step()));
    this.#queue = run.catch((error: unknown) => console.error('[plenary] media step failed', error));
    return this.#queue;
  }

  /** Builds media from scratch: device, transports, everything the others offer, then our own mic and camera. */
  async #connect(): Promise<void> {
    const { store, tracks } = this.#deps;
    const selfId = store.getState().selfId;
    const capabilities = this.#routerRtpCapabilities;
    if (!selfId || !capabilities || this.#media) return;
    const media = new MediaSession({
      request: this.#deps.request,
      tracks,
      selfId,
      createDevice: this.#deps.createDevice,
      onFailure: (reason) => {
        if (this.#media === media) void this.#enqueue(() => this.#rebuild(reason));
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
      await media.start(capabilities);
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

  async #rebuild(reason?: string): Promise<void> {
    if (reason) console.warn('[plenary] rebuilding media', { reason });
    this.suspend();
    this.#notify('media', 'status', 'Reconnecting audio and video…');
    await this.#connect();
  }

  /** A chair muted us or stopped our camera: the server already did; make this tab agree. */
  async #moderated(action: 'mute' | 'stopCamera' | 'stopShare'): Promise<void> {
    const media = this.#media;
    if (action === 'mute') {
      this.#intent.mic = 'muted';
      if (media?.hasProducer('mic')) await this.#attempt('media', 'Could not mute', () => media.setPaused('mic', true));
      if (this.#deps.store.getState().localMedia.mic === 'live') this.#setLocal('mic', 'paused');
    } else if (action === 'stopCamera') {
      this.#intent.camera = 'off';
      // The server closed the producer; closing ours may be refused as unknown, which changes nothing.
      if (media?.hasProducer('camera')) await media.unpublish('camera').catch(() => undefined);
      this.#setLocal('camera', 'off');
    }
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
      if (error instanceof MediaSessionClosed || this.#closed) return false;
      this.#notify(topic, 'alert', `${what}: ${messageOf(error)}`);
      return false;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
