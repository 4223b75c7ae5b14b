// Starting the camera and microphone for the device check, with the same constraints (and chosen
// devices) as the capture that is sent to the room, so the preview shows what others will get.
import type { ChosenDevices } from '../../media/devicePreferences.ts';
import { captureConstraints, type GetUserMedia } from '../../media/localMedia.ts';
import { type CheckedSource, type MediaProblem, mediaProblemOf, type SourceProblems } from './mediaProblems.ts';

export interface Preview {
  tracks: Partial<Record<CheckedSource, MediaStreamTrack>>;
  problems: SourceProblems;
}

const KIND: Record<CheckedSource, 'audio' | 'video'> = { camera: 'video', mic: 'audio' };

/**
 * Asks for both in one prompt; when that fails, for each on its own, so a missing camera still lets
 * the microphone be checked. Tracks that come back unasked for are stopped at once.
 */
export async function startPreview(
  want: readonly CheckedSource[],
  getUserMedia: GetUserMedia | null,
  chosen: ChosenDevices,
): Promise<Preview> {
  if (want.length === 0) return { tracks: {}, problems: {} };
  if (!getUserMedia) return { tracks: {}, problems: everyone(want, 'insecure') };
  const constraints = (sources: readonly CheckedSource[]) =>
    Object.assign({}, ...sources.map((source) => captureConstraints(source, chosen))) as MediaStreamConstraints;
  try {
    return keep(await getUserMedia(constraints(want)), want);
  } catch (error) {
    if (want.length === 1) return { tracks: {}, problems: everyone(want, mediaProblemOf(error)) };
  }
  const preview: Preview = { tracks: {}, problems: {} };
  for (const source of want) {
    try {
      const one = keep(await getUserMedia(constraints([source])), [source]);
      Object.assign(preview.tracks, one.tracks);
      Object.assign(preview.problems, one.problems);
    } catch (error) {
      preview.problems[source] = mediaProblemOf(error);
    }
  }
  return preview;
}

function keep(stream: MediaStream, want: readonly CheckedSource[]): Preview {
  const preview: Preview = { tracks: {}, problems: {} };
  for (const track of stream.getTracks()) {
    const source = want.find((candidate) => KIND[candidate] === track.kind && !preview.tracks[candidate]);
    if (source) preview.tracks[source] = track;
    else track.stop();
  }
  for (const source of want) if (!preview.tracks[source]) preview.problems[source] = 'not-found';
  return preview;
}

const everyone = (want: readonly CheckedSource[], problem: MediaProblem): SourceProblems =>
  Object.fromEntries(want.map((source) => [source, problem]));

/** Ends every track of a preview: the camera light goes off. */
export function stopPreview(preview: Preview | null): void {
  for (const track of Object.values(preview?.tracks ?? {})) track.stop();
}
