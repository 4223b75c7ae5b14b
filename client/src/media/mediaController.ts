// This tab's audio and video: the facade the session calls. How media flows:
//
// - Our sources (microphone, camera, screen) are one record each in `localSources.ts`: what the
//   person wants, the capture held, and what is happening. `SourceKeeper` holds it, stops a capture
//   the record lets go of, and shows the statuses in the store. Nothing else keeps them.
// - Every media step (entering, rebuilding, toggling, switching devices, being moderated) runs in
//   the one step queue of `RoomMedia`, so no two steps see each other half done.
// - Entering a room (`enter`, on joining and on every `roomChanged`): the old room's media is
//   closed at once (its facts no longer apply), then a new `MediaSession` is built against the
//   room's router: `Connection` (device, transports, ICE restarts), then `Receiving` consumes what
//   the others offer, then `Sending` sends our wanted microphone and camera. The captures are kept
//   from the last room, so no device is opened again and its light does not flicker.
// - A room switch (`switching`) is timed: `plenary:room-switch` is measured from the move until
//   someone in the new room is heard or seen, or until we are connected if nobody is there. A
//   screen share ends with the room it was shared in.
// - A rebuild (a router change, a transport an ICE restart could not bring back, a reconnect) takes
//   the same path in the same room: close, build again, send the same captures and the same share,
//   keeping what the person chose (muted stays muted, a camera turned off stays off).
// - In the lobby nothing is sent: every capture is let go.
import { Fact, type MediaId, type ModerationAction, type ParticipantId, type WireObject } from '@plenary/shared';
import { assertNever } from '../lib/assertNever.ts';
import type { MediaFactEvent } from '../net/facts.ts';
import { withoutProducer } from '../stores/slices/publications.ts';
import type { AppState } from '../stores/state.ts';
import { moderate, obeyModeration, speakToAllRooms } from './chairMedia.ts';
import { applyChosenDevices } from './deviceSwitch.ts';
import type { LocalSource } from './localMedia.ts';
import type { MediaContext, MediaControllerDeps } from './mediaContext.ts';
import { MediaStatus } from './mediaStatus.ts';
import { toggleCamera, toggleMic } from './micCamera.ts';
import { RoomMedia } from './roomMedia.ts';
import { toggleScreenShare } from './screenShare.ts';
import { SourceKeeper } from './sourceKeeper.ts';
import { viewRegistry } from './tileViews.ts';

export type { MediaControllerDeps };

export class MediaController {
  readonly #ctx: MediaContext;
  readonly #room: RoomMedia;
  readonly #unsubscribeViews: () => void;
  #refreshQueued = false;

  constructor(deps: MediaControllerDeps) {
    const status = new MediaStatus(deps.store);
    const views = deps.views ?? viewRegistry;
    this.#room = new RoomMedia(deps, status, new SourceKeeper(deps.store), views);
    this.#ctx = this.#room.ctx;
    this.#unsubscribeViews = views.subscribe(() => this.#queueRefresh());
  }

  /**
   * Into a room (its router's capabilities), or out of every room (`null`: the lobby). `switching`:
   * the server moved us (`roomChanged`), so the time until we see or hear the new room is measured.
   */
  enter(routerRtpCapabilities: WireObject | null, options: { switching?: boolean } = {}): Promise<void> {
    return this.#room.enter(routerRtpCapabilities, options);
  }

  /** The connection dropped: the server has let go of our media already. */
  suspend(): void {
    this.#room.suspend();
  }

  close(): void {
    this.#unsubscribeViews();
    this.#room.close();
  }

  /** Media side effects of a fact, after the store has applied it. */
  handle(event: MediaFactEvent): void {
    const media = this.#room.media;
    switch (event.name) {
      case Fact.peerJoined:
      case Fact.producerPausedChanged:
      case Fact.activeSpeakerChanged:
      case Fact.peerMediaStateChanged:
        break;
      case Fact.peerLeft:
        for (const participantId of event.payload.participantIds) media?.dropParticipant(participantId);
        break;
      case Fact.producerAdded:
        if (media) this.#room.consume(media, event.payload);
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
        if (producerId) this.#ctx.deps.store.setState((state) => forgetProducer(state, producerId));
        break;
      }
      case Fact.mediaReconnectRequired:
        this.#room.reconnectRequired(event.payload.routerRtpCapabilities, event.payload.reason);
        break;
      case Fact.moderated:
        void this.#room.enqueue(() => obeyModeration(this.#ctx, event.payload.action));
        break;
      case Fact.sessionReplaced:
        break;
      default:
        assertNever(event);
    }
  }

  toggleMic(): Promise<void> {
    return toggleMic(this.#ctx);
  }

  toggleCamera(): Promise<void> {
    return toggleCamera(this.#ctx);
  }

  toggleScreenShare(): Promise<void> {
    return toggleScreenShare(this.#ctx);
  }

  applyChosenDevices(sources: readonly LocalSource[]): Promise<void> {
    return applyChosenDevices(this.#ctx, sources);
  }

  /** Chairs: mute someone, or stop their camera or screen share. */
  moderate(participantId: ParticipantId, action: ModerationAction): Promise<boolean> {
    return moderate(this.#ctx.deps.request, this.#ctx.status, participantId, action);
  }

  /** Chairs, while breakout rooms are open: be heard in every one of them too (or no longer). */
  speakToAllRooms(on: boolean): Promise<boolean> {
    return speakToAllRooms(this.#ctx.deps.request, this.#ctx.deps.store, this.#ctx.status, on);
  }

  /** Tiles moved, resized, scrolled: one pass over the consumers per burst of reports. */
  #queueRefresh(): void {
    if (this.#refreshQueued) return;
    this.#refreshQueued = true;
    queueMicrotask(() => {
      this.#refreshQueued = false;
      this.#room.refreshReceiving();
    });
  }
}

function forgetProducer(state: AppState, producerId: MediaId): AppState | Partial<AppState> {
  const producers = withoutProducer(state.producers, producerId);
  return producers === state.producers ? state : { producers };
}
