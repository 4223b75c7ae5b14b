import type { AttendanceResponse } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { clockTime, dayName, dayToShow, hoursAndMinutes, organisationSpan, presence } from './attendanceTable.ts';

const day = (date: string) => ({ date, registered: 0, present: 0, minutes: 0, organisations: [] });
const summary = {
  workshopId: 'w',
  timeZone: 'UTC',
  asOf: 0,
  days: [day('2025-03-10'), day('2025-03-11')],
} as unknown as AttendanceResponse;

describe('the attendance table', () => {
  it('writes minutes as hours and minutes', () => {
    expect(hoursAndMinutes(0)).toBe('0:00');
    expect(hoursAndMinutes(59)).toBe('0:59');
    expect(hoursAndMinutes(125)).toBe('2:05');
    expect(hoursAndMinutes(-3)).toBe('0:00');
  });

  it('shows the day picked while it exists, else the latest', () => {
    expect(dayToShow(summary, '2025-03-10')?.date).toBe('2025-03-10');
    expect(dayToShow(summary, null)?.date).toBe('2025-03-11');
    expect(dayToShow(summary, '2024-01-01')?.date).toBe('2025-03-11');
    expect(dayToShow(null, null)).toBeUndefined();
  });

  it('gives presence as a count and a share', () => {
    expect(presence(3, 4)).toEqual({ text: '3 / 4', percent: 75 });
    expect(presence(0, 0)).toEqual({ text: '0 / 0', percent: 0 });
  });

  it('spans an organisation’s day from its first arrival to its last departure, open while someone stays', () => {
    const person = (firstIn: number, lastOut: number | null) => ({
      participantId: 'p' as never,
      name: 'p',
      firstIn,
      lastOut,
      minutes: 0,
    });
    const row = (attendees: ReturnType<typeof person>[]) => ({
      organisation: 'O',
      registered: 3,
      present: attendees.length,
      minutes: 0,
      attendees,
      absent: [],
    });
    expect(organisationSpan(row([person(20, 50), person(10, 40)]))).toEqual([10, 50]);
    expect(organisationSpan(row([person(20, null), person(10, 40)]))).toEqual([10, null]);
    expect(organisationSpan(row([]))).toEqual([null, null]);
  });

  it('writes times in the given zone and days whatever the zone', () => {
    const at = Date.UTC(2025, 2, 10, 21, 5);
    expect(clockTime(at, 'Pacific/Fiji', 'en-GB')).toBe('09:05');
    expect(clockTime(at, 'Europe/Paris', 'en-GB')).toBe('22:05');
    expect(dayName('2025-03-11', 'en-GB')).toBe('Tue 11 Mar');
    expect(clockTime(at, 'UTC', 'en-US')).toMatch(/^9:05\u00a0PM$/u);
  });
});
