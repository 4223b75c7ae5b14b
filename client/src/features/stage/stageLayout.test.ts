import { describe, expect, it } from 'vitest';
import { pid } from '../../testing/fakes.ts';
import { arrangeStage, SPOTLIGHT_FROM, type StageInput } from './stageLayout.ts';

const ids = (...names: string[]) => names.map(pid);
const room = (over: Partial<StageInput> = {}): StageInput => ({
  peerIds: ids('me', 'ana', 'ben'),
  selfId: pid('me'),
  activeSpeakerId: null,
  screens: [],
  guests: [],
  ...over,
});
const order = (layout: ReturnType<typeof arrangeStage>) => layout.tiles.map((tile) => tile.participantId);
const crowd = ['me', ...Array.from({ length: SPOTLIGHT_FROM - 1 }, (_, index) => `p${index}`)];

describe('arrangeStage', () => {
  it('keeps a small room in room order, the speaker only highlighted by the tile', () => {
    const layout = arrangeStage(room({ activeSpeakerId: pid('ben') }));
    expect(layout.kind).toBe('gallery');
    expect(order(layout)).toEqual(ids('me', 'ana', 'ben'));
    expect(layout.tiles.some((tile) => tile.spotlight)).toBe(false);
  });

  it('moves the active speaker of a larger room to the front, larger', () => {
    const layout = arrangeStage(room({ peerIds: ids(...crowd), activeSpeakerId: pid('p3') }));
    expect(order(layout)).toEqual(ids('p3', 'me', 'p0', 'p1', 'p2', 'p4'));
    expect(layout.tiles.map((tile) => tile.spotlight)).toEqual([true, false, false, false, false, false]);
  });

  it('never spotlights ourselves: we know when we speak', () => {
    const layout = arrangeStage(room({ peerIds: ids(...crowd), activeSpeakerId: pid('me') }));
    expect(order(layout)).toEqual(ids(...crowd));
    expect(layout.tiles.some((tile) => tile.spotlight)).toBe(false);
  });

  it('puts a chair heard from elsewhere first, as a guest', () => {
    const layout = arrangeStage(room({ guests: ids('chair') }));
    expect(layout.tiles[0]).toEqual({ participantId: pid('chair'), guest: true, spotlight: false });
    expect(order(layout)).toEqual(ids('chair', 'me', 'ana', 'ben'));
  });

  it('switches to the share layout: the newest share large, older ones and the people beside it', () => {
    const layout = arrangeStage(room({ screens: ids('ana', 'ben'), activeSpeakerId: pid('ana') }));
    expect(layout).toMatchObject({ kind: 'share', screen: 'ben', otherScreens: ['ana'] });
    // Beside a screen every tile is small: the speaker goes first, without growing.
    expect(order(layout)).toEqual(ids('ana', 'me', 'ben'));
    expect(layout.tiles.some((tile) => tile.spotlight)).toBe(false);
  });
});
