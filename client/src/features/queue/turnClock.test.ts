import { describe, expect, it } from 'vitest';
import { turnClock } from './turnClock.ts';

const timed = { startedAt: 1_000, durationMs: 120_000, warnAt: 91_000, warned: false };

describe('turnClock', () => {
  it('counts down a timed turn in the normal colour until the warning time', () => {
    expect(turnClock(timed, 31_000)).toEqual({ elapsedMs: 30_000, remainingMs: 90_000, tone: 'normal' });
    expect(turnClock(timed, 90_999).tone).toBe('normal');
  });

  it('turns to the warning colour at warnAt, and to "over" when the time is up', () => {
    expect(turnClock(timed, 91_000)).toEqual({ elapsedMs: 90_000, remainingMs: 30_000, tone: 'warning' });
    expect(turnClock(timed, 121_000)).toMatchObject({ remainingMs: 0, tone: 'over' });
    expect(turnClock(timed, 125_000)).toMatchObject({ remainingMs: -4_000, tone: 'over' });
  });

  it('believes the server when it already warned (clocks can disagree)', () => {
    expect(turnClock({ ...timed, warned: true }, 31_000).tone).toBe('warning');
  });

  it('never warns without a warning time', () => {
    expect(turnClock({ ...timed, warnAt: null }, 110_000).tone).toBe('normal');
  });

  it('only counts up for an untimed turn', () => {
    expect(turnClock({ startedAt: 1_000, durationMs: null, warnAt: null, warned: false }, 601_000)).toEqual({
      elapsedMs: 600_000,
      remainingMs: null,
      tone: 'normal',
    });
  });

  it('shows no negative elapsed time when this clock is behind the server', () => {
    expect(turnClock(timed, 500).elapsedMs).toBe(0);
  });
});
