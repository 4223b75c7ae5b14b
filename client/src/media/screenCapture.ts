// Getting a screen, window or tab to share. Apart from mediasoup, like `localMedia.ts`, so what a
// person reads when sharing fails is tested with a fake getDisplayMedia.
import type { Message } from '../i18n/message.ts';

export type GetDisplayMedia = (options: DisplayMediaStreamOptions) => Promise<MediaStream>;

export interface CapturedScreen {
  track: MediaStreamTrack | null;
  /** What to tell the person; null when they simply cancelled the browser's picker. */
  problem: Message | null;
}

/** Text and slides stay sharp at a modest frame rate; more would cost bandwidth for nothing. */
const OPTIONS: DisplayMediaStreamOptions = {
  video: { frameRate: { ideal: 15, max: 15 }, width: { max: 1920 }, height: { max: 1080 } },
  audio: false,
};

export function browserGetDisplayMedia(): GetDisplayMedia | null {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  return devices && typeof devices.getDisplayMedia === 'function'
    ? (options) => devices.getDisplayMedia(options)
    : null;
}

/** Opens the browser's picker; resolves with the chosen surface's track, or why there is none. */
export async function captureScreen(
  getDisplayMedia: GetDisplayMedia | null = browserGetDisplayMedia(),
): Promise<CapturedScreen> {
  if (!getDisplayMedia) return { track: null, problem: { key: 'devices.screenUnsupported' } };
  try {
    const stream = await getDisplayMedia(OPTIONS);
    const [track] = stream.getVideoTracks();
    for (const other of stream.getTracks()) if (other !== track) other.stop();
    if (!track) return { track: null, problem: { key: 'devices.screenEmpty' } };
    // Tells the encoder to keep detail (text) rather than motion when bandwidth is short.
    track.contentHint = 'detail';
    return { track, problem: null };
  } catch (error) {
    const name = error instanceof Error || isNamed(error) ? error.name : '';
    // Chromium and Firefox both answer a cancelled picker with NotAllowedError: the person chose not to.
    if (name === 'NotAllowedError' || name === 'AbortError') return { track: null, problem: null };
    return {
      track: null,
      problem: name ? { key: 'devices.screenFailed', values: { name } } : { key: 'devices.screenUnshareable' },
    };
  }
}

const isNamed = (value: unknown): value is { name: string } =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
