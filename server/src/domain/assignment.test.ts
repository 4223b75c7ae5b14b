import type { ParticipantId, RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { type Assignee, type Assignments, assignBalanced, assignRandom, placeLateJoiner } from './assignment.ts';
import type { BreakoutSet } from './model.ts';
import { seededRandom } from './random.ts';
import { pid, rid, workshopWith } from './testkit.ts';

const rooms = (n: number): RoomId[] => Array.from({ length: n }, (_, i) => rid(`r${i + 1}`));

/** 70 delegates from 20 organisations (10 of 4 people, 10 of 3) in 10 countries (2 organisations each). */
function delegates(): Assignee[] {
  const people: Assignee[] = [];
  for (let org = 0; org < 20; org++) {
    const size = org < 10 ? 4 : 3;
    for (let i = 0; i < size; i++) {
      people.push({ id: pid(`o${org}-p${i}`), organisation: `Administration ${org}`, country: `C${org % 10}` });
    }
  }
  return people;
}

function groups(assignments: Assignments, people: readonly Assignee[]): Map<RoomId, Assignee[]> {
  const byRoom = new Map<RoomId, Assignee[]>();
  for (const person of people) {
    const roomId = assignments[person.id];
    if (roomId) byRoom.set(roomId, [...(byRoom.get(roomId) ?? []), person]);
  }
  return byRoom;
}

const maxSame = (members: Assignee[], key: (a: Assignee) => string): number => {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
  return Math.max(...counts.values());
};

const sizes = (byRoom: Map<RoomId, Assignee[]>) => [...byRoom.values()].map((g) => g.length);

describe('random assignment', () => {
  const people = delegates();

  it('places everyone in groups whose sizes differ by at most one', () => {
    const assignments = assignRandom(people, rooms(8), seededRandom(1));
    expect(Object.keys(assignments)).toHaveLength(70);
    const s = sizes(groups(assignments, people));
    expect(s).toHaveLength(8);
    expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
    expect(s.reduce((a, b) => a + b, 0)).toBe(70);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(assignRandom(people, rooms(10), seededRandom(42))).toEqual(
      assignRandom(people, rooms(10), seededRandom(42)),
    );
    expect(assignRandom(people, rooms(10), seededRandom(42))).not.toEqual(
      assignRandom(people, rooms(10), seededRandom(43)),
    );
  });

  it('assigns nobody without rooms', () => {
    expect(assignRandom(people, [], seededRandom(1))).toEqual({});
  });
});

describe('balanced assignment', () => {
  const people = delegates();

  it('mixes 70 delegates from 20 organisations into 10 groups of 7, no organisation twice, countries spread', () => {
    for (const seed of [1, 2, 3, 99, 2025]) {
      const assignments = assignBalanced(people, rooms(10), seededRandom(seed));
      const byRoom = groups(assignments, people);
      expect(Object.keys(assignments)).toHaveLength(70);
      expect(sizes(byRoom)).toEqual(Array(10).fill(7));
      for (const members of byRoom.values()) {
        expect(maxSame(members, (m) => m.organisation)).toBe(1);
        // 7 people per country over 10 groups: nobody needs to share a group with a compatriot.
        expect(maxSame(members, (m) => m.country)).toBe(1);
      }
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = assignBalanced(people, rooms(10), seededRandom(7));
    expect(assignBalanced(people, rooms(10), seededRandom(7))).toEqual(a);
    expect(assignBalanced(people, rooms(10), seededRandom(8))).not.toEqual(a);
  });

  it('spreads an organisation larger than the number of groups as evenly as possible', () => {
    // 15 from one administration, 30 from 10 others of 3, into 10 groups.
    const big: Assignee[] = Array.from({ length: 15 }, (_, i) => ({
      id: pid(`big-${i}`),
      organisation: 'Ministry',
      country: 'FR',
    }));
    const small: Assignee[] = Array.from({ length: 30 }, (_, i) => ({
      id: pid(`s-${i}`),
      organisation: `Agency ${i % 10}`,
      country: `C${i % 5}`,
    }));
    const all = [...big, ...small];
    const byRoom = groups(assignBalanced(all, rooms(10), seededRandom(5)), all);
    const s = sizes(byRoom);
    expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
    for (const members of byRoom.values()) {
      const ministry = members.filter((m) => m.organisation === 'Ministry').length;
      expect([1, 2]).toContain(ministry);
      expect(
        maxSame(
          members.filter((m) => m.organisation !== 'Ministry'),
          (m) => m.organisation,
        ),
      ).toBe(1);
    }
  });

  it('treats organisation names without regard to case and spacing', () => {
    const people: Assignee[] = [
      { id: pid('a'), organisation: 'Water Agency', country: 'FR' },
      { id: pid('b'), organisation: ' water  agency', country: 'PT' },
      { id: pid('c'), organisation: 'Coast Guard', country: 'FR' },
      { id: pid('d'), organisation: 'Coast guard ', country: 'PT' },
    ];
    const byRoom = groups(assignBalanced(people, rooms(2), seededRandom(3)), people);
    for (const members of byRoom.values()) {
      expect(new Set(members.map((m) => m.organisation.trim().toLowerCase().replace(/\s+/g, ' '))).size).toBe(2);
    }
  });

  it('handles fewer people than rooms, and nobody', () => {
    const three = delegates().slice(0, 3);
    const assignments = assignBalanced(three, rooms(5), seededRandom(1));
    expect(new Set(Object.values(assignments)).size).toBe(3);
    expect(assignBalanced([], rooms(5), seededRandom(1))).toEqual({});
  });
});

describe('late joiner placement', () => {
  const state = workshopWith([
    { id: 'a1', organisation: 'A', country: 'FR' },
    { id: 'b1', organisation: 'B', country: 'PT' },
    { id: 'b2', organisation: 'B', country: 'PT' },
    { id: 'c1', organisation: 'C', country: 'ES' },
    { id: 'c2', organisation: 'C', country: 'ES' },
    { id: 'late', organisation: 'A', country: 'IT' },
  ]);
  const set = (mode: BreakoutSet['mode'], assignments: Record<string, string>): BreakoutSet => ({
    id: 'set',
    name: 'Groups',
    mode,
    rooms: ['r1', 'r2', 'r3'].map((id) => ({ id: rid(id), name: id, rapporteurId: null })),
    assignments: Object.fromEntries(Object.entries(assignments).map(([p, r]) => [p, rid(r)])) as Record<
      ParticipantId,
      RoomId
    >,
    selfSelect: { allowed: false, maxPerRoom: null },
  });
  const late = { id: pid('late'), organisation: 'A', country: 'IT' };

  it('keeps an existing assignment whatever the mode', () => {
    expect(placeLateJoiner(state, set('balanced', { late: 'r3', a1: 'r1' }), late)).toBe(rid('r3'));
  });

  it('puts a balanced set’s late joiner where their organisation is not yet, even in a larger room', () => {
    // r1 is smallest but already has someone from A; r2 and r3 tie, the earlier wins.
    expect(placeLateJoiner(state, set('balanced', { a1: 'r1', b1: 'r2', b2: 'r2', c1: 'r3', c2: 'r3' }), late)).toBe(
      rid('r2'),
    );
    // Among rooms without A, the smaller one.
    expect(placeLateJoiner(state, set('balanced', { b1: 'r2', b2: 'r2', a1: 'r3', c1: 'r1' }), late)).toBe(rid('r1'));
  });

  it('puts other sets’ late joiners in the smallest room, the earlier room on a tie', () => {
    expect(placeLateJoiner(state, set('csv', { a1: 'r1', b1: 'r1', b2: 'r2' }), late)).toBe(rid('r3'));
    expect(placeLateJoiner(state, set('manual', { a1: 'r1', b1: 'r2', b2: 'r3', c1: 'r1' }), late)).toBe(rid('r2'));
    expect(placeLateJoiner(state, set('random', { a1: 'r1', b1: 'r2' }), late)).toBe(rid('r3'));
  });
});
