import type { MediaSource, ParticipantId } from '@plenary/shared';
import { useCallback } from 'react';
import { type TileView, viewRegistry } from './tileViews.ts';

/**
 * Tiles just outside the visible area count as visible, so scrolling brings video that is already
 * flowing instead of waiting for a key frame.
 */
const NEAR = '120px';

/**
 * A ref for the element showing someone's camera or screen. It reports how the element is seen:
 * whether any of it is on screen (scrolled away, in a hidden panel, under `display: none`, or in a
 * tab the person switched away from, it is not) and its size in device pixels. The media
 * controller turns that into pausing and layers.
 */
export function useTileView(participantId: ParticipantId, source: MediaSource) {
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element || typeof ResizeObserver === 'undefined' || typeof IntersectionObserver === 'undefined') return;
      const viewId = viewRegistry.newViewId();
      const view: TileView = { visible: false, width: 0, height: 0 };
      let sized = false;
      let placed = false;
      let intersecting = false;
      const report = () => {
        view.visible = intersecting && !document.hidden;
        // Only once both observers have spoken: half a picture would pause a tile that is on screen.
        if (sized && placed) viewRegistry.report(participantId, source, viewId, { ...view });
      };
      const resize = new ResizeObserver(([entry]) => {
        if (!entry) return;
        const ratio = window.devicePixelRatio || 1;
        view.width = Math.round(entry.contentRect.width * ratio);
        view.height = Math.round(entry.contentRect.height * ratio);
        sized = true;
        report();
      });
      const intersection = new IntersectionObserver(
        (entries) => {
          const latest = entries.at(-1);
          if (!latest) return;
          intersecting = latest.isIntersecting;
          placed = true;
          report();
        },
        { rootMargin: NEAR },
      );
      resize.observe(element);
      intersection.observe(element);
      // Intersection says nothing about a hidden tab: its visibility is watched on its own.
      document.addEventListener('visibilitychange', report);
      // React 19 calls this when the element goes or the ref changes.
      return () => {
        resize.disconnect();
        intersection.disconnect();
        document.removeEventListener('visibilitychange', report);
        viewRegistry.report(participantId, source, viewId, null);
      };
    },
    [participantId, source],
  );
}
