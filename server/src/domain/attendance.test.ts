import { describe, expect, it } from 'vitest';
import { attendanceByOrganisation, attendanceIntervals, localDate, startOfLocalDay } from './attendance.ts';
import type { WorkshopState } from './model.ts';
import { fac, MINUTE, pid, register, run, SYSTEM, T0, withAgendaItems, workshopWith } from './testkit.ts';

const HOUR = 60 * MINUTE;
const connect = (state: WorkshopState, id: string, at: number) =>
  run(state, { type: 'participant.connected', actor: SYSTEM, participantId: pid(id) }, at);
const disconnect = (state: WorkshopState, id: string, at: number) =>
  run(state, { type: 'participant.disconnected', actor: SYSTEM, participantId: pid(id) }, at);

const base = workshopWith([
  { id: 'ana', organisation: 'Water Agency', connected: false },
  { id: 'ben', organisation: 'Water Agency', connected: false },
  { id: 'cai', organisation: 'Coast Guard', connected: false },
  { id: 'dan', organisation: 'Ministry', connected: false },
]);

describe('localDate', () => {
  it('gives the date in the workshop’s time zone', () => {
    expect(localDate(Date.UTC(2025, 2, 10, 22, 59), 'Europe/Paris')).toBe('2025-03-10');
    expect(localDate(Date.UTC(2025, 2, 10, 23, 0), 'Europe/Paris')).toBe('2025-03-11');
    expect(localDate(Date.UTC(2025, 2, 10, 2, 0), 'America/New_York')).toBe('2025-03-09');
  });
});

describe('the attendance log', () => {
  it('records an interval from connect to disconnect', () => {
    let state = connect(base, 'ana', T0);
    expect(attendanceIntervals(state, { participantId: pid('ana') })).toEqual([
      {
        participantId: pid('ana'),
        organisation: 'Water Agency',
        date: '2025-03-10',
        agendaItemId: null,
        joinedAt: T0,
        leftAt: null,
      },
    ]);
    state = disconnect(state, 'ana', T0 + HOUR);
    state = connect(state, 'ana', T0 + 2 * HOUR);
    expect(attendanceIntervals(state, { participantId: pid('ana') }).map((r) => [r.joinedAt, r.leftAt])).toEqual([
      [T0, T0 + HOUR],
      [T0 + 2 * HOUR, null],
    ]);
  });

  it('splits intervals at agenda items, so attendance per session can be read', () => {
    const planned = withAgendaItems(base, ['Opening', 'Scoping']);
    let state = planned.state;
    const [opening, scoping] = planned.itemIds as [string, string];
    state = connect(state, 'ana', T0);
    state = run(state, { type: 'agenda.startItem', actor: fac, itemId: opening }, T0 + 10 * MINUTE);
    state = connect(state, 'cai', T0 + 20 * MINUTE);
    state = run(state, { type: 'agenda.startItem', actor: fac, itemId: scoping }, T0 + HOUR);
    state = disconnect(state, 'ana', T0 + 90 * MINUTE);
    state = run(state, { type: 'agenda.stopItem', actor: fac }, T0 + 2 * HOUR);

    expect(
      attendanceIntervals(state, { participantId: pid('ana') }).map((r) => [r.agendaItemId, r.joinedAt, r.leftAt]),
    ).toEqual([
      [null, T0, T0 + 10 * MINUTE],
      [opening, T0 + 10 * MINUTE, T0 + HOUR],
      [scoping, T0 + HOUR, T0 + 90 * MINUTE],
    ]);
    expect(attendanceIntervals(state, { agendaItemId: opening }).map((r) => r.participantId)).toEqual([
      fac,
      pid('ana'),
      pid('cai'),
    ]);
    expect(attendanceIntervals(state, { organisation: 'Coast Guard' }).map((r) => r.agendaItemId)).toEqual([
      opening,
      scoping,
      null,
    ]);
  });

  it('cuts an interval still open from an earlier day at each local midnight', () => {
    const midnight10 = Date.UTC(2025, 2, 10, 23, 0); // 00:00 on the 11th in Paris
    const midnight11 = Date.UTC(2025, 2, 11, 23, 0);
    let state = connect(base, 'ana', Date.UTC(2025, 2, 10, 22, 0));
    state = connect(state, 'ben', Date.UTC(2025, 2, 12, 7, 30));
    expect(
      attendanceIntervals(state, { participantId: pid('ana') }).map((r) => [r.date, r.joinedAt, r.leftAt]),
    ).toEqual([
      ['2025-03-10', Date.UTC(2025, 2, 10, 22, 0), midnight10],
      ['2025-03-11', midnight10, midnight11],
      ['2025-03-12', midnight11, null],
    ]);
  });

  it('finds where a local day starts, also across a daylight saving change', () => {
    expect(startOfLocalDay('2025-03-11', 'Europe/Paris')).toBe(Date.UTC(2025, 2, 10, 23, 0));
    expect(startOfLocalDay('2025-03-31', 'Europe/Paris')).toBe(Date.UTC(2025, 2, 30, 22, 0));
    expect(startOfLocalDay('2025-03-10', 'America/New_York')).toBe(Date.UTC(2025, 2, 10, 4, 0));
  });

  it('does not count time in the lobby', () => {
    let state = run(base, { type: 'workshop.updateSettings', actor: fac, lobbyEnabled: true });
    state = register(state, { id: 'eve', organisation: 'Ministry' }, T0);
    expect(attendanceIntervals(state, { participantId: pid('eve') })).toEqual([]);
    state = run(state, { type: 'lobby.admit', actor: fac, participantId: pid('eve') }, T0 + 5 * MINUTE);
    expect(attendanceIntervals(state, { participantId: pid('eve') })[0]?.joinedAt).toBe(T0 + 5 * MINUTE);
  });
});

describe('attendance by organisation', () => {
  it('sums each day’s presence per organisation and participant', () => {
    let state = connect(base, 'ana', T0); // 09:00
    state = connect(state, 'cai', T0 + HOUR);
    state = disconnect(state, 'ana', T0 + 2 * HOUR);
    state = connect(state, 'ana', T0 + 3 * HOUR);
    state = disconnect(state, 'ana', T0 + 4 * HOUR);
    state = connect(state, 'ben', T0 + 4 * HOUR);
    state = disconnect(state, 'cai', T0 + 5 * HOUR);
    const day1 = attendanceByOrganisation(state, '2025-03-10', T0 + 6 * HOUR);
    expect(day1.map((o) => [o.organisation, o.registered, o.present, o.totalMs])).toEqual([
      ['Coast Guard', 1, 1, 4 * HOUR],
      ['Ministry', 1, 0, 0],
      ['Secretariat', 1, 1, 6 * HOUR], // the facilitator, present since T0: counted up to now
      ['Water Agency', 2, 2, 3 * HOUR + 2 * HOUR],
    ]);
    const water = day1.find((o) => o.organisation === 'Water Agency');
    expect(water?.participants).toEqual([
      { participantId: pid('ana'), name: 'ana', ms: 3 * HOUR, firstJoinedAt: T0, lastLeftAt: T0 + 4 * HOUR },
      { participantId: pid('ben'), name: 'ben', ms: 2 * HOUR, firstJoinedAt: T0 + 4 * HOUR, lastLeftAt: null },
    ]);

    // Next morning: whoever stayed connected overnight is counted up to midnight on day 1.
    const nextDay = T0 + 24 * HOUR;
    state = connect(state, 'dan', nextDay);
    const midnight = Date.UTC(2025, 2, 10, 23, 0);
    const day1Later = attendanceByOrganisation(state, '2025-03-10', nextDay + HOUR);
    expect(day1Later.find((o) => o.organisation === 'Water Agency')?.totalMs).toBe(
      3 * HOUR + (midnight - (T0 + 4 * HOUR)),
    );
    const day2 = attendanceByOrganisation(state, '2025-03-11', nextDay + HOUR);
    expect(day2.find((o) => o.organisation === 'Ministry')).toMatchObject({ present: 1, totalMs: HOUR });
    expect(day2.find((o) => o.organisation === 'Water Agency')).toMatchObject({
      present: 1,
      totalMs: nextDay + HOUR - midnight,
    });
    expect(day2.find((o) => o.organisation === 'Coast Guard')).toMatchObject({ present: 0, totalMs: 0 });
  });
});
