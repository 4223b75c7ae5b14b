import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDay, formatDuration, zonedTimeToEpoch } from './time.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:01'],
    [59_000, '0:59'],
    [61_000, '1:01'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
    [-5_000, '0:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('zonedTimeToEpoch', () => {
  it('reads an agenda time in the workshop zone, whatever the machine runs in', () => {
    expect(new Date(zonedTimeToEpoch('2025-03-10', '09:30', 'UTC')).toISOString()).toBe('2025-03-10T09:30:00.000Z');
    expect(new Date(zonedTimeToEpoch('2025-03-10', '09:30', 'Pacific/Fiji')).toISOString()).toBe(
      '2025-03-09T21:30:00.000Z',
    );
    expect(new Date(zonedTimeToEpoch('2025-01-15', '09:30', 'Europe/Paris')).toISOString()).toBe(
      '2025-01-15T08:30:00.000Z',
    );
  });

  it('follows daylight saving time', () => {
    expect(new Date(zonedTimeToEpoch('2025-07-15', '09:30', 'Europe/Paris')).toISOString()).toBe(
      '2025-07-15T07:30:00.000Z',
    );
    // The morning after the clocks went forward (30 March 2025, 02:00 → 03:00).
    expect(new Date(zonedTimeToEpoch('2025-03-30', '04:00', 'Europe/Paris')).toISOString()).toBe(
      '2025-03-30T02:00:00.000Z',
    );
  });
});

describe('formatClock and formatDate', () => {
  it("shows an instant on the viewer's own clock", () => {
    const nineThirtyInSuva = zonedTimeToEpoch('2025-03-10', '09:30', 'Pacific/Fiji');
    expect(formatClock(nineThirtyInSuva, 'Pacific/Fiji', 'en-GB')).toBe('09:30');
    expect(formatClock(nineThirtyInSuva, 'Europe/Paris', 'en-GB')).toBe('22:30');
  });

  it('shows a date without shifting it by the zone', () => {
    expect(formatDate('2025-03-10', 'en-GB')).toBe('Mon 10 Mar');
    expect(formatDate('2025-03-10', 'zh')).toBe('3月10日周一');
  });

  it('writes a day with its year as the language does', () => {
    expect(formatDay('2025-03-10', 'en-GB')).toBe('10 Mar 2025');
    expect(formatDay('2025-03-10', 'zh')).toBe('2025年3月10日');
  });
});
