import { AttendanceResponseSchema } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import type { WorkshopState } from '../domain/model.ts';
import { MINUTE, pid, run, SYSTEM, T0, workshopWith } from '../domain/testkit.ts';
import { attendanceSummary } from './attendanceSummary.ts';

const HOUR = 60 * MINUTE;
const connect = (state: WorkshopState, id: string, at: number) =>
  run(state, { type: 'participant.connected', actor: SYSTEM, participantId: pid(id) }, at);
const disconnect = (state: WorkshopState, id: string, at: number) =>
  run(state, { type: 'participant.disconnected', actor: SYSTEM, participantId: pid(id) }, at);

const base = workshopWith([
  { id: 'ana', name: 'Ana', organisation: 'Water Agency', connected: false },
  { id: 'ben', name: 'Ben', organisation: 'Water Agency', connected: false },
  { id: 'cai', name: 'Cai', organisation: 'Coast Guard', connected: false },
]);

describe('the attendance summary', () => {
  it('has one entry per day with a record, each organisation with who came, when, how long, and who did not', () => {
    let state = connect(base, 'ana', T0 + 20_000); // 09:00:20 Paris
    state = disconnect(state, 'ana', T0 + HOUR);
    state = connect(state, 'ana', T0 + 2 * HOUR);
    state = disconnect(state, 'ana', T0 + 3 * HOUR + 40_000);
    state = connect(state, 'cai', T0 + 24 * HOUR); // next day
    const now = T0 + 25 * HOUR;
    state = disconnect(state, 'fac', T0 + 24 * HOUR + 30 * MINUTE);

    const summary = attendanceSummary(state, now);
    expect(AttendanceResponseSchema.parse(summary)).toEqual(summary);
    expect(summary.days.map((day) => day.date)).toEqual(['2025-03-10', '2025-03-11']);

    const [first, second] = summary.days;
    const water = first?.organisations.find((row) => row.organisation === 'Water Agency');
    expect(water).toEqual({
      organisation: 'Water Agency',
      registered: 2,
      present: 1,
      // 59m40s + 1h00m40s = 2h00m20s, rounded to the minute
      minutes: 120,
      attendees: [
        { participantId: pid('ana'), name: 'Ana', firstIn: T0 + 20_000, lastOut: T0 + 3 * HOUR + 40_000, minutes: 120 },
      ],
      absent: [{ participantId: pid('ben'), name: 'Ben' }],
    });
    expect(first?.organisations.map((row) => row.organisation)).toEqual(['Coast Guard', 'Secretariat', 'Water Agency']);
    // The facilitator stayed connected overnight: day 1 counts them up to local midnight.
    const midnight = Date.UTC(2025, 2, 10, 23, 0);
    const secretariat = first?.organisations.find((row) => row.organisation === 'Secretariat');
    expect(secretariat?.attendees[0]).toMatchObject({ firstIn: T0, lastOut: midnight, minutes: 15 * 60 });
    expect(first).toMatchObject({ registered: 4, present: 2, minutes: 120 + 15 * 60 });

    // Day 2: Cai is still here, counted up to `now`; the facilitator, from midnight, left at 09:30.
    const coast = second?.organisations.find((row) => row.organisation === 'Coast Guard');
    expect(coast?.attendees).toEqual([
      { participantId: pid('cai'), name: 'Cai', firstIn: T0 + 24 * HOUR, lastOut: null, minutes: 60 },
    ]);
    expect(second).toMatchObject({ present: 2, minutes: 60 + 9 * 60 + 30 });
    expect(second?.organisations.find((row) => row.organisation === 'Water Agency')?.absent).toHaveLength(2);
  });

  it('has no days before anyone attended, and counts someone who came and went at once as present for 0 minutes', () => {
    expect(attendanceSummary({ ...base, attendance: [] }, T0).days).toEqual([]);
    const gone = disconnect(workshopWith([]), 'fac', T0);
    expect(attendanceSummary(gone, T0 + HOUR).days).toMatchObject([{ date: '2025-03-10', present: 1, minutes: 0 }]);
  });
});
