export interface GalleryLayout {
  columns: number;
  /** px; every tile has the same width, and its height follows from the aspect ratio */
  tileWidth: number;
}

export interface GalleryOptions {
  /** px between tiles, both ways */
  gap: number;
  /** width / height of a tile */
  aspect?: number;
  /** px; below this, tiles stop shrinking and the grid scrolls instead */
  minTileWidth?: number;
}

/**
 * The column count that makes `count` equal tiles as large as possible inside a width × height
 * box: few people get big tiles, a full room gets a grid, and nothing overflows until tiles would
 * become too small to recognise anyone.
 */
export function fitGallery(count: number, width: number, height: number, options: GalleryOptions): GalleryLayout {
  const { gap, aspect = 16 / 9, minTileWidth = 160 } = options;
  if (count <= 0 || width <= 0) return { columns: 1, tileWidth: Math.max(0, Math.floor(width)) };
  let best: GalleryLayout = { columns: 1, tileWidth: 0 };
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    const byWidth = (width - gap * (columns - 1)) / columns;
    const byHeight = ((height - gap * (rows - 1)) / rows) * aspect;
    const tileWidth = Math.floor(Math.min(byWidth, byHeight));
    if (tileWidth > best.tileWidth) best = { columns, tileWidth };
  }
  if (best.tileWidth >= minTileWidth) return best;
  // Too many to fit: as many columns of readable tiles as the width allows, scrolling down.
  const columns = Math.max(1, Math.min(count, Math.floor((width + gap) / (minTileWidth + gap))));
  return { columns, tileWidth: Math.floor((width - gap * (columns - 1)) / columns) };
}

/** A gallery in which one tile may span two columns and two rows. */
export interface SpotlightLayout extends GalleryLayout {
  spotlight: boolean;
}

/**
 * `fitGallery` with room for a spotlight (a tile twice as wide and high: four cells). Given up when
 * the box fits fewer than three columns: a double tile would then push everyone else out of sight.
 */
export function fitGalleryWithSpotlight(
  count: number,
  width: number,
  height: number,
  options: GalleryOptions & { spotlight: boolean },
): SpotlightLayout {
  if (options.spotlight && count > 1) {
    const layout = fitGallery(count + 3, width, height, options);
    if (layout.columns >= 3) return { ...layout, spotlight: true };
  }
  return { ...fitGallery(count, width, height, options), spotlight: false };
}
