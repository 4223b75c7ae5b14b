import { describe, expect, it } from 'vitest';
import { FakeTrack } from '../../testing/fakes.ts';
import { startPreview, stopPreview } from './previewMedia.ts';

const domError = (name: string) => Object.assign(new Error(name), { name });

const stream = (...tracks: FakeTrack[]) =>
  ({ getTracks: () => tracks.map((track) => track.track) }) as unknown as MediaStream;

/** A browser whose camera and microphone each work or fail with the given error. */
function browser(outcome: { video?: string; audio?: string }) {
  const asked: MediaStreamConstraints[] = [];
  const made: FakeTrack[] = [];
  const getUserMedia = async (constraints: MediaStreamConstraints) => {
    asked.push(constraints);
    const failure = (constraints.video && outcome.video) || (constraints.audio && outcome.audio);
    if (failure) throw domError(failure);
    const tracks = [
      ...(constraints.video ? [new FakeTrack('video')] : []),
      ...(constraints.audio ? [new FakeTrack('audio')] : []),
    ];
    made.push(...tracks);
    return stream(...tracks);
  };
  return { getUserMedia, asked, made };
}

describe('startPreview', () => {
  it('asks once, for the chosen devices, when both work', async () => {
    const { getUserMedia, asked } = browser({});
    const preview = await startPreview(['camera', 'mic'], getUserMedia, { camera: 'cam-2' });
    expect(preview.problems).toEqual({});
    expect(preview.tracks.camera?.kind).toBe('video');
    expect(preview.tracks.mic?.kind).toBe('audio');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.video).toMatchObject({ deviceId: { exact: 'cam-2' } });
  });

  it('keeps the microphone when there is no camera, and says which is missing', async () => {
    const { getUserMedia, asked } = browser({ video: 'NotFoundError' });
    const preview = await startPreview(['camera', 'mic'], getUserMedia, {});
    expect(asked).toHaveLength(3);
    expect(preview.tracks.mic?.kind).toBe('audio');
    expect(preview.tracks.camera).toBeUndefined();
    expect(preview.problems).toEqual({ camera: 'not-found' });
  });

  it('tells blocked from busy, per device', async () => {
    const { getUserMedia } = browser({ video: 'NotReadableError', audio: 'NotAllowedError' });
    expect((await startPreview(['camera', 'mic'], getUserMedia, {})).problems).toEqual({
      camera: 'in-use',
      mic: 'denied',
    });
  });

  it('stops what it did not ask for and reports what the browser silently left out', async () => {
    const extra = new FakeTrack('video');
    const audio = new FakeTrack('audio');
    const preview = await startPreview(['mic', 'camera'], async () => stream(audio), {});
    expect(preview.problems).toEqual({ camera: 'not-found' });
    const onlyMic = await startPreview(['mic'], async () => stream(audio, extra), {});
    expect(onlyMic.tracks).toEqual({ mic: audio.track });
    expect(extra.readyState).toBe('ended');
  });

  it('explains a page without camera access (not https) and asks nothing when nothing is wanted', async () => {
    expect((await startPreview(['camera', 'mic'], null, {})).problems).toEqual({
      camera: 'insecure',
      mic: 'insecure',
    });
    const { getUserMedia, asked } = browser({});
    expect(await startPreview([], getUserMedia, {})).toEqual({ tracks: {}, problems: {} });
    expect(asked).toEqual([]);
  });

  it('is stopped whole: no camera light stays on', async () => {
    const { getUserMedia, made } = browser({});
    stopPreview(await startPreview(['camera', 'mic'], getUserMedia, {}));
    expect(made.map((track) => track.readyState)).toEqual(['ended', 'ended']);
    stopPreview(null);
  });
});
