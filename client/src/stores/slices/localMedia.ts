import type { LinkQuality, MediaPath } from '@plenary/shared';
import type { LinkFigures } from '../../media/linkStats.ts';

/**
 * What this tab sends. `paused` is a muted mic (its producer exists but sends nothing);
 * a stopped camera is `off` (its producer is closed and the camera light goes out).
 */
export type LocalSourceStatus = 'off' | 'starting' | 'live' | 'paused';

export interface LocalMediaSlice {
  localMedia: { mic: LocalSourceStatus; camera: LocalSourceStatus };
  /** Our screen share: `starting` while the browser's picker is open. */
  screenShare: LocalSourceStatus;
  /**
   * Chairs: the breakout opening (its `openedAt`) in whose rooms our microphone is heard too, or
   * null. Tied to the opening so a toggle left on doesn't claim to reach the next set's rooms.
   */
  speakingToAllRooms: number | null;
  /** How our own media link measures (from getStats); null while nothing is through. */
  selfLink: SelfLink | null;
}

export interface SelfLink {
  quality: LinkQuality;
  figures: LinkFigures;
  path: MediaPath | null;
}

export const initialLocalMedia: LocalMediaSlice = {
  localMedia: { mic: 'off', camera: 'off' },
  screenShare: 'off',
  speakingToAllRooms: null,
  selfLink: null,
};
