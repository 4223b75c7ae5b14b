import {
  Fact,
  type MediaId,
  type MediaSource,
  type ParticipantId,
  type ProducerInfo,
  type RoomId,
  type WireObject,
} from '@plenary/shared';
import type { Device } from 'mediasoup-client';
import type { NoticeKey } from '../i18n/message.ts';
import { assertNever } from '../lib/assertNever.ts';
import { LocalCapture } from '../media/localCapture.ts';
import { type AcquiredMedia, acquireLocalMedia, type LocalSource } from '../media/localMedia.ts';
import { type MediaLink, MediaSession, MediaSessionClosed } from '../media/mediaSession.ts';
import { decideReceiving, type ViewRegistry, viewRegistry } from '../media/tileViews.ts';
import { RoomSwitchTimer, type Timeline } from '../media/roomSwitch.ts';
import { type CapturedScreen, captureScreen } from '../media/screenCapture.ts';
import type { TrackRegistry } from '../media/tracks.ts';
import type { MediaFactEvent } from '../net/facts.ts';
import { type Requester, RequestFailed } from '../net/request.ts';
import type { NoticeTopic } from '../stores/slices/notices.ts';
import { withoutProducer } from '../stores/slices/publications.ts';
import type { AppState, AppStore } from '../stores/state.ts';
import { keepSpeakingToAllRooms, type ModerationAction, moderate, speakToAllRooms } from './chairMedia.ts';
import { MediaStatus } from './mediaStatus.ts';

export interface MediaControllerDeps {
  store: AppStore;
  tracks: TrackRegistry;
  request: Requester;
  /** For tests: mediasoup-client's FakeHandler instead of the browser's WebRTC. */
  createDevice?: () => Promise<Device>;
  /** For tests: tracks without a camera. */
  acquire?: (want: LocalSource[]) => Promise<AcquiredMedia>;
  /** For tests: a screen without a screen. */
  capture?: () => Promise<CapturedScreen>;
  /** Where the tiles report what they show; the app's registry by default. */
  views?: ViewRegistry;
  /** Where room-switch times are recorded; the page's `performance` by default. */
  timeline?: Timeline;
  /** For tests: how long a restarted transport may take to reconnect. */
  iceRestartTimeoutMs?: number;
}

/** What the person asked for, kept across rooms and rebuilds; the store shows what is actually happening. */
interface Intent {
  mic: 'on' | 'muted' | 'off';
  camera: 'on' | 'off';
}

/**
 * This tab's audio and video in its current media room. Moving rooms (`enter`), a router change
 * (`mediaReconnectRequired`), a transport that ICE restarts could not bring back, and a reconnect
 * all take the same path: close everything, build it again against the room's router, keeping what
 * the person chose (muted, camera off, the screen they share while they stay in the same room).
 */
export class MediaController {
  readonly #deps: MediaControllerDeps;
  readonly #status: MediaStatus;
  readonly #views: ViewRegistry;
  readonly #switch: RoomSwitchTimer;
  readonly #unsubscribeViews: () => void;
  #routerRtpCapabilities: WireObject | null = null;
  #roomId: RoomId | null = null;
  #media: MediaSession | null = null;
  /** Media work (builds, rebuilds, toggles) runs one step at a time, in order. */
  #queue: Promise<void> = Promise.resolve();
  #intent: Intent = { mic: 'on', camera: 'on' };
  /** The microphone and camera open in this tab, sent again as they are after a move or rebuild. */
  readonly #capture = new LocalCapture();
  /** The capture being shared; ours (the producer doesn't stop it), so a rebuild can send it again. */
  #screen: MediaStreamTrack | null = null;
  #refreshQueued = false;
  #closed = false;

  constructor(deps: MediaControllerDeps) {
    this.#deps = deps;
    this.#status = new MediaStatus(deps.store);
    this.#views = deps.views ?? viewRegistry;
    this.#switch = new RoomSwitchTimer(deps.timeline);
    this.#unsubscribeViews = this.#views.subscribe(() => this.#queueRefresh());
  }

  /**
   * Into a room (its router's capabilities), or out of every room (`null`: the lobby). `switching`:
   * the server moved us (`roomChanged`), so the time until we see or hear the new room is measured.
   */
  enter(routerRtpCapabilities: WireObject | null, { switching = false } = {}): Promise<void> {
    // Closed at once, so facts of the new room aren't consumed on the old room's transports.
    this.suspend();
    const roomId = this.#deps.store.getState().roomId;
    // A screen is shared with the room it was shared in; a reconnect to the same room keeps sharing.
    if (roomId !== this.#roomId) this.#stopScreen();
    this.#roomId = roomId;
    this.#routerRtpCapabilities = routerRtpCapabilities;
    this.#status.clearReconnecting();
    if (switching && routerRtpCapabilities) this.#switch.start(roomId);
    else this.#switch.cancel();
    if (!routerRtpCapabilities) {
      // In the lobby, nothing is sent: the devices are let go (their lights go off).
      this.#capture.releaseAll();
      this.#status.local('mic', 'off');
      this.#status.local('camera', 'off');
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
    this.#unsubscribeViews();
    this.#switch.cancel();
    this.suspend();
    this.#stopScreen();
    this.#capture.releaseAll();
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
        for (const participantId of event.payload.participantIds) media?.dropParticipant(participantId);
        break;
      case Fact.producerAdded:
        if (media) this.#consume(media, event.payload);
        break;
      case Fact.producerClosed:
        media?.dropProducer(event.payload.producerId);
        break;
      case Fact.consumerClosed: {
        // The server closes a consumer only when its producer closed. For a chair heard from
        // another room that may be all we are told (the server sends no `producerClosed` to a room
        // whose guest closed with its source), so the producer is dropped here too.
        const producerId = media?.producerOf(event.payload.consumerId);
        media?.closeConsumer(event.payload.consumerId);
        if (producerId) this.#deps.store.setState((state) => forgetProducer(state, producerId));
        break;
      }
      case Fact.mediaReconnectRequired:
        // The room moved to another router: its capabilities are the ones to load from now on.
        this.#routerRtpCapabilities = event.payload.routerRtpCapabilities;
        void this.#enqueue(() => this.#rebuild(event.payload.reason, { release: false }));
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
        this.#status.local('mic', 'paused');
        await this.#attempt('media', 'media.muteNotSent', () => pausing);
      } else if (status === 'paused') {
        const ok = await this.#attempt('media', 'media.unmuteFailed', () => media.setPaused('mic', false));
        if (ok) {
          this.#intent.mic = 'on';
          this.#status.local('mic', 'live');
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
        this.#capture.release('camera');
        this.#status.local('camera', 'off');
        await this.#attempt('media', 'media.cameraStopNotSent', () => closing);
      } else if (status === 'off') {
        this.#intent.camera = 'on';
        await this.#startSource(media, 'camera');
      }
    });
  }

  /**
   * Starts or stops sharing a screen. The browser's picker can stay open for a long time, so it is
   * opened outside the media queue: a room change meanwhile is not held up, and cancels the share.
   */
  async toggleScreenShare(): Promise<void> {
    const { store } = this.#deps;
    const status = store.getState().screenShare;
    if (status === 'starting') return;
    if (status === 'live') {
      await this.#enqueue(() => this.#unshare());
      return;
    }
    if (!this.#media || this.#isObserver(store.getState())) return;
    const roomId = this.#roomId;
    this.#status.screen('starting');
    const captured = await (this.#deps.capture ?? captureScreen)();
    const { track } = captured;
    if (!track || this.#closed || roomId !== this.#roomId) {
      track?.stop();
      this.#status.screen('off');
      if (captured.problem && !this.#closed) this.#status.notify('devices', 'alert', captured.problem);
      return;
    }
    this.#screen = track;
    await this.#enqueue(async () => {
      const media = this.#media;
      if (this.#screen !== track) return;
      if (!media || media.closed) {
        // Reconnecting: the rebuild sends the screen once it is through.
        return;
      }
      await this.#publishScreen(media, track);
    });
  }

  /**
   * Other devices were chosen for `sources`: each one being sent switches to the chosen device in
   * place (muted stays muted). One that cannot be started keeps the old device and says why.
   */
  applyChosenDevices(sources: readonly LocalSource[]): Promise<void> {
    return this.#enqueue(async () => {
      const media = this.#media;
      const switching = sources.filter((source) => media?.hasProducer(source));
      // A source open but not being sent (between rooms) is let go: the next room opens the new choice.
      for (const source of sources) if (!switching.includes(source)) this.#capture.release(source);
      if (!media || media.closed || switching.length === 0) return;
      const acquired = await (this.#deps.acquire ?? acquireLocalMedia)(switching);
      if (acquired.problem && !media.closed) this.#status.notify('devices', 'alert', acquired.problem);
      for (const source of switching) {
        const track = acquired.tracks[source];
        if (!track) continue;
        if (media.closed || !media.hasProducer(source)) {
          track.stop();
          continue;
        }
        const switched = await this.#attempt('devices', `devices.switchFailed_${source}`, () =>
          media.replaceTrack(source, track),
        );
        if (switched) this.#capture.keep(source, track);
        else track.stop();
      }
    });
  }

  /** Chairs: mute someone, or stop their camera or screen share. */
  moderate(participantId: ParticipantId, action: ModerationAction): Promise<boolean> {
    return moderate(this.#deps.request, this.#status, participantId, action);
  }

  /** Chairs, while breakout rooms are open: be heard in every one of them too (or no longer). */
  speakToAllRooms(on: boolean): Promise<boolean> {
    return speakToAllRooms(this.#deps.request, this.#deps.store, this.#status, on);
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
    const media: MediaSession = new MediaSession({
      request: this.#deps.request,
      tracks,
      selfId,
      createDevice: this.#deps.createDevice,
      iceRestartTimeoutMs: this.#deps.iceRestartTimeoutMs,
      decideReceiving: ({ participantId, source, kind }) =>
        decideReceiving(kind, source, this.#views.viewsOf(participantId, source)),
      onFailure: (reason) => {
        if (this.#media === media) void this.#enqueue(() => this.#rebuild(reason, { release: true }));
      },
      onLinkChange: (link) => {
        if (this.#media === media) this.#onLinkChange(link);
      },
      onRemoteMediaFlowing: () => {
        if (this.#media === media) this.#switch.finish('remote-media');
      },
      onLocalTrackEnded: (source) => {
        if (this.#media === media) this.#localTrackEnded(source);
      },
    });
    this.#media = media;
    // Observers watch and listen: no microphone or camera is asked for, so no prompt either.
    const sends = !this.#isObserver(store.getState());
    const want = sends ? (['mic', 'camera'] as const).filter((source) => this.#intent[source] !== 'off') : [];
    this.#status.local('mic', want.includes('mic') ? 'starting' : 'off');
    this.#status.local('camera', want.includes('camera') ? 'starting' : 'off');
    try {
      await media.start(capabilities);
    } catch (error) {
      if (media.closed) return;
      this.#status.local('mic', 'off');
      this.#status.local('camera', 'off');
      this.#status.notify('media', 'alert', { key: 'media.connectFailed', values: { detail: messageOf(error) } });
      return;
    }
    const producers = Object.values(store.getState().producers);
    for (const producer of producers) this.#consume(media, producer);
    const screen = this.#screen;
    if (want.length === 0 && !screen && this.#nobodyToWaitFor()) {
      // Nothing to send and nobody to hear: there is nothing to wait for.
      this.#switch.finish('ready-alone');
      this.#status.clearReconnecting();
    } else if (!this.#status.reconnecting) this.#status.clear('media');

    // What is still open from the last room is sent again; only what is not is asked for.
    for (const source of ['mic', 'camera'] as const) if (!want.includes(source)) this.#capture.release(source);
    const missing = want.filter((source) => !this.#capture.live(source));
    if (missing.length > 0) {
      const acquired = await (this.#deps.acquire ?? acquireLocalMedia)(missing);
      if (!this.#keep(acquired)) return;
      if (acquired.problem) this.#status.notify('devices', 'alert', acquired.problem);
      else this.#status.clear('devices');
    }
    if (media.closed) return;
    await Promise.all([
      ...want.map((source) => this.#publish(media, source, this.#capture.live(source))),
      screen ? this.#publishScreen(media, screen) : undefined,
    ]);
    if (media.closed) return;
    if (media.sendingCount === 0 && this.#nobodyToWaitFor()) {
      // No device could be started and nobody sends: no transport will connect to say we are back.
      this.#switch.finish('ready-alone');
      this.#status.clearReconnecting();
    }
    if (media.hasProducer('mic')) await keepSpeakingToAllRooms(this.#deps.request, this.#deps.store);
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
    this.#status.clearReconnecting();
    if (this.#nobodyToWaitFor()) this.#switch.finish('connected-alone');
  }

  /** Alone in the room: nobody else is in it, and nothing is heard from elsewhere either. */
  #nobodyToWaitFor(): boolean {
    const { peers, producers, selfId } = this.#deps.store.getState();
    return Object.keys(peers).every((id) => id === selfId) && !Object.values(producers).some(isFlowing);
  }

  /** A chair muted us or stopped our camera or share: the server already did; make this tab agree. */
  async #moderated(action: ModerationAction): Promise<void> {
    const media = this.#media;
    if (action === 'mute') {
      this.#intent.mic = 'muted';
      if (media?.hasProducer('mic'))
        await this.#attempt('media', 'media.muteFailed', () => media.setPaused('mic', true));
      if (this.#deps.store.getState().localMedia.mic === 'live') this.#status.local('mic', 'paused');
    } else if (action === 'stopCamera') {
      this.#intent.camera = 'off';
      // The server closed the producer; closing ours may be refused as unknown, which changes nothing.
      if (media?.hasProducer('camera')) await media.unpublish('camera').catch(() => undefined);
      this.#capture.release('camera');
      this.#status.local('camera', 'off');
    } else if (action === 'stopShare') {
      this.#stopScreen();
      if (media?.hasProducer('screen')) await media.unpublish('screen').catch(() => undefined);
    } else {
      assertNever(action);
    }
  }

  #localTrackEnded(source: MediaSource): void {
    if (source === 'screen') {
      // The browser's own "Stop sharing" button: the person meant it, so no alarm.
      this.#stopScreen();
      this.#status.notify('devices', 'status', { key: 'devices.screenStopped' });
      return;
    }
    this.#capture.release(source);
    this.#status.local(source, 'off');
    this.#status.notify('devices', 'alert', { key: `devices.stopped_${source}` });
  }

  /** Turns a source on that has no producer: asks for the device, then sends it. */
  async #startSource(media: MediaSession, source: LocalSource): Promise<void> {
    this.#status.local(source, 'starting');
    const acquired = await (this.#deps.acquire ?? acquireLocalMedia)([source]);
    if (!this.#keep(acquired) || media.closed) return;
    if (acquired.problem) this.#status.notify('devices', 'alert', acquired.problem);
    else this.#status.clear('devices');
    await this.#publish(media, source, this.#capture.live(source));
  }

  /**
   * Keeps newly opened devices for this and later rooms; false (and they are stopped) if this
   * controller closed or went to the lobby meanwhile. A move to another room keeps them: it sends them.
   */
  #keep(acquired: AcquiredMedia): boolean {
    const opened = Object.entries(acquired.tracks) as Array<[LocalSource, MediaStreamTrack]>;
    if (this.#closed || !this.#routerRtpCapabilities) {
      for (const [, track] of opened) track.stop();
      return false;
    }
    for (const [source, track] of opened) this.#capture.keep(source, track);
    return true;
  }

  async #publish(media: MediaSession, source: LocalSource, track: MediaStreamTrack | undefined): Promise<void> {
    if (!track) {
      this.#status.local(source, 'off');
      return;
    }
    const sent = await this.#attempt('media', `media.notSent_${source}`, () => media.publish(source, track));
    if (media.closed) return;
    if (!sent) {
      // Not sent, so not kept open either: the device light would say otherwise.
      this.#capture.release(source);
      this.#status.local(source, 'off');
      return;
    }
    if (source === 'mic' && this.#intent.mic === 'muted') {
      const paused = await this.#attempt('media', 'media.stayMutedFailed', () => media.setPaused('mic', true));
      this.#status.local('mic', paused ? 'paused' : 'live');
      return;
    }
    this.#status.local(source, 'live');
  }

  async #publishScreen(media: MediaSession, track: MediaStreamTrack): Promise<void> {
    if (track.readyState === 'ended') {
      this.#stopScreen();
      return;
    }
    const sent = await this.#attempt('media', 'media.screenNotSent', () => media.publish('screen', track));
    if (media.closed || this.#screen !== track) return;
    if (sent) this.#status.screen('live');
    else this.#stopScreen();
  }

  async #unshare(): Promise<void> {
    const media = this.#media;
    this.#stopScreen();
    if (media?.hasProducer('screen')) {
      await this.#attempt('media', 'media.unshareNotSent', () => media.unpublish('screen'));
    }
  }

  /** Ends the capture (the browser's sharing indicator goes away); the producer, if any, is closed by the caller. */
  #stopScreen(): void {
    this.#screen?.stop();
    this.#screen = null;
    this.#status.screen('off');
  }

  #consume(media: MediaSession, producer: ProducerInfo): void {
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

  /** Tiles moved, resized, scrolled: one pass over the consumers per burst of reports. */
  #queueRefresh(): void {
    if (this.#refreshQueued) return;
    this.#refreshQueued = true;
    queueMicrotask(() => {
      this.#refreshQueued = false;
      this.#media?.refreshReceiving();
    });
  }

  #isObserver(state: AppState): boolean {
    return state.selfId !== null && state.workshop?.participants[state.selfId]?.role === 'observer';
  }

  /** Runs a media step; on failure shows `what` (with the reason as its detail) and returns false instead of throwing. */
  async #attempt(topic: NoticeTopic, what: NoticeKey, step: () => Promise<void>): Promise<boolean> {
    try {
      await step();
      return true;
    } catch (error) {
      if (error instanceof MediaSessionClosed || this.#closed) return false;
      this.#status.notify(topic, 'alert', { key: what, values: { detail: messageOf(error) } });
      return false;
    }
  }
}

function forgetProducer(state: AppState, producerId: MediaId): AppState | Partial<AppState> {
  const producers = withoutProducer(state.producers, producerId);
  return producers === state.producers ? state : { producers };
}

/** A producer that is sending: something to wait for when measuring a room switch. */
const isFlowing = (producer: ProducerInfo) => !producer.paused;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
