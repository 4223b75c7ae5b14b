import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { fitGalleryWithSpotlight } from './galleryLayout.ts';

/** Matches the narrow-window rule in styles.css: there, tiles stack and the page scrolls. */
const NARROW = '(max-width: 48rem)';

interface Box {
  width: number;
  height: number;
  gap: number;
}

/**
 * Fits `count` tiles into the element given `ref`, one of them double-sized when `spotlight` asks
 * for it and there is room; on narrow windows leaves the layout to CSS (and never spotlights).
 */
export function useGalleryLayout<T extends HTMLElement>(count: number, spotlight = false) {
  const ref = useRef<T>(null);
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (window.matchMedia(NARROW).matches) {
        setBox(null);
        return;
      }
      const gap = Number.parseFloat(getComputedStyle(element).columnGap) || 0;
      const { clientWidth: width, clientHeight: height } = element;
      setBox((previous) =>
        previous && previous.width === width && previous.height === height && previous.gap === gap
          ? previous
          : { width, height, gap },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  let style: CSSProperties | undefined;
  let spotlit = false;
  if (box) {
    const layout = fitGalleryWithSpotlight(count, box.width, box.height, { gap: box.gap, spotlight });
    style = { gridTemplateColumns: `repeat(${layout.columns}, ${layout.tileWidth}px)` };
    spotlit = layout.spotlight;
  }
  return { ref, style, spotlight: spotlit };
}
