import { describe, expect, it } from 'vitest';
import { breakoutClock, defaultRoomNames, randomSeed } from './breakoutClock.ts';

const open = { openedAt: 0, endsAt: 600_000, recallAt: null };

describe('breakoutClock', () => {
  it('counts down to the end of the breakout', () => {
    expect(breakoutClock(open, 150_000)).toEqual({ phase: 'running', remainingMs: 450_000, progress: 0.25 });
  });

  it('stops at zero when time is up but nobody has recalled yet', () => {
    expect(breakoutClock(open, 700_000)).toEqual({ phase: 'running', remainingMs: 0, progress: 1 });
  });

  it('switches to the recall countdown once the rooms are recalled', () => {
    expect(breakoutClock({ ...open, recallAt: 330_000 }, 300_000)).toEqual({
      phase: 'recalling',
      remainingMs: 30_000,
      progress: 1,
    });
  });
});

describe('defaultRoomNames and randomSeed', () => {
  it('numbers rooms from 1', () => {
    expect(defaultRoomNames(3)).toEqual(['Room 1', 'Room 2', 'Room 3']);
  });

  it('makes seeds the server accepts (unsigned 32-bit integers)', () => {
    expect(randomSeed(() => 0)).toBe(0);
    expect(randomSeed(() => 0.999_999_999_9)).toBeLessThanOrEqual(2 ** 32 - 1);
    expect(Number.isInteger(randomSeed())).toBe(true);
  });
});
