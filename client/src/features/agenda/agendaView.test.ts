import type { AgendaItem, Day } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { agendaDays, runningTime } from './agendaView.ts';

const day = (id: string, date: string, title = ''): Day => ({ id, date, title });
const item = (id: string, dayId: string, start: string, over: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  dayId,
  title: id,
  start,
  durationMinutes: 30,
  presenter: null,
  kind: 'plenary',
  breakoutSetId: null,
  ...over,
});

const workshop = {
  timeZone: 'Pacific/Fiji',
  days: [day('d2', '2025-03-11', 'Day 2'), day('d1', '2025-03-10', 'Opening')],
  agenda: [item('welcome', 'd1', '09:00'), item('groups', 'd1', '10:00'), item('review', 'd2', '09:00')],
  currentItem: { itemId: 'groups', startedAt: 0 },
};

describe('agendaDays', () => {
  it('lists days by date with their items in agenda order, marking the current one', () => {
    const days = agendaDays(workshop, 'Pacific/Fiji', 'en-GB');
    expect(days.map((d) => d.label)).toEqual(['Mon 10 Mar · Opening', 'Tue 11 Mar · Day 2']);
    expect(days[0]?.rows.map((row) => [row.item.id, row.start, row.current])).toEqual([
      ['welcome', '09:00', false],
      ['groups', '10:00', true],
    ]);
    expect(days[0]?.rows[0]?.workshopStart).toBeNull();
  });

  it("shows starts on the viewer's clock, with the agenda's own time alongside", () => {
    const [first] = agendaDays(workshop, 'Europe/Paris', 'en-GB');
    // 09:00 in Suva (UTC+12) on 10 March is 22:00 the evening before in Paris (UTC+1).
    expect(first?.rows[0]).toMatchObject({ start: '22:00', workshopStart: '09:00' });
  });
});

describe('runningTime', () => {
  it('counts the time since the item started and how far it ran over', () => {
    expect(runningTime({ itemId: 'x', startedAt: 0 }, { durationMinutes: 30 }, 20 * 60_000)).toEqual({
      elapsedMs: 1_200_000,
      overrunMs: 0,
    });
    expect(runningTime({ itemId: 'x', startedAt: 0 }, { durationMinutes: 30 }, 35 * 60_000)).toEqual({
      elapsedMs: 2_100_000,
      overrunMs: 300_000,
    });
  });
});
