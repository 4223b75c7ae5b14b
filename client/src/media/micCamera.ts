// The microphone and camera the person turns on, off, mute and unmute, and sending them in a room.
// Every step runs in the room's step queue; what is wanted and held is the `SourceKeeper`'s record.
import type { MediaSource } from '@plenary/shared';
import type { LocalSource } from './localMedia.ts';
import { acquire, attempt, type MediaContext } from './mediaContext.ts';
import type { MediaSession } from './mediaSession.ts';

export function toggleMic(ctx: MediaContext): Promise<void> {
  return ctx.room.enqueue(async () => {
    const media = ctx.room.media;
    if (!media) return;
    const { status } = ctx.sources.of('mic');
    if (status === 'live') {
      const pausing = media.setPaused('mic', true);
      // The producer is already paused locally: nothing more leaves this tab.
      ctx.sources.apply({ type: 'muted' });
      await attempt(ctx, 'media', 'media.muteNotSent', () => pausing);
    } else if (status === 'paused') {
      const ok = await attempt(ctx, 'media', 'media.unmuteFailed', () => media.setPaused('mic', false));
      if (ok) ctx.sources.apply({ type: 'unmuted' });
    } else if (status === 'off' || status === 'failed') {
      await startSource(ctx, media, 'mic');
    }
  });
}

export function toggleCamera(ctx: MediaContext): Promise<void> {
  return ctx.room.enqueue(async () => {
    const media = ctx.room.media;
    if (!media) return;
    const { status } = ctx.sources.of('camera');
    if (status === 'live') {
      const closing = media.unpublish('camera');
      ctx.sources.apply({ type: 'turnedOff', source: 'camera' });
      await attempt(ctx, 'media', 'media.cameraStopNotSent', () => closing);
    } else if (status === 'off' || status === 'failed') {
      await startSource(ctx, media, 'camera');
    }
  });
}

/**
 * Gets what `want` needs to be sent: what is still open from the last room is sent again, only
 * what is not is asked for; anything not wanted is let go. False if the room was left meanwhile.
 */
export async function captureWanted(ctx: MediaContext, want: readonly LocalSource[]): Promise<boolean> {
  for (const source of ['mic', 'camera'] as const) {
    if (!want.includes(source)) ctx.sources.apply({ type: 'released', source });
  }
  const missing = want.filter((source) => !ctx.sources.live(source));
  if (missing.length === 0) return true;
  return capture(ctx, missing);
}

/**
 * Sends the capture of `source` (one that could not be captured is shown as failed). A muted
 * microphone is paused before it is shown as sent, so it never looks live in between.
 */
export async function publish(ctx: MediaContext, media: MediaSession, source: LocalSource): Promise<void> {
  const track = ctx.sources.live(source);
  if (!track) {
    ctx.sources.apply({ type: 'captureFailed', source });
    return;
  }
  const sent = await attempt(ctx, 'media', `media.notSent_${source}`, () => media.publish(source, track));
  if (media.closed) return;
  if (!sent) {
    ctx.sources.apply({ type: 'notSent', source });
    return;
  }
  if (source === 'mic' && ctx.sources.of('mic').wanted === 'muted') {
    const paused = await attempt(ctx, 'media', 'media.stayMutedFailed', () => media.setPaused('mic', true));
    ctx.sources.apply({ type: 'sent', source, paused });
    return;
  }
  ctx.sources.apply({ type: 'sent', source, paused: false });
}

/** A capture ended by itself; its producer is gone already. */
export function localTrackEnded(ctx: MediaContext, source: MediaSource): void {
  ctx.sources.apply({ type: 'trackEnded', source });
  // The browser's own "Stop sharing" button: the person meant it, so no alarm.
  if (source === 'screen') ctx.status.notify('devices', 'status', { key: 'devices.screenStopped' });
  else ctx.status.notify('devices', 'alert', { key: `devices.stopped_${source}` });
}

/** Turns a source on that has no producer: asks for the device, then sends it. */
async function startSource(ctx: MediaContext, media: MediaSession, source: LocalSource): Promise<void> {
  ctx.sources.apply({ type: 'starting', source });
  if (!(await capture(ctx, [source], media))) return;
  await publish(ctx, media, source);
}

/**
 * Opens devices and keeps them for this and later rooms; false (and they are stopped) if media
 * closed or went to the lobby meanwhile. A move to another room keeps them: it sends them. False
 * (kept, nothing said) if `media`, the connection they were asked for, was closed meanwhile.
 */
async function capture(ctx: MediaContext, sources: LocalSource[], media?: MediaSession): Promise<boolean> {
  const acquired = await acquire(ctx, sources);
  const opened = Object.entries(acquired.tracks) as Array<[LocalSource, MediaStreamTrack]>;
  if (ctx.room.closed || !ctx.room.inRoom) {
    for (const [, track] of opened) track.stop();
    return false;
  }
  for (const [source, track] of opened) ctx.sources.apply({ type: 'captured', source, track });
  if (media?.closed) return false;
  if (acquired.problem) ctx.status.notify('devices', 'alert', acquired.problem);
  else ctx.status.clear('devices');
  return true;
}
