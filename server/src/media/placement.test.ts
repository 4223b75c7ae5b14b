import { describe, expect, it } from 'vitest';
import { placeNewcomer, streamsPerPerson } from './placement.ts';

const slot = (worker: string, load: number, inRoom: boolean) => ({ worker, load, inRoom });

describe('placeNewcomer', () => {
  it('keeps a newcomer on the room’s worker while it has room', () => {
    const placed = placeNewcomer([slot('a', 10, true), slot('b', 0, false)], 5, 100);
    expect(placed).toEqual({ kind: 'join', worker: 'a' });
  });

  it('spreads to the least loaded other worker once the room’s worker is full', () => {
    const placed = placeNewcomer([slot('a', 98, true), slot('b', 40, false), slot('c', 20, false)], 5, 100);
    expect(placed).toEqual({ kind: 'spread', worker: 'c' });
  });

  it('prefers a worker the room already uses over a new one, among those with room', () => {
    const placed = placeNewcomer([slot('a', 98, true), slot('b', 50, true), slot('c', 0, false)], 5, 100);
    expect(placed).toEqual({ kind: 'join', worker: 'b' });
  });

  it('takes the least loaded worker when every one is full, spreading if the room is not there yet', () => {
    expect(placeNewcomer([slot('a', 120, true), slot('b', 110, false)], 5, 100)).toEqual({
      kind: 'spread',
      worker: 'b',
    });
    expect(placeNewcomer([slot('a', 120, true), slot('b', 130, true)], 5, 100)).toEqual({
      kind: 'join',
      worker: 'a',
    });
  });

  it('has nowhere to put anyone without a live worker', () => {
    expect(placeNewcomer([], 1, 100)).toBeNull();
  });
});

describe('streamsPerPerson', () => {
  it('counts every producer, or one stream from each other person before they produce', () => {
    expect(streamsPerPerson(0, 1)).toBe(0);
    expect(streamsPerPerson(0, 5)).toBe(4);
    expect(streamsPerPerson(12, 5)).toBe(12);
  });
});
