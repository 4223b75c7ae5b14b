/**
 * What this tab sends. `paused` is a muted mic (its producer exists but sends nothing);
 * a stopped camera is `off` (its producer is closed and the camera light goes out).
 */
export type LocalSourceStatus = 'off' | 'starting' | 'live' | 'paused';

export interface LocalMediaSlice {
  localMedia: { mic: LocalSourceStatus; camera: LocalSourceStatus };
}

export const initialLocalMedia: LocalMediaSlice = { localMedia: { mic: 'off', camera: 'off' } };
