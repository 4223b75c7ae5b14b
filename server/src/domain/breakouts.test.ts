import type { RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { isRapporteur } from './breakouts.ts';
import type { BreakoutSet, WorkshopState } from './model.ts';
import { exec, fac, pid, rejected, rid, run, workshopWith } from './testkit.ts';

const base = workshopWith([
  { id: 'co', role: 'co-facilitator' },
  { id: 'ana', organisation: 'A' },
  { id: 'ben', organisation: 'B' },
  { id: 'cai', organisation: 'C', role: 'rapporteur' },
  { id: 'dev', organisation: 'D', role: 'room-device' },
  { id: 'obs', role: 'observer' },
]);

function withSet(state: WorkshopState = base): { state: WorkshopState; set: BreakoutSet } {
  const next = run(state, {
    type: 'breakouts.createSet',
    actor: fac,
    name: 'Themes',
    roomNames: ['Rivers', 'Coasts', 'Cities'],
  });
  const set = next.breakouts.sets.at(-1);
  if (!set) throw new Error('no set');
  return { state: next, set };
}

const setOf = (state: WorkshopState, id: string) => state.breakouts.sets.find((s) => s.id === id);

describe('breakout sets', () => {
  it('are created with named rooms with stable, distinct ids, in manual mode', () => {
    const { state, set } = withSet();
    expect(set.rooms.map((r) => r.name)).toEqual(['Rivers', 'Coasts', 'Cities']);
    expect(new Set(set.rooms.map((r) => r.id)).size).toBe(3);
    expect(set.rooms.map((r) => r.id)).not.toContain(state.plenaryRoomId);
    expect(set.mode).toBe('manual');
    const second = withSet(state).set;
    expect(second.rooms.some((r) => set.rooms.some((s) => s.id === r.id))).toBe(false);
  });

  it('refuse two rooms with the same name', () => {
    const result = rejected(base, {
      type: 'breakouts.createSet',
      actor: fac,
      name: 'X',
      roomNames: ['Blue', ' blue '],
    });
    expect(result.error.code).toBe('invalid_payload');
  });

  it('rename rooms, refusing a name already taken', () => {
    const { state, set } = withSet();
    const [rivers, coasts] = set.rooms;
    const renamed = run(state, {
      type: 'breakouts.renameRoom',
      actor: fac,
      setId: set.id,
      roomId: rivers?.id ?? rid(''),
      name: 'Lakes',
    });
    expect(setOf(renamed, set.id)?.rooms[0]?.name).toBe('Lakes');
    const taken = rejected(state, {
      type: 'breakouts.renameRoom',
      actor: fac,
      setId: set.id,
      roomId: coasts?.id ?? rid(''),
      name: 'RIVERS',
    });
    expect(taken.error.code).toBe('conflict');
  });

  it('are deleted, and agenda items that opened them forget them', () => {
    const { state: withTheSet, set } = withSet();
    let state = run(withTheSet, { type: 'agenda.addDay', actor: fac, date: '2025-03-10', title: 'Day 1' });
    state = run(state, {
      type: 'agenda.addItem',
      actor: fac,
      dayId: state.days[0]?.id ?? '',
      title: 'Groups',
      start: '10:00',
      durationMinutes: 45,
      kind: 'breakout',
      breakoutSetId: set.id,
    });
    expect(state.breakouts.sets.map((s) => s.id)).toEqual([set.id]);
    const next = run(state, { type: 'breakouts.deleteSet', actor: fac, setId: set.id });
    expect(next.breakouts.sets).toEqual([]);
    expect(next.agenda[0]?.breakoutSetId).toBeNull();
  });

  it('cannot be deleted while open', () => {
    const { state, set } = withSet();
    const open = run(state, { type: 'breakouts.open', actor: fac, setId: set.id, durationMs: 600_000 });
    expect(rejected(open, { type: 'breakouts.deleteSet', actor: fac, setId: set.id }).error.code).toBe('conflict');
  });
});

describe('manual assignment and rapporteurs', () => {
  const { state, set } = withSet();
  const [rivers, coasts] = set.rooms.map((r) => r.id) as [RoomId, RoomId];

  it('assigns and unassigns a participant', () => {
    const assigned = exec(state, {
      type: 'breakouts.assign',
      actor: fac,
      setId: set.id,
      participantId: pid('ana'),
      roomId: rivers,
    });
    expect(setOf(assigned.state, set.id)?.assignments).toEqual({ ana: rivers });
    expect(setOf(state, set.id)?.assignments).toEqual({});
    const unassigned = run(assigned.state, {
      type: 'breakouts.assign',
      actor: fac,
      setId: set.id,
      participantId: pid('ana'),
      roomId: null,
    });
    expect(setOf(unassigned, set.id)?.assignments).toEqual({});
    expect(
      rejected(unassigned, {
        type: 'breakouts.assign',
        actor: fac,
        setId: set.id,
        participantId: pid('ana'),
        roomId: null,
      }).error.code,
    ).toBe('conflict');
  });

  it('refuses unknown participants, rooms and sets', () => {
    expect(
      rejected(state, {
        type: 'breakouts.assign',
        actor: fac,
        setId: set.id,
        participantId: pid('zed'),
        roomId: rivers,
      }).error.code,
    ).toBe('not_found');
    expect(
      rejected(state, {
        type: 'breakouts.assign',
        actor: fac,
        setId: set.id,
        participantId: pid('ana'),
        roomId: state.plenaryRoomId,
      }).error.code,
    ).toBe('not_found');
    expect(
      rejected(state, {
        type: 'breakouts.assign',
        actor: fac,
        setId: 'nope',
        participantId: pid('ana'),
        roomId: rivers,
      }).error.code,
    ).toBe('not_found');
  });

  it('names a rapporteur among the room’s members, and drops them when they leave the room', () => {
    let next = run(state, {
      type: 'breakouts.assign',
      actor: fac,
      setId: set.id,
      participantId: pid('cai'),
      roomId: rivers,
    });
    expect(
      rejected(next, {
        type: 'breakouts.setRapporteur',
        actor: fac,
        setId: set.id,
        roomId: coasts,
        participantId: pid('cai'),
      }).error.code,
    ).toBe('conflict');
    next = run(next, {
      type: 'breakouts.setRapporteur',
      actor: fac,
      setId: set.id,
      roomId: rivers,
      participantId: pid('cai'),
    });
    expect(setOf(next, set.id)?.rooms[0]?.rapporteurId).toBe(pid('cai'));
    expect(isRapporteur(next, pid('cai'), rivers)).toBe(true);
    expect(isRapporteur(next, pid('cai'), coasts)).toBe(false);
    next = run(next, {
      type: 'breakouts.assign',
      actor: fac,
      setId: set.id,
      participantId: pid('cai'),
      roomId: coasts,
    });
    expect(setOf(next, set.id)?.rooms[0]?.rapporteurId).toBeNull();
    expect(isRapporteur(next, pid('cai'), rivers)).toBe(false);
  });

  it('clears a rapporteur with null', () => {
    let next = run(state, {
      type: 'breakouts.assign',
      actor: fac,
      setId: set.id,
      participantId: pid('cai'),
      roomId: rivers,
    });
    next = run(next, {
      type: 'breakouts.setRapporteur',
      actor: fac,
      setId: set.id,
      roomId: rivers,
      participantId: pid('cai'),
    });
    next = run(next, {
      type: 'breakouts.setRapporteur',
      actor: fac,
      setId: set.id,
      roomId: rivers,
      participantId: null,
    });
    expect(setOf(next, set.id)?.rooms[0]?.rapporteurId).toBeNull();
  });
});

describe('automatic assignment', () => {
  const { state, set } = withSet();

  it('places delegates, rapporteurs and room devices, never chairs or observers', () => {
    for (const strategy of ['random', 'balanced'] as const) {
      const next = run(state, { type: 'breakouts.autoAssign', actor: fac, setId: set.id, strategy, seed: 11 });
      const assigned = setOf(next, set.id);
      expect(assigned?.mode).toBe(strategy);
      expect(Object.keys(assigned?.assignments ?? {}).sort()).toEqual(['ana', 'ben', 'cai', 'dev']);
    }
  });

  it('is deterministic for a seed', () => {
    const a = run(state, { type: 'breakouts.autoAssign', actor: fac, setId: set.id, strategy: 'random', seed: 3 });
    const b = run(state, { type: 'breakouts.autoAssign', actor: fac, setId: set.id, strategy: 'random', seed: 3 });
    expect(setOf(a, set.id)?.assignments).toEqual(setOf(b, set.id)?.assignments);
  });

  it('replaces earlier assignments, including a facilitator placed by hand', () => {
    const manual = run(state, {
      type: 'breakouts.assign',
      actor: fac,
      setId: set.id,
      participantId: pid('co'),
      roomId: set.rooms[0]?.id ?? rid(''),
    });
    const next = run(manual, {
      type: 'breakouts.autoAssign',
      actor: fac,
      setId: set.id,
      strategy: 'balanced',
      seed: 1,
    });
    expect(setOf(next, set.id)?.assignments).not.toHaveProperty('co');
  });
});

describe('choosing a room', () => {
  const { state: created, set } = withSet();
  const [rivers, coasts] = set.rooms.map((r) => r.id) as [RoomId, RoomId];
  const allowed = run(created, {
    type: 'breakouts.configureSelfSelect',
    actor: fac,
    setId: set.id,
    allowed: true,
    maxPerRoom: 1,
  });

  it('is refused until the set allows it', () => {
    expect(
      rejected(created, { type: 'breakouts.choose', actor: pid('ana'), setId: set.id, roomId: rivers }).error.code,
    ).toBe('forbidden');
  });

  it('lets a delegate pick and change rooms up to the room limit', () => {
    let state = run(allowed, { type: 'breakouts.choose', actor: pid('ana'), setId: set.id, roomId: rivers });
    expect(setOf(state, set.id)?.assignments).toEqual({ ana: rivers });
    expect(
      rejected(state, { type: 'breakouts.choose', actor: pid('ben'), setId: set.id, roomId: rivers }).error.code,
    ).toBe('conflict');
    expect(
      rejected(state, { type: 'breakouts.choose', actor: pid('ana'), setId: set.id, roomId: rivers }).error.code,
    ).toBe('conflict');
    state = run(state, { type: 'breakouts.choose', actor: pid('ana'), setId: set.id, roomId: coasts });
    state = run(state, { type: 'breakouts.choose', actor: pid('ben'), setId: set.id, roomId: rivers });
    expect(setOf(state, set.id)?.assignments).toEqual({ ana: coasts, ben: rivers });
  });

  it('is closed again by the facilitator', () => {
    const closed = run(allowed, {
      type: 'breakouts.configureSelfSelect',
      actor: fac,
      setId: set.id,
      allowed: false,
      maxPerRoom: null,
    });
    expect(
      rejected(closed, { type: 'breakouts.choose', actor: pid('ana'), setId: set.id, roomId: rivers }).error.code,
    ).toBe('forbidden');
  });
});
