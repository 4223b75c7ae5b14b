import { describe, expect, it } from 'vitest';
import { initialAppState } from '../../stores/state.ts';
import { peer, producerInfo } from '../../testing/fakes.ts';
import { selectGuests, selectRemoteScreens, selectSending } from './mediaSelectors.ts';

const state = (producers: ReturnType<typeof producerInfo>[]) => ({
  ...initialAppState(),
  peers: Object.fromEntries(['me', 'ana', 'ben'].map((id) => [id, peer(id)])),
  producers: Object.fromEntries(producers.map((producer) => [producer.producerId, producer])),
});

describe('stage media selectors', () => {
  it('lists who shares a screen, oldest first, once each', () => {
    const shares = state([
      producerInfo('b-screen', 'ben', 'screen'),
      producerInfo('a-cam', 'ana', 'camera'),
      producerInfo('a-screen', 'ana', 'screen'),
    ]);
    expect(selectRemoteScreens(shares)).toEqual(['ben', 'ana']);
  });

  it('finds people heard here who are not in the room: a chair speaking to every breakout', () => {
    const heard = state([producerInfo('a-mic', 'ana', 'mic'), producerInfo('chair-mic', 'chair', 'mic')]);
    expect(selectGuests(heard)).toEqual(['chair']);
  });

  it('says what each person sends, a muted microphone excepted', () => {
    const sending = state([
      producerInfo('a-mic', 'ana', 'mic', true),
      producerInfo('a-cam', 'ana', 'camera'),
      producerInfo('b-mic', 'ben', 'mic'),
      producerInfo('b-screen', 'ben', 'screen'),
    ]);
    expect(selectSending(sending)).toEqual(['ana/camera', 'ben/mic', 'ben/screen']);
  });
});
