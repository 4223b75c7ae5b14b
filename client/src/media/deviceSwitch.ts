import type { LocalSource } from './localMedia.ts';
import { acquire, attempt, type MediaContext } from './mediaContext.ts';

/**
 * Other devices were chosen for `sources`: each one being sent switches to the chosen device in
 * place (muted stays muted). One that cannot be started keeps the old device and says why.
 */
export function applyChosenDevices(ctx: MediaContext, sources: readonly LocalSource[]): Promise<void> {
  return ctx.room.enqueue(async () => {
    const media = ctx.room.media;
    const switching = sources.filter((source) => media?.hasProducer(source));
    // A source open but not being sent (between rooms) is let go: the next room opens the new choice.
    for (const source of sources) if (!switching.includes(source)) ctx.sources.apply({ type: 'released', source });
    if (!media || switching.length === 0) return;
    const acquired = await acquire(ctx, switching);
    if (acquired.problem && !media.closed) ctx.status.notify('devices', 'alert', acquired.problem);
    for (const source of switching) {
      const track = acquired.tracks[source];
      if (!track) continue;
      if (media.closed || !media.hasProducer(source)) {
        track.stop();
        continue;
      }
      const switched = await attempt(ctx, 'devices', `devices.switchFailed_${source}`, () =>
        media.replaceTrack(source, track),
      );
      if (switched) ctx.sources.apply({ type: 'deviceSwitched', source, track });
      else track.stop();
    }
  });
}
