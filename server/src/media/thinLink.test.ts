import { describe, expect, it } from 'vitest';
import { forwardedLayer, isThin, THIN_BELOW_BPS, WIDE_AGAIN_AT_BPS } from './thinLink.ts';

describe('thin downlink', () => {
  it('turns thin below the threshold and wide again only above the higher one', () => {
    expect(isThin(false, 1_200_000)).toBe(false);
    expect(isThin(false, THIN_BELOW_BPS - 1)).toBe(true);
    // Between the two thresholds the link keeps whatever it was.
    const between = (THIN_BELOW_BPS + WIDE_AGAIN_AT_BPS) / 2;
    expect(isThin(true, between)).toBe(true);
    expect(isThin(false, between)).toBe(false);
    expect(isThin(true, WIDE_AGAIN_AT_BPS)).toBe(false);
  });

  it('forwards the layer the tile asked for, or the smallest on a thin link', () => {
    expect(forwardedLayer(2, false)).toBe(2);
    expect(forwardedLayer(2, true)).toBe(0);
    expect(forwardedLayer(0, true)).toBe(0);
  });
});
