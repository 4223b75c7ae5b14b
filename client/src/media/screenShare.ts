// Sharing a screen. The capture is ours (a producer does not stop it), so a rebuild in the same room
// sends it again; it is shared with the room it was shared in, so a move to another room ends it.
import { attempt, isObserver, type MediaContext } from './mediaContext.ts';
import type { MediaSession } from './mediaSession.ts';
import { captureScreen } from './screenCapture.ts';

/**
 * Starts or stops sharing a screen. The browser's picker can stay open for a long time, so it is
 * opened outside the step queue: a room change meanwhile is not held up, and cancels the share.
 */
export async function toggleScreenShare(ctx: MediaContext): Promise<void> {
  const { room, sources } = ctx;
  const { status } = sources.of('screen');
  if (status === 'starting') return;
  if (status === 'live') {
    await room.enqueue(() => unshare(ctx));
    return;
  }
  if (!room.media || isObserver(ctx.deps.store.getState())) return;
  const roomId = room.roomId;
  sources.apply({ type: 'starting', source: 'screen' });
  const captured = await (ctx.deps.capture ?? captureScreen)();
  const { track } = captured;
  if (!track || room.closed || roomId !== room.roomId) {
    track?.stop();
    sources.apply({ type: 'captureFailed', source: 'screen' });
    if (captured.problem && !room.closed) ctx.status.notify('devices', 'alert', captured.problem);
    return;
  }
  sources.apply({ type: 'captured', source: 'screen', track });
  await room.enqueue(async () => {
    const media = room.media;
    if (sources.of('screen').track !== track) return;
    // Reconnecting: the rebuild sends the screen once it is through.
    if (!media) return;
    await publishScreen(ctx, media, track);
  });
}

export async function publishScreen(ctx: MediaContext, media: MediaSession, track: MediaStreamTrack): Promise<void> {
  if (track.readyState === 'ended') {
    ctx.sources.apply({ type: 'turnedOff', source: 'screen' });
    return;
  }
  const sent = await attempt(ctx, 'media', 'media.screenNotSent', () => media.publish('screen', track));
  if (media.closed || ctx.sources.of('screen').track !== track) return;
  ctx.sources.apply(sent ? { type: 'sent', source: 'screen', paused: false } : { type: 'notSent', source: 'screen' });
}

/** Ends the capture (the browser's sharing indicator goes away), then closes its producer. */
export async function unshare(ctx: MediaContext): Promise<void> {
  const media = ctx.room.media;
  ctx.sources.apply({ type: 'turnedOff', source: 'screen' });
  if (media?.hasProducer('screen')) {
    await attempt(ctx, 'media', 'media.unshareNotSent', () => media.unpublish('screen'));
  }
}
