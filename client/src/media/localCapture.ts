import type { LocalSource } from './localMedia.ts';

/**
 * The microphone and camera this tab has open, kept across room moves and media rebuilds: someone
 * sent into a breakout sends the same tracks on the new room's transport, so no device is opened
 * again (a real camera takes a noticeable while to start) and its light does not flicker. A track
 * is stopped only when its source is turned off or replaced, in the lobby, or when the session ends.
 */
export class LocalCapture {
  readonly #tracks = new Map<LocalSource, MediaStreamTrack>();

  /** The kept track of `source`, if it is still live (a device unplugged ends its track). */
  live(source: LocalSource): MediaStreamTrack | undefined {
    const track = this.#tracks.get(source);
    if (track?.readyState === 'live') return track;
    this.#tracks.delete(source);
    return undefined;
  }

  /** Keeps `track` as the capture of `source`, stopping the one it replaces. */
  keep(source: LocalSource, track: MediaStreamTrack): void {
    const previous = this.#tracks.get(source);
    if (previous && previous !== track) previous.stop();
    this.#tracks.set(source, track);
  }

  /** Stops the capture of `source` (the device is released: its light goes off). */
  release(source: LocalSource): void {
    this.#tracks.get(source)?.stop();
    this.#tracks.delete(source);
  }

  releaseAll(): void {
    for (const source of [...this.#tracks.keys()]) this.release(source);
  }
}
