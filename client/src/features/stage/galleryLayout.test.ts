import { describe, expect, it } from 'vitest';
import { fitGallery, fitGalleryWithSpotlight } from './galleryLayout.ts';

// The stage's grid area at 1280×720 (side panel, header and controls taken off).
const W = 990;
const H = 580;
const gap = 12;

describe('fitGallery', () => {
  it('gives one person a tile as large as the height allows', () => {
    // 990 wide would be 557 high: fits in 580.
    expect(fitGallery(1, W, H, { gap })).toEqual({ columns: 1, tileWidth: 990 });
    // 800 wide would be 450 high: too tall for 400, so the height decides.
    expect(fitGallery(1, 800, 400, { gap })).toEqual({ columns: 1, tileWidth: 711 });
  });

  it('puts two people side by side in a wide box, and stacked in a tall one', () => {
    expect(fitGallery(2, 1200, 400, { gap }).columns).toBe(2);
    expect(fitGallery(2, 400, 800, { gap }).columns).toBe(1);
  });

  it('arranges three and four people in two columns at 1280×720', () => {
    const three = fitGallery(3, W, H, { gap });
    const four = fitGallery(4, W, H, { gap });
    expect(three.columns).toBe(2);
    expect(four).toEqual(three);
    // Two rows of tiles fit the height.
    expect((2 * (four.tileWidth * 9)) / 16 + gap).toBeLessThanOrEqual(H);
  });

  it('never lets the tiles overflow the box while they stay readable', () => {
    for (let count = 1; count <= 12; count += 1) {
      const { columns, tileWidth } = fitGallery(count, W, H, { gap });
      const rows = Math.ceil(count / columns);
      expect(columns * tileWidth + (columns - 1) * gap).toBeLessThanOrEqual(W);
      expect((rows * (tileWidth * 9)) / 16 + (rows - 1) * gap).toBeLessThanOrEqual(H + 1);
    }
  });

  it('keeps tiles at a readable size for a full room and lets the grid scroll', () => {
    const layout = fitGallery(60, W, H, { gap, minTileWidth: 160 });
    expect(layout.tileWidth).toBeGreaterThanOrEqual(160);
    expect(layout.columns).toBe(5);
  });

  it('copes with an unmeasured or empty box', () => {
    expect(fitGallery(3, 0, 0, { gap })).toEqual({ columns: 1, tileWidth: 0 });
    expect(fitGallery(0, W, H, { gap })).toEqual({ columns: 1, tileWidth: W });
  });
});

describe('fitGalleryWithSpotlight', () => {
  it('gives the spotlight four cells when three columns fit', () => {
    const layout = fitGalleryWithSpotlight(7, W, H, { gap, spotlight: true });
    expect(layout).toMatchObject({ spotlight: true });
    expect(layout.columns).toBeGreaterThanOrEqual(3);
    expect(layout).toMatchObject(fitGallery(10, W, H, { gap }));
  });

  it('gives it up in a box too narrow for three columns, and when not asked', () => {
    expect(fitGalleryWithSpotlight(7, 400, 1200, { gap, spotlight: true }).spotlight).toBe(false);
    expect(fitGalleryWithSpotlight(7, W, H, { gap, spotlight: false })).toEqual({
      ...fitGallery(7, W, H, { gap }),
      spotlight: false,
    });
  });
});
