// Getting the microphone and camera. Kept apart from mediasoup so the fallbacks and the messages
// people read when a device is missing or blocked can be tested with a fake getUserMedia.
import type { Message } from '../i18n/message.ts';

import { type ChosenDevices, deviceChoices, fallingBackToDefault, withChosenDevice } from './devicePreferences.ts';

export type LocalSource = 'mic' | 'camera';

export type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

export interface AcquiredMedia {
  tracks: Partial<Record<LocalSource, MediaStreamTrack>>;
  /** What to tell the person when something they wanted could not be started. */
  problem: Message | null;
}

const TRACK_CONSTRAINTS: Record<LocalSource, MediaTrackConstraints> = {
  mic: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  // 960×540 is the smallest size browsers send three simulcast layers of (below it, Chromium drops
  // the top one); receivers take only the layer their tile needs, and a short uplink sheds the top.
  camera: { width: { ideal: 960 }, height: { ideal: 540 }, frameRate: { ideal: 24, max: 30 } },
};

/** What is asked of the browser for a source: the device chosen in the device check, if any. */
export function captureConstraints(source: LocalSource, chosen: ChosenDevices): MediaStreamConstraints {
  const track = withChosenDevice(TRACK_CONSTRAINTS[source], chosen[source]);
  return source === 'mic' ? { audio: track } : { video: track };
}

/** Which devices a message is about. */
export type DeviceSet = LocalSource | 'both';

export function browserGetUserMedia(): GetUserMedia | null {
  // `mediaDevices` is missing outside secure contexts (plain http on anything but localhost).
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  return devices ? fallingBackToDefault((constraints) => devices.getUserMedia(constraints)) : null;
}

/**
 * Asks for everything wanted in one prompt; if that fails, asks for each source on its own, so a
 * missing camera doesn't also cost the microphone.
 */
export async function acquireLocalMedia(
  want: readonly LocalSource[],
  getUserMedia: GetUserMedia | null = browserGetUserMedia(),
  chosen: ChosenDevices = deviceChoices().current(),
): Promise<AcquiredMedia> {
  const constraintsOf = (source: LocalSource) => captureConstraints(source, chosen);
  if (want.length === 0) return { tracks: {}, problem: null };
  if (!getUserMedia) {
    return {
      tracks: {},
      problem: { key: 'devices.insecure' },
    };
  }
  try {
    const stream = await getUserMedia(Object.assign({}, ...want.map(constraintsOf)));
    const tracks = tracksOf(stream, want);
    const missing = want.filter((source) => !tracks[source]);
    return {
      tracks,
      problem:
        missing.length > 0
          ? describeMediaError({ name: 'NotFoundError' }, missing.length === 1 ? (missing[0] as LocalSource) : 'both')
          : null,
    };
  } catch (error) {
    if (want.length === 1) {
      return { tracks: {}, problem: describeMediaError(error, want[0] as LocalSource) };
    }
  }
  const tracks: AcquiredMedia['tracks'] = {};
  const failures: { source: LocalSource; error: unknown }[] = [];
  for (const source of want) {
    try {
      Object.assign(tracks, tracksOf(await getUserMedia(constraintsOf(source)), [source]));
    } catch (error) {
      failures.push({ source, error });
    }
  }
  const [first] = failures;
  if (!first) return { tracks, problem: null };
  const what = failures.length === 1 ? first.source : 'both';
  return { tracks, problem: describeMediaError(first.error, what) };
}

function tracksOf(stream: MediaStream, want: readonly LocalSource[]): AcquiredMedia['tracks'] {
  const tracks: AcquiredMedia['tracks'] = {};
  const audio = stream.getAudioTracks()[0];
  const video = stream.getVideoTracks()[0];
  if (audio && want.includes('mic')) tracks.mic = audio;
  if (video && want.includes('camera')) tracks.camera = video;
  // Anything we did not ask for (or got twice) is released at once, so no device light stays on.
  for (const track of stream.getTracks()) {
    if (track !== tracks.mic && track !== tracks.camera) track.stop();
  }
  return tracks;
}

/** What to tell a person about a getUserMedia rejection (a DOMException, by name). */
export function describeMediaError(error: unknown, what: DeviceSet): Message {
  const name = error instanceof Error || isNamed(error) ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { key: `devices.blocked_${what}` };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { key: `devices.notFound_${what}` };
    case 'NotReadableError':
    case 'AbortError':
      return { key: `devices.busy_${what}` };
    default:
      return name ? { key: `devices.failed_${what}`, values: { name } } : { key: `devices.unstartable_${what}` };
  }
}

const isNamed = (value: unknown): value is { name: string } =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
