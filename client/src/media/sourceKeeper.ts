import { MEDIA_SOURCES, type MediaSource } from '@plenary/shared';
import type { AppStore } from '../stores/state.ts';
import {
  initialSources,
  type LocalSources,
  nextSources,
  type SourceEvent,
  type SourceRecord,
  shownStatus,
} from './localSources.ts';

/**
 * Holds this tab's `LocalSources` with real tracks. A capture the record lets go of is stopped
 * (the device light goes off), and every change is shown in the store (`localMedia`,
 * `screenShare`), which React reads and nothing writes besides this.
 */
export class SourceKeeper {
  readonly #store: AppStore;
  #sources: LocalSources<MediaStreamTrack> = initialSources();

  constructor(store: AppStore) {
    this.#store = store;
  }

  get sources(): LocalSources<MediaStreamTrack> {
    return this.#sources;
  }

  of(source: MediaSource): Readonly<SourceRecord<MediaStreamTrack>> {
    return this.#sources[source];
  }

  apply(event: SourceEvent<MediaStreamTrack>): void {
    const before = this.#sources;
    const after = nextSources(before, event);
    if (after === before) return;
    this.#sources = after;
    const held = new Set(MEDIA_SOURCES.map((source) => after[source].track));
    for (const source of MEDIA_SOURCES) {
      const track = before[source].track;
      if (track && !held.has(track)) track.stop();
    }
    this.#show(after);
  }

  /**
   * The capture of `source` if it can still be sent; one that ended meanwhile (a device unplugged
   * between rooms) is forgotten, so the next room asks for the device again.
   */
  live(source: MediaSource): MediaStreamTrack | undefined {
    const { track } = this.#sources[source];
    if (!track) return undefined;
    if (track.readyState === 'live') return track;
    this.apply({ type: 'released', source });
    return undefined;
  }

  #show(sources: LocalSources<MediaStreamTrack>): void {
    const mic = shownStatus(sources.mic.status);
    const camera = shownStatus(sources.camera.status);
    const screenShare = shownStatus(sources.screen.status);
    this.#store.setState((state) => {
      const same =
        state.localMedia.mic === mic && state.localMedia.camera === camera && state.screenShare === screenShare;
      return same ? state : { localMedia: { mic, camera }, screenShare };
    });
  }
}
