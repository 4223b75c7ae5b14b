// How video is sent (simulcast layers, bitrates) and which layer a tile of a given size needs.
// The sender offers every layer once; the SFU forwards each receiver only the one it asks for.
import type { types } from 'mediasoup-client';

/** The camera is captured at this size (see `localMedia.ts`); the layers are fractions of it. */
export const CAMERA_CAPTURE = { width: 960, height: 540 } as const;

/**
 * Three spatial layers, smallest first (the order mediasoup numbers them: 0, 1, 2), each at its full
 * frame rate and without temporal layers. mediasoup ranks every temporal layer of a spatial layer
 * above all of the layer below, so with temporal layers a receiver short of bandwidth kept the
 * middle layer at a quarter of its frame rate (still most of its bitrate on a 300 kbit/s link)
 * instead of the smallest at full rate, and the queue that overflowed took audio with it (#21).
 */
export const CAMERA_ENCODINGS: readonly Readonly<types.RtpEncodingParameters>[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000, scalabilityMode: 'L1T1' },
  { scaleResolutionDownBy: 2, maxBitrate: 450_000, scalabilityMode: 'L1T1' },
  { scaleResolutionDownBy: 1, maxBitrate: 1_100_000, scalabilityMode: 'L1T1' },
];

/**
 * A shared screen is read, not glanced at: one sharp layer at a low frame rate beats three blurry
 * ones, and everyone who watches it shows it large.
 */
export const SCREEN_ENCODINGS: readonly Readonly<types.RtpEncodingParameters>[] = [
  { maxBitrate: 1_500_000, maxFramerate: 15 },
];

/** Fresh copies for one producer: mediasoup-client writes `rid` and `scalabilityMode` into what it is given. */
export const encodingsFor = (source: 'camera' | 'screen'): types.RtpEncodingParameters[] =>
  (source === 'camera' ? CAMERA_ENCODINGS : SCREEN_ENCODINGS).map((encoding) => ({ ...encoding }));

/** What each camera layer carries, in pixels, smallest first. */
export function cameraLayerSizes(capture: { width: number; height: number } = CAMERA_CAPTURE) {
  return CAMERA_ENCODINGS.map(({ scaleResolutionDownBy = 1 }) => ({
    width: Math.round(capture.width / scaleResolutionDownBy),
    height: Math.round(capture.height / scaleResolutionDownBy),
  }));
}

/**
 * A layer may be this much smaller than the tile it fills: scaling up by a quarter looks fine in a
 * moving picture, and it keeps a 1280×720 window's tiles from always asking for the top layer.
 */
const UPSCALE_TOLERANCE = 1.25;

/**
 * The smallest spatial layer that fills a tile shown at `width` × `height` CSS pixels on a screen
 * with `pixelRatio` device pixels per CSS pixel; the top layer when none is large enough.
 */
export function layerForSize(width: number, height: number, pixelRatio = 1, sizes = cameraLayerSizes()): number {
  const needWidth = (width * pixelRatio) / UPSCALE_TOLERANCE;
  const needHeight = (height * pixelRatio) / UPSCALE_TOLERANCE;
  const fits = sizes.findIndex((size) => size.width >= needWidth && size.height >= needHeight);
  return fits === -1 ? sizes.length - 1 : fits;
}
