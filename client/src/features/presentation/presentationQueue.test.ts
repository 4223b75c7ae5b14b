import type { AgendaItem, Day } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { presentationQueue } from './presentationQueue.ts';

const days: Day[] = [
  { id: 'd2', date: '2025-03-11', title: '' },
  { id: 'd1', date: '2025-03-10', title: '' },
];
const item = (id: string, dayId: string, presenter: string | null): AgendaItem => ({
  id,
  dayId,
  title: `Item ${id}`,
  start: '09:00',
  durationMinutes: 30,
  presenter,
  kind: 'plenary',
  breakoutSetId: null,
});
const agenda = [
  item('a', 'd1', 'Ana'),
  item('b', 'd1', null),
  item('c', 'd1', 'Ben'),
  item('d', 'd1', ' Cy '),
  item('e', 'd2', 'Dee'),
];

describe('the presentation queue', () => {
  it('lists the current day’s presenters in order, marking current and next', () => {
    const queue = presentationQueue({ days, agenda, currentItem: { itemId: 'a', startedAt: 0 } }, '2025-03-11');
    expect(queue.map((entry) => [entry.itemId, entry.presenter, entry.state])).toEqual([
      ['a', 'Ana', 'current'],
      ['c', 'Ben', 'next'],
      ['d', 'Cy', 'later'],
    ]);
  });

  it('counts a current item without presenter: the next one with a presenter is next', () => {
    const queue = presentationQueue({ days, agenda, currentItem: { itemId: 'b', startedAt: 0 } }, '2025-03-10');
    expect(queue.map((entry) => entry.state)).toEqual(['done', 'next', 'later']);
  });

  it('uses today’s day, else the first day, when nothing is running', () => {
    expect(presentationQueue({ days, agenda, currentItem: null }, '2025-03-11').map((e) => e.itemId)).toEqual(['e']);
    expect(presentationQueue({ days, agenda, currentItem: null }, '2030-01-01').map((e) => e.itemId)).toEqual([
      'a',
      'c',
      'd',
    ]);
    expect(presentationQueue({ days: [], agenda: [], currentItem: null }, '2025-03-10')).toEqual([]);
  });
});
