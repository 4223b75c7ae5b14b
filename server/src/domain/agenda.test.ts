import { describe, expect, it } from 'vitest';
import { movesBetween } from './location.ts';
import type { WorkshopState } from './model.ts';
import { exec, fac, MINUTE, pid, rejected, run, T0, workshopWith } from './testkit.ts';

function withDays(): WorkshopState {
  let state = workshopWith([{ id: 'ana' }]);
  state = run(state, { type: 'agenda.addDay', actor: fac, date: '2025-03-11', title: 'Day 2' });
  state = run(state, { type: 'agenda.addDay', actor: fac, date: '2025-03-10', title: 'Day 1' });
  return state;
}

function withItems(): { state: WorkshopState; day1: string; day2: string; items: string[] } {
  let state = withDays();
  const day1 = state.days[0]?.id ?? '';
  const day2 = state.days[1]?.id ?? '';
  for (const [title, start] of [
    ['Opening', '09:00'],
    ['Water scarcity', '09:30'],
    ['Coffee', '10:30'],
  ]) {
    state = run(state, {
      type: 'agenda.addItem',
      actor: fac,
      dayId: day1,
      title: title ?? '',
      start: start ?? '',
      durationMinutes: 30,
      kind: 'plenary',
    });
  }
  state = run(state, {
    type: 'agenda.addItem',
    actor: fac,
    dayId: day2,
    title: 'Recap',
    start: '09:00',
    durationMinutes: 15,
    kind: 'plenary',
    presenter: 'Ana',
  });
  return { state, day1, day2, items: state.agenda.map((i) => i.id) };
}

describe('days', () => {
  it('stay in date order, each date once', () => {
    const state = withDays();
    expect(state.days.map((d) => d.date)).toEqual(['2025-03-10', '2025-03-11']);
    expect(rejected(state, { type: 'agenda.addDay', actor: fac, date: '2025-03-10', title: 'Again' }).error.code).toBe(
      'conflict',
    );
  });

  it('are removed only when empty', () => {
    const { state, day1 } = withItems();
    expect(rejected(state, { type: 'agenda.removeDay', actor: fac, dayId: day1 }).error.code).toBe('conflict');
    const empty = run(withDays(), { type: 'agenda.removeDay', actor: fac, dayId: day1 });
    expect(empty.days.map((d) => d.date)).toEqual(['2025-03-11']);
    expect(rejected(empty, { type: 'agenda.removeDay', actor: fac, dayId: day1 }).error.code).toBe('not_found');
  });
});

describe('agenda items', () => {
  it('are added to a day with their details, and reported with the whole agenda', () => {
    const { state, day2 } = withItems();
    expect(state.agenda.at(-1)).toEqual({
      id: state.agenda.at(-1)?.id,
      dayId: day2,
      title: 'Recap',
      start: '09:00',
      durationMinutes: 15,
      presenter: 'Ana',
      kind: 'plenary',
      breakoutSetId: null,
    });
    const { state: updated } = exec(state, {
      type: 'agenda.updateItem',
      actor: fac,
      itemId: state.agenda[0]?.id ?? '',
      title: 'Welcome',
    });
    expect(updated.agenda[0]?.title).toBe('Welcome');
  });

  it('refuse an unknown day, an unknown set, and a set on a non-breakout item', () => {
    const { state, day1 } = withItems();
    const item = { type: 'agenda.addItem' as const, actor: fac, title: 'X', start: '11:00', durationMinutes: 10 };
    expect(rejected(state, { ...item, dayId: 'nope', kind: 'plenary' }).error.code).toBe('not_found');
    expect(rejected(state, { ...item, dayId: day1, kind: 'breakout', breakoutSetId: 'nope' }).error.code).toBe(
      'not_found',
    );
    const withSet = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['A'] });
    const setId = withSet.breakouts.sets[0]?.id ?? '';
    expect(rejected(withSet, { ...item, dayId: day1, kind: 'plenary', breakoutSetId: setId }).error.code).toBe(
      'invalid_payload',
    );
  });

  it('are updated field by field; leaving the breakout kind drops the set', () => {
    const { state, day1, day2, items } = withItems();
    let next = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['A'] });
    const setId = next.breakouts.sets[0]?.id ?? '';
    next = run(next, {
      type: 'agenda.updateItem',
      actor: fac,
      itemId: items[1] ?? '',
      kind: 'breakout',
      breakoutSetId: setId,
      presenter: null,
    });
    expect(next.agenda[1]).toMatchObject({
      title: 'Water scarcity',
      kind: 'breakout',
      breakoutSetId: setId,
      presenter: null,
      dayId: day1,
    });
    next = run(next, { type: 'agenda.updateItem', actor: fac, itemId: items[1] ?? '', kind: 'report-back' });
    expect(next.agenda[1]).toMatchObject({ kind: 'report-back', breakoutSetId: null });
    // Moved to another day: last on that day.
    next = run(next, { type: 'agenda.updateItem', actor: fac, itemId: items[0] ?? '', dayId: day2 });
    expect(next.agenda.filter((i) => i.dayId === day2).map((i) => i.title)).toEqual(['Recap', 'Opening']);
  });

  it('are reordered within a day, other days untouched', () => {
    const { state, day1, items } = withItems();
    const [a, b, c, d] = items as [string, string, string, string];
    const next = run(state, { type: 'agenda.reorderItems', actor: fac, dayId: day1, itemIds: [c, a, b] });
    expect(next.agenda.map((i) => i.id)).toEqual([c, a, b, d]);
    for (const itemIds of [
      [a, b],
      [a, b, b],
      [a, b, d],
      [a, b, c, d],
    ]) {
      expect(rejected(state, { type: 'agenda.reorderItems', actor: fac, dayId: day1, itemIds }).error.code).toBe(
        'invalid_payload',
      );
    }
  });

  it('are removed unless running', () => {
    const { state, items } = withItems();
    const started = run(state, { type: 'agenda.startItem', actor: fac, itemId: items[0] ?? '' });
    expect(rejected(started, { type: 'agenda.removeItem', actor: fac, itemId: items[0] ?? '' }).error.code).toBe(
      'conflict',
    );
    const removed = run(started, { type: 'agenda.removeItem', actor: fac, itemId: items[1] ?? '' });
    expect(removed.agenda.map((i) => i.id)).toEqual([items[0], items[2], items[3]]);
  });
});

describe('running the agenda', () => {
  it('starts an item, stopping the one before, and stops it', () => {
    const { state, items } = withItems();
    const first = exec(state, { type: 'agenda.startItem', actor: fac, itemId: items[0] ?? '' }, T0);
    expect(state.currentItem).toBeNull();
    expect(first.state.currentItem).toEqual({ itemId: items[0], startedAt: T0 });
    expect(rejected(first.state, { type: 'agenda.startItem', actor: fac, itemId: items[0] ?? '' }).error.code).toBe(
      'conflict',
    );
    const second = exec(
      first.state,
      { type: 'agenda.startItem', actor: fac, itemId: items[1] ?? '' },
      T0 + 30 * MINUTE,
    );
    expect(second.state.currentItem).toEqual({ itemId: items[1], startedAt: T0 + 30 * MINUTE });
    const stopped = exec(second.state, { type: 'agenda.stopItem', actor: fac });
    expect(stopped.state.currentItem).toBeNull();
    expect(rejected(stopped.state, { type: 'agenda.stopItem', actor: fac }).error.code).toBe('conflict');
  });

  it('opens the breakout set of a breakout item for the item’s duration', () => {
    let { state, day1 } = withItems();
    state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['A', 'B'] });
    const setId = state.breakouts.sets[0]?.id ?? '';
    state = run(state, {
      type: 'agenda.addItem',
      actor: fac,
      dayId: day1,
      title: 'Groups',
      start: '11:00',
      durationMinutes: 45,
      kind: 'breakout',
      breakoutSetId: setId,
    });
    const itemId = state.agenda.at(-1)?.id ?? '';
    const next = run(state, { type: 'agenda.startItem', actor: fac, itemId }, T0);
    expect(next.currentItem).toEqual({ itemId, startedAt: T0 });
    expect(next.breakouts.open).toMatchObject({ setId, endsAt: T0 + 45 * MINUTE });
    expect(state.breakouts.sets[0]?.assignments).not.toHaveProperty('ana');
    expect(next.breakouts.sets[0]?.assignments).toHaveProperty('ana');
    expect(movesBetween(state, next).map((move) => [move.participantId, move.to.location.kind])).toContainEqual([
      'ana',
      'breakout',
    ]);
  });

  it('refuses to start a breakout item while another set is open, and leaves the open set alone if it is its own', () => {
    let { state, day1 } = withItems();
    state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['A'] });
    state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'H', roomNames: ['B'] });
    const [g, h] = state.breakouts.sets.map((s) => s.id) as [string, string];
    state = run(state, {
      type: 'agenda.addItem',
      actor: fac,
      dayId: day1,
      title: 'Groups',
      start: '11:00',
      durationMinutes: 45,
      kind: 'breakout',
      breakoutSetId: g,
    });
    const itemId = state.agenda.at(-1)?.id ?? '';
    const otherOpen = run(state, { type: 'breakouts.open', actor: fac, setId: h, durationMs: MINUTE });
    expect(rejected(otherOpen, { type: 'agenda.startItem', actor: fac, itemId }).error.code).toBe('conflict');
    const ownOpen = run(state, { type: 'breakouts.open', actor: fac, setId: g, durationMs: MINUTE }, T0);
    const started = run(ownOpen, { type: 'agenda.startItem', actor: fac, itemId }, T0 + 5000);
    expect(started.breakouts.open).toMatchObject({ setId: g, openedAt: T0, endsAt: T0 + MINUTE });
    expect(started.currentItem?.itemId).toBe(itemId);
  });

  it('is only for chairs', () => {
    const { state, items } = withItems();
    expect(rejected(state, { type: 'agenda.startItem', actor: pid('ana'), itemId: items[0] ?? '' }).error.code).toBe(
      'forbidden',
    );
  });
});
