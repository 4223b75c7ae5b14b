// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startI18n } from '../../i18n/i18n.ts';
import { FakeTrack } from '../../testing/fakes.ts';
import { DeviceCheck } from './DeviceCheck.tsx';

const domError = (name: string) => Object.assign(new Error(name), { name });

/** jsdom has no MediaStream; the preview wraps tracks in one for the <video>. */
class FakeMediaStream {
  constructor(private readonly tracks: MediaStreamTrack[] = []) {}
  getTracks = () => this.tracks;
}
Object.assign(globalThis, { MediaStream: FakeMediaStream });
// Nor does it play media: a preview that starts playing is all the page needs from it here.
HTMLMediaElement.prototype.play = () => Promise.resolve();

type Outcome = { video?: string; audio?: string };

/** navigator.mediaDevices whose camera and microphone fail (or not) as `outcome` says at the time. */
function fakeMediaDevices(initial: Outcome) {
  const calls: MediaStreamConstraints[] = [];
  const tracks: FakeTrack[] = [];
  const state = { outcome: initial };
  const devices = {
    getUserMedia: async (constraints: MediaStreamConstraints) => {
      calls.push(constraints);
      const outcome = state.outcome;
      const failure = (constraints.video && outcome.video) || (constraints.audio && outcome.audio);
      if (failure) throw domError(failure);
      const made = [
        ...(constraints.video ? [new FakeTrack('video')] : []),
        ...(constraints.audio ? [new FakeTrack('audio')] : []),
      ];
      tracks.push(...made);
      return { getTracks: () => made.map((track) => track.track) } as unknown as MediaStream;
    },
    // Before access is allowed, browsers list one nameless placeholder per kind.
    enumerateDevices: async () => [
      { deviceId: '', kind: 'videoinput', label: '', groupId: '' },
      { deviceId: '', kind: 'audioinput', label: '', groupId: '' },
    ],
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true });
  return { calls, tracks, state };
}

const renderCheck = (sends = true) =>
  render(
    <Suspense fallback={<p>loading</p>}>
      <DeviceCheck sends={sends} />
    </Suspense>,
  );

beforeAll(async () => {
  await startI18n('en');
});
afterEach(() => {
  cleanup();
});

describe('DeviceCheck', () => {
  it('says access is blocked, how to allow it, that joining still works, and tries again on request', async () => {
    const media = fakeMediaDevices({ video: 'NotAllowedError', audio: 'NotAllowedError' });
    renderCheck();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Access to your camera and microphone is blocked for this site.');
    expect(alert.textContent).toMatch(/To allow it: .*then press Try again/);
    expect(alert.textContent).toContain('You can still take part without them');
    expect(screen.getByRole('combobox', { name: 'Camera' })).toHaveProperty('disabled', true);

    const asked = media.calls.length;
    media.state.outcome = { video: 'NotFoundError' };
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // This time the camera is missing and the microphone works.
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('No camera was found.'));
    expect(media.calls.length).toBeGreaterThan(asked);
    expect(screen.getByRole('alert').textContent).not.toContain('To allow it');
    expect(screen.getByRole('alert').textContent).not.toContain('microphone');
  });

  it('says when neither a camera nor a microphone was found, and stops what it started when it goes away', async () => {
    const media = fakeMediaDevices({ video: 'NotFoundError', audio: 'NotFoundError' });
    const view = renderCheck();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No camera or microphone was found.');
    expect(alert.textContent).not.toContain('To allow it');
    view.unmount();

    const working = fakeMediaDevices({});
    const again = renderCheck();
    await waitFor(() => expect(working.tracks.length).toBe(2));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('meter', { name: 'Microphone level' })).toBeTruthy();
    act(() => again.unmount());
    expect(working.tracks.map((track) => track.readyState)).toEqual(['ended', 'ended']);
    expect(media.tracks).toEqual([]);
  });

  it('says when the camera is busy in another application', async () => {
    fakeMediaDevices({ video: 'NotReadableError' });
    renderCheck();
    expect((await screen.findByRole('alert')).textContent).toContain('Your camera is in use by another application.');
  });

  it('asks an observer for no camera or microphone: only the speaker is checked', async () => {
    const media = fakeMediaDevices({});
    renderCheck(false);
    await screen.findByRole('button', { name: 'Play test sound' });
    expect(screen.queryByRole('combobox', { name: 'Camera' })).toBeNull();
    expect(media.calls).toEqual([]);
  });
});
