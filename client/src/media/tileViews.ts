// What this tab wants of each video it receives, from how the tiles showing it are laid out: a
// tile nobody can see needs no video at all, and a small tile needs only the small layer.
import type { MediaKind, MediaSource, ParticipantId } from '@plenary/shared';
import { layerForSize } from './simulcast.ts';

/** One element showing someone's camera or screen, in device pixels. */
export interface TileView {
  visible: boolean;
  width: number;
  height: number;
}

/** `spatialLayer: null` leaves the layer to the server (audio, and single-layer screen shares). */
export interface ReceiveDecision {
  paused: boolean;
  spatialLayer: number | null;
}

const FLOWING: ReceiveDecision = { paused: false, spatialLayer: null };

/**
 * Audio always flows: people are heard whether or not their tile is on screen. Video flows while at
 * least one of its tiles is visible, in the layer the largest visible one needs. Video that no tile
 * has reported on yet (its tile is still mounting) flows, so the first frame is never held back.
 */
export function decideReceiving(
  kind: MediaKind,
  source: MediaSource,
  views: readonly TileView[] | undefined,
): ReceiveDecision {
  if (kind === 'audio' || !views || views.length === 0) return FLOWING;
  const visible = views.filter((view) => view.visible);
  if (visible.length === 0) return { paused: true, spatialLayer: null };
  if (source !== 'camera') return FLOWING;
  const largest = visible.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  return { paused: false, spatialLayer: layerForSize(largest.width, largest.height) };
}

/**
 * The tiles on screen, by person and source, as the UI reports them (`useTileView`). Lives outside
 * the store for the same reason tracks do: it changes with every resize and scroll, and only the
 * media controller reads it.
 */
export class ViewRegistry {
  readonly #views = new Map<string, Map<number, TileView>>();
  readonly #listeners = new Set<() => void>();
  #nextViewId = 0;

  /** A fresh id for one element that will report its view. */
  newViewId(): number {
    this.#nextViewId += 1;
    return this.#nextViewId;
  }

  /** `null`: the element is gone. */
  report(participantId: ParticipantId, source: MediaSource, viewId: number, view: TileView | null): void {
    const key = keyOf(participantId, source);
    const views = this.#views.get(key) ?? new Map<number, TileView>();
    const previous = views.get(viewId);
    if (view === null) {
      if (!previous) return;
      views.delete(viewId);
      if (views.size === 0) this.#views.delete(key);
    } else {
      if (previous && sameView(previous, view)) return;
      views.set(viewId, view);
      this.#views.set(key, views);
    }
    for (const listener of this.#listeners) listener();
  }

  viewsOf(participantId: ParticipantId, source: MediaSource): TileView[] {
    return [...(this.#views.get(keyOf(participantId, source))?.values() ?? [])];
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const keyOf = (participantId: ParticipantId, source: MediaSource) => `${participantId}\u0000${source}`;

const sameView = (a: TileView, b: TileView) => a.visible === b.visible && a.width === b.width && a.height === b.height;

/** The registry the app's tiles report to; tests create their own. */
export const viewRegistry = new ViewRegistry();
