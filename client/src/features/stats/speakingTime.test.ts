import type { QueueState, Speech, Turn } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { participant } from '../../testing/workshop.ts';
import { chartScale, shareOf, speakingTimeByOrganisation, spokenClock } from './speakingTime.ts';

const MINUTE = 60_000;
const people = Object.fromEntries(
  [
    participant('ana', { organisation: 'Fiji Water' }),
    participant('ben', { organisation: 'Fiji Water' }),
    participant('cai', { organisation: 'Coast Guard' }),
    participant('dee', { organisation: 'Ministry' }),
    participant('obs', { organisation: 'Donor', role: 'observer' }),
  ].map((p) => [p.id, p]),
);

const speech = (participantId: string, organisation: string, minutes: number, agendaItemId: string | null = 'a') =>
  ({
    participantId,
    inRoomName: null,
    organisation,
    agendaItemId,
    startedAt: 0,
    endedAt: minutes * MINUTE,
  }) as Speech;

const turn = (participantId: string, startedAt: number, agendaItemId: string | null = 'b') =>
  ({
    id: 't',
    participantId,
    inRoomName: null,
    kind: 'new-point',
    agendaItemId,
    startedAt,
    durationMs: null,
    warnAt: null,
    warned: false,
  }) as Turn;

const queue = (speeches: Speech[], current: Turn | null = null): QueueState => ({
  entries: [],
  turn: current,
  speeches,
});

describe('speakingTimeByOrganisation', () => {
  it('adds up each organisation’s turns, longest first, and lists who has not spoken (not observers)', () => {
    const rows = speakingTimeByOrganisation(
      queue([speech('ana', 'Fiji Water', 2), speech('cai', 'Coast Guard', 5), speech('ben', 'Fiji Water', 1)]),
      people,
      0,
    );
    expect(rows.map((row) => [row.organisation, row.ms / MINUTE, row.turns])).toEqual([
      ['Coast Guard', 5, 1],
      ['Fiji Water', 3, 2],
      ['Ministry', 0, 0],
    ]);
  });

  it('counts the running turn up to now, for the organisation of whoever has the floor', () => {
    const now = 10 * MINUTE;
    const rows = speakingTimeByOrganisation(
      queue([speech('cai', 'Coast Guard', 5)], turn('dee', 4 * MINUTE)),
      people,
      now,
    );
    expect(rows[0]).toEqual({ organisation: 'Ministry', ms: 6 * MINUTE, turns: 1, speakingNow: true });
    expect(rows.filter((row) => row.speakingNow)).toHaveLength(1);
  });

  it('keeps to one agenda item when asked', () => {
    const speeches = [speech('ana', 'Fiji Water', 2, 'a'), speech('cai', 'Coast Guard', 5, 'b')];
    const rows = speakingTimeByOrganisation(queue(speeches, turn('dee', 0, 'a')), people, MINUTE, {
      kind: 'item',
      agendaItemId: 'a',
    });
    expect(rows.map((row) => [row.organisation, row.ms / MINUTE])).toEqual([
      ['Fiji Water', 2],
      ['Ministry', 1],
      ['Coast Guard', 0],
    ]);
  });

  it('keeps an organisation that spoke but has since left the roster', () => {
    const rows = speakingTimeByOrganisation(queue([speech('gone', 'Old Agency', 1)]), people, 0);
    expect(rows[0]?.organisation).toBe('Old Agency');
  });
});

describe('chartScale', () => {
  const inSeconds = (ms: number[]) => ms.map((value) => value / 1000);
  it('uses round steps fitting the longest time, from quarter minutes to hours', () => {
    expect(chartScale(0)).toEqual({ maxMs: 15_000, ticks: [0, 15_000] });
    expect(inSeconds(chartScale(12_000).ticks)).toEqual([0, 15]);
    expect(inSeconds(chartScale(50_000).ticks)).toEqual([0, 15, 30, 45, 60]);
    expect(inSeconds(chartScale(2.5 * MINUTE).ticks)).toEqual([0, 60, 120, 180]);
    expect(inSeconds(chartScale(11 * MINUTE).ticks)).toEqual([0, 300, 600, 900]);
    expect(inSeconds(chartScale(100 * MINUTE).ticks)).toEqual([0, 1800, 3600, 5400, 7200]);
  });

  it('always reaches past the longest bar, even beyond its steps', () => {
    for (const longest of [1, 14_999, 15_001, 61 * MINUTE, 2000 * MINUTE]) {
      const scale = chartScale(longest);
      expect(scale.maxMs).toBeGreaterThanOrEqual(longest);
      expect(scale.ticks.at(-1)).toBe(scale.maxMs);
      expect(scale.ticks.length).toBeLessThanOrEqual(5);
    }
  });
});

describe('shareOf', () => {
  it('gives whole percent, and 0 of nothing', () => {
    expect(shareOf(1, 3)).toBe(33);
    expect(shareOf(0, 0)).toBe(0);
  });
});

describe('spokenClock', () => {
  it('counts whole seconds spoken, with hours when there are any', () => {
    expect(spokenClock(0)).toBe('0:00');
    expect(spokenClock(59_999)).toBe('0:59');
    expect(spokenClock(65_000)).toBe('1:05');
    expect(spokenClock(3_600_000 + 61_000)).toBe('1:01:01');
    expect(spokenClock(-5)).toBe('0:00');
  });
});
