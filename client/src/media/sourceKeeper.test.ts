import { describe, expect, it } from 'vitest';
import { createAppStore } from '../stores/state.ts';
import { FakeTrack } from '../testing/fakes.ts';
import { SourceKeeper } from './sourceKeeper.ts';

function keeper() {
  const store = createAppStore();
  return { store, sources: new SourceKeeper(store) };
}

describe('SourceKeeper', () => {
  it('stops a capture the record lets go of, and only that one', () => {
    const { sources } = keeper();
    const mic = new FakeTrack('audio');
    const first = new FakeTrack('video');
    const second = new FakeTrack('video');
    sources.apply({ type: 'captured', source: 'mic', track: mic.track });
    sources.apply({ type: 'captured', source: 'camera', track: first.track });
    sources.apply({ type: 'deviceSwitched', source: 'camera', track: second.track });
    expect([mic.readyState, first.readyState, second.readyState]).toEqual(['live', 'ended', 'live']);
    sources.apply({ type: 'releasedAll' });
    expect([mic.readyState, second.readyState]).toEqual(['ended', 'ended']);
  });

  it('shows the statuses in the store, a failure as off', () => {
    const { store, sources } = keeper();
    sources.apply({ type: 'entering', sends: true });
    expect(store.getState().localMedia).toEqual({ mic: 'starting', camera: 'starting' });
    sources.apply({ type: 'captureFailed', source: 'camera' });
    sources.apply({ type: 'starting', source: 'screen' });
    expect(store.getState().localMedia).toEqual({ mic: 'starting', camera: 'off' });
    expect(store.getState().screenShare).toBe('starting');
  });

  it('forgets a capture that ended by itself, so the next room asks for the device again', () => {
    const { sources } = keeper();
    const camera = new FakeTrack('video');
    sources.apply({ type: 'captured', source: 'camera', track: camera.track });
    expect(sources.live('camera')).toBe(camera.track);
    camera.end();
    expect(sources.live('camera')).toBeUndefined();
    expect(sources.of('camera').track).toBeNull();
  });
});
