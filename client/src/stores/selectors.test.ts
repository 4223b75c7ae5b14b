import { describe, expect, it } from 'vitest';
import { peer, pid, producerInfo } from '../testing/fakes.ts';
import { joined } from './room.ts';
import { selectParticipantIds, selectSourceLive } from './selectors.ts';
import { type AppState, initialAppState } from './state.ts';

const room = (): AppState =>
  joined(initialAppState(), {
    self: peer('me', 'Ada', 50),
    peers: [
      peer('late', 'Late', 40),
      peer('early', 'Early', 10),
      peer('b-tie', 'Tie B', 20),
      peer('a-tie', 'Tie A', 20),
    ],
    producers: [producerInfo('e-mic', 'early', 'mic', true), producerInfo('e-cam', 'early', 'camera')],
    routerRtpCapabilities: {},
  });

describe('selectParticipantIds', () => {
  it('puts self first, then everyone in order of arrival, ties by id', () => {
    expect(selectParticipantIds(room())).toEqual(['me', 'early', 'a-tie', 'b-tie', 'late']);
  });
});

describe('selectSourceLive', () => {
  it("reads others' mic and camera from what they offer", () => {
    const state = room();
    expect(selectSourceLive(pid('early'), 'mic')(state)).toBe(false); // paused
    expect(selectSourceLive(pid('early'), 'camera')(state)).toBe(true);
    expect(selectSourceLive(pid('late'), 'mic')(state)).toBe(false); // offers nothing
  });

  it('reads our own from what we send', () => {
    const state: AppState = { ...room(), localMedia: { mic: 'paused', camera: 'live' } };
    expect(selectSourceLive(pid('me'), 'mic')(state)).toBe(false);
    expect(selectSourceLive(pid('me'), 'camera')(state)).toBe(true);
  });
});
