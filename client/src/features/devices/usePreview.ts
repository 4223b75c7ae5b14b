import { useEffect, useState } from 'react';
import { browserGetUserMedia } from '../../media/localMedia.ts';
import type { CheckedSource } from './mediaProblems.ts';
import { type Preview, startPreview, stopPreview } from './previewMedia.ts';

export interface PreviewState extends Preview {
  starting: boolean;
}

const NOTHING: PreviewState = { tracks: {}, problems: {}, starting: false };

/**
 * The device check's own camera and microphone, started for the chosen devices and stopped when
 * they change, when the check goes away (no camera light stays on) or when `attempt` changes (Try
 * again). A device unplugged meanwhile starts the check again, on whichever device remains.
 */
export function usePreview(
  sends: boolean,
  cameraId: string | undefined,
  micId: string | undefined,
  attempt: number,
): PreviewState {
  const [state, setState] = useState<PreviewState>(sends ? { ...NOTHING, starting: true } : NOTHING);
  const [ended, setEnded] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` and `ended` are reasons to start again
  useEffect(() => {
    if (!sends) {
      setState(NOTHING);
      return;
    }
    let cancelled = false;
    let started: Preview | null = null;
    const onEnded = () => setEnded((n) => n + 1);
    setState({ ...NOTHING, starting: true });
    const want: CheckedSource[] = ['camera', 'mic'];
    void startPreview(want, browserGetUserMedia(), { camera: cameraId, mic: micId }).then((preview) => {
      if (cancelled) {
        stopPreview(preview);
        return;
      }
      started = preview;
      for (const track of Object.values(preview.tracks)) track.addEventListener('ended', onEnded);
      setState({ ...preview, starting: false });
    });
    return () => {
      cancelled = true;
      for (const track of Object.values(started?.tracks ?? {})) track.removeEventListener('ended', onEnded);
      stopPreview(started);
    };
  }, [sends, cameraId, micId, attempt, ended]);
  return state;
}
