import { describe, expect, it } from 'vitest';
import { englishOf } from '../testing/english.ts';
import { FakeTrack } from '../testing/fakes.ts';
import { captureScreen } from './screenCapture.ts';

const stream = (...tracks: FakeTrack[]) =>
  ({
    getTracks: () => tracks.map((t) => t.track),
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video').map((t) => t.track),
  }) as unknown as MediaStream;

const refused = (name: string) => async () => {
  throw Object.assign(new Error(name), { name });
};

describe('captureScreen', () => {
  it('returns the chosen surface’s video, marked as detailed content, and lets go of its audio', async () => {
    const video = new FakeTrack('video');
    const audio = new FakeTrack('audio');
    let asked: DisplayMediaStreamOptions | undefined;
    const captured = await captureScreen(async (options) => {
      asked = options;
      return stream(video, audio);
    });
    expect(captured).toEqual({ track: video.track, problem: null });
    expect(video.track.contentHint).toBe('detail');
    expect(audio.readyState).toBe('ended');
    expect(asked).toMatchObject({ audio: false });
  });

  it('says nothing when the person cancels the picker', async () => {
    expect(await captureScreen(refused('NotAllowedError'))).toEqual({ track: null, problem: null });
  });

  it('explains other failures, and browsers that cannot share at all', async () => {
    const failed = (await captureScreen(refused('NotReadableError'))).problem;
    expect(failed && englishOf(failed)).toMatch(/^Your screen could not be shared \(NotReadableError\)/u);
    const unable = await captureScreen(null);
    expect(unable.track).toBeNull();
    expect(unable.problem && englishOf(unable.problem)).toBe('This browser cannot share a screen.');
  });
});
