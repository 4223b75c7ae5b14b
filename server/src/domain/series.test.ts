import type { WorkshopId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { sampleWorkshop } from '../export/sampleWorkshop.ts';
import { nextEdition } from './series.ts';

const previous = sampleWorkshop({ days: 3, groups: 4, delegates: 12, organisations: 4 });
const options = { id: 'second' as WorkshopId, title: 'Second regional workshop', startDate: '2027-03-15' };

describe('the next edition of a workshop', () => {
  it('moves the agenda to the new dates and copies sets, library and settings, not what happened', () => {
    const next = nextEdition(previous, { ...options, carryRoster: false });
    expect(next).toMatchObject({
      id: 'second',
      title: 'Second regional workshop',
      revision: 0,
      series: { seriesId: 'sample', edition: 2 },
    });
    expect(next.days.map((day) => day.date)).toEqual(['2027-03-15', '2027-03-16', '2027-03-17']);
    expect(next.agenda).toEqual(previous.agenda);
    expect(next.breakouts.sets.map((set) => set.rooms.map((room) => room.name))).toEqual(
      previous.breakouts.sets.map((set) => set.rooms.map((room) => room.name)),
    );
    expect(next.library).toBe(previous.library);
    expect(next.settings).toEqual(previous.settings);
    for (const key of ['chat', 'outcomes'] as const) expect(next[key]).toEqual({});
    for (const key of ['polls', 'proposals', 'attendance'] as const) expect(next[key]).toEqual([]);
    expect(next.queue).toEqual({ entries: [], turn: null, speeches: [] });
    expect(next.breakouts.open).toBeNull();
    expect(next.currentItem).toBeNull();
  });

  it('brings only the facilitators unless the roster is carried over, and nobody arrives connected', () => {
    const small = nextEdition(previous, { ...options, carryRoster: false });
    expect(Object.values(small.participants).map((participant) => participant.role)).toEqual(['facilitator']);
    expect(small.breakouts.sets[0]?.assignments).toEqual({});
    expect(small.breakouts.sets[0]?.rooms.every((room) => room.rapporteurId === null)).toBe(true);

    const everyone = nextEdition(previous, { ...options, carryRoster: true });
    expect(Object.keys(everyone.participants)).toHaveLength(13);
    expect(Object.values(everyone.participants).every((participant) => !participant.connected)).toBe(true);
    expect(everyone.breakouts.sets[0]?.assignments).toEqual(previous.breakouts.sets[0]?.assignments);
  });

  it('counts editions along the series', () => {
    const second = nextEdition(previous, { ...options, carryRoster: false });
    const third = nextEdition(second, { ...options, id: 'third' as WorkshopId, carryRoster: false });
    expect(third.series).toEqual({ seriesId: 'sample', edition: 3 });
  });
});
