import type { Device } from 'mediasoup-client';
import type { NoticeKey } from '../i18n/message.ts';
import type { Requester } from '../net/request.ts';
import type { NoticeTopic } from '../stores/slices/notices.ts';
import type { AppState, AppStore } from '../stores/state.ts';
import { MediaSessionClosed, messageOf } from './connection.ts';
import { type AcquiredMedia, acquireLocalMedia, type LocalSource } from './localMedia.ts';
import type { MediaStatus } from './mediaStatus.ts';
import type { RoomMedia } from './roomMedia.ts';
import type { Timeline } from './roomSwitch.ts';
import type { CapturedScreen } from './screenCapture.ts';
import type { SourceKeeper } from './sourceKeeper.ts';
import type { ViewRegistry } from './tileViews.ts';
import type { TrackRegistry } from './tracks.ts';

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

/** What every media step works with: the deps, the notices, our sources, and the room's media. */
export interface MediaContext {
  readonly deps: MediaControllerDeps;
  readonly status: MediaStatus;
  readonly sources: SourceKeeper;
  readonly room: RoomMedia;
}

export function acquire(ctx: MediaContext, want: LocalSource[]): Promise<AcquiredMedia> {
  return (ctx.deps.acquire ?? acquireLocalMedia)(want);
}

/** Observers watch and listen: they send nothing, so they are asked for no device either. */
export function isObserver(state: AppState): boolean {
  return state.selfId !== null && state.workshop?.participants[state.selfId]?.role === 'observer';
}

/** Runs a media step; on failure shows `what` (with the reason as its detail) and returns false instead of throwing. */
export async function attempt(
  ctx: MediaContext,
  topic: NoticeTopic,
  what: NoticeKey,
  step: () => Promise<void>,
): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    if (error instanceof MediaSessionClosed || ctx.room.closed) return false;
    ctx.status.notify(topic, 'alert', { key: what, values: { detail: messageOf(error) } });
    return false;
  }
}
