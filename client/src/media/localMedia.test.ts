import { describe, expect, it } from 'vitest';
import type { Message } from '../i18n/message.ts';
import { englishOf } from '../testing/english.ts';
import { FakeTrack } from '../testing/fakes.ts';
import { acquireLocalMedia, describeMediaError, type GetUserMedia } from './localMedia.ts';

function stream(...tracks: FakeTrack[]): MediaStream {
  return {
    getTracks: () => tracks.map((t) => t.track),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio').map((t) => t.track),
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video').map((t) => t.track),
  } as unknown as MediaStream;
}

const domError = (name: string) => Object.assign(new Error(name), { name });

/** A getUserMedia where each device is either present or fails with the given error name. */
function devices(outcome: { audio: string | null; video: string | null }) {
  const calls: MediaStreamConstraints[] = [];
  const getUserMedia: GetUserMedia = async (constraints) => {
    calls.push(constraints);
    const failure = (constraints.audio && outcome.audio) || (constraints.video && outcome.video);
    if (failure) throw domError(failure);
    const tracks: FakeTrack[] = [];
    if (constraints.audio) tracks.push(new FakeTrack('audio'));
    if (constraints.video) tracks.push(new FakeTrack('video'));
    return stream(...tracks);
  };
  return { getUserMedia, calls };
}

const wording = (problem: Message | null) => (problem ? englishOf(problem) : null);

describe('acquireLocalMedia', () => {
  it('asks once for both when both are available', async () => {
    const { getUserMedia, calls } = devices({ audio: null, video: null });
    const acquired = await acquireLocalMedia(['mic', 'camera'], getUserMedia);
    expect(acquired.problem).toBeNull();
    expect(acquired.tracks.mic?.kind).toBe('audio');
    expect(acquired.tracks.camera?.kind).toBe('video');
    expect(calls).toHaveLength(1);
  });

  it('keeps the microphone when only the camera is missing, and says so', async () => {
    const { getUserMedia, calls } = devices({ audio: null, video: 'NotFoundError' });
    const acquired = await acquireLocalMedia(['mic', 'camera'], getUserMedia);
    expect(acquired.tracks.mic?.kind).toBe('audio');
    expect(acquired.tracks.camera).toBeUndefined();
    expect(wording(acquired.problem)).toBe('No camera was found. You joined without it.');
    expect(calls).toHaveLength(3);
  });

  it('names both devices when both are blocked', async () => {
    const { getUserMedia } = devices({ audio: 'NotAllowedError', video: 'NotAllowedError' });
    const acquired = await acquireLocalMedia(['mic', 'camera'], getUserMedia);
    expect(acquired.tracks).toEqual({});
    expect(wording(acquired.problem)).toMatch(/^Access to your camera and microphone was blocked/);
  });

  it('explains the https requirement when the browser offers no devices at all', async () => {
    const acquired = await acquireLocalMedia(['mic'], null);
    expect(acquired.tracks).toEqual({});
    expect(wording(acquired.problem)).toMatch(/https/);
  });

  it('stops tracks it did not ask for, so no device light stays on', async () => {
    const extra = new FakeTrack('video');
    const audio = new FakeTrack('audio');
    const acquired = await acquireLocalMedia(['mic'], async () => stream(audio, extra));
    expect(acquired.tracks.mic).toBe(audio.track);
    expect(extra.readyState).toBe('ended');
    expect(audio.readyState).toBe('live');
  });

  it('reports a wanted device the browser silently left out', async () => {
    const acquired = await acquireLocalMedia(['mic', 'camera'], async () => stream(new FakeTrack('audio')));
    expect(acquired.tracks.mic).toBeDefined();
    expect(wording(acquired.problem)).toBe('No camera was found. You joined without it.');
  });

  it('asks for nothing when nothing is wanted', async () => {
    const { getUserMedia, calls } = devices({ audio: null, video: null });
    expect(await acquireLocalMedia([], getUserMedia)).toEqual({ tracks: {}, problem: null });
    expect(calls).toHaveLength(0);
  });
});

describe('describeMediaError', () => {
  it.each([
    ['NotReadableError', 'Your camera could not be started. Another application may be using it.'],
    ['OverconstrainedError', 'No camera was found. You joined without it.'],
    ['TypeError', 'Your camera could not be started (TypeError).'],
  ])('%s', (name, message) => {
    expect(englishOf(describeMediaError(domError(name), 'camera'))).toBe(message);
  });

  it('copes with something that is not an error', () => {
    expect(englishOf(describeMediaError('nope', 'mic'))).toBe('Your microphone could not be started.');
  });
});
