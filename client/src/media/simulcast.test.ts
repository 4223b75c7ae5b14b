import { describe, expect, it } from 'vitest';
import { CAMERA_ENCODINGS, cameraLayerSizes, encodingsFor, layerForSize } from './simulcast.ts';

describe('camera simulcast', () => {
  it('sends three layers, smallest first, each a quarter of the pixels of the next', () => {
    expect(cameraLayerSizes()).toEqual([
      { width: 240, height: 135 },
      { width: 480, height: 270 },
      { width: 960, height: 540 },
    ]);
    const bitrates = CAMERA_ENCODINGS.map((encoding) => encoding.maxBitrate ?? 0);
    expect(bitrates).toEqual([...bitrates].sort((a, b) => a - b));
  });

  it('hands each producer its own copies, since mediasoup-client writes into them', () => {
    const first = encodingsFor('camera');
    (first[1] as { rid?: string }).rid = 'r1';
    expect(encodingsFor('camera')[1]).not.toHaveProperty('rid');
    expect(encodingsFor('screen')).toHaveLength(1);
  });
});

describe('layerForSize', () => {
  it('picks the smallest layer that fills the tile', () => {
    // A thumbnail under a shared screen.
    expect(layerForSize(160, 90)).toBe(0);
    // Three or four people in a 1280×720 window: tiles of about 400×225.
    expect(layerForSize(400, 225)).toBe(1);
    // One other person, large.
    expect(layerForSize(990, 557)).toBe(2);
  });

  it('accepts a layer up to a quarter smaller than the tile before asking for the next', () => {
    expect(layerForSize(300, 168)).toBe(0);
    expect(layerForSize(301, 170)).toBe(1);
    expect(layerForSize(600, 337)).toBe(1);
    expect(layerForSize(601, 338)).toBe(2);
  });

  it('counts device pixels: a small tile on a high-density screen needs a larger layer', () => {
    expect(layerForSize(160, 90, 1)).toBe(0);
    expect(layerForSize(160, 90, 2)).toBe(1);
  });

  it('asks for the top layer when even that is smaller than the tile', () => {
    expect(layerForSize(1920, 1080)).toBe(2);
  });

  it('asks for the smallest layer for a tile that has no size yet', () => {
    expect(layerForSize(0, 0)).toBe(0);
  });
});
