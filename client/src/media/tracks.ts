import type { MediaSource, ParticipantId } from '@plenary/shared';

/**
 * The live tracks this tab can show, by person and source: our own camera preview and
 * everything received. Tracks are not serialisable state, so they live here instead of the store;
 * React reads them through `useTrack` (useSyncExternalStore), so a tile re-renders only when its
 * own track changes.
 */
export class TrackRegistry {
  readonly #tracks = new Map<string, MediaStreamTrack>();
  readonly #listeners = new Set<() => void>();

  get(participantId: ParticipantId, source: MediaSource): MediaStreamTrack | undefined {
    return this.#tracks.get(key(participantId, source));
  }

  set(participantId: ParticipantId, source: MediaSource, track: MediaStreamTrack): void {
    if (this.#tracks.get(key(participantId, source)) === track) return;
    this.#tracks.set(key(participantId, source), track);
    this.#notify();
  }

  /** Removes the entry only if it still holds `track` (when given), so a late cleanup can't drop its successor. */
  delete(participantId: ParticipantId, source: MediaSource, track?: MediaStreamTrack): void {
    const current = this.#tracks.get(key(participantId, source));
    if (!current || (track && current !== track)) return;
    this.#tracks.delete(key(participantId, source));
    this.#notify();
  }

  clear(): void {
    if (this.#tracks.size === 0) return;
    this.#tracks.clear();
    this.#notify();
  }

  /** Arrow function so it can be handed to useSyncExternalStore as is. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

const key = (participantId: ParticipantId, source: MediaSource) => `${participantId}\u0000${source}`;

/** The registry the app renders from; tests create their own. */
export const trackRegistry = new TrackRegistry();
