import type { RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { nextDeadline } from './deadlines.ts';
import { movesBetween, roomOf } from './location.ts';
import type { BreakoutSet, WorkshopState } from './model.ts';
import { exec, fac, MINUTE, pid, register, rejected, rid, run, SYSTEM, T0, workshopWith } from './testkit.ts';

const base = workshopWith([
  { id: 'co', role: 'co-facilitator', organisation: 'Secretariat' },
  { id: 'ana', organisation: 'A', country: 'PT' },
  { id: 'ben', organisation: 'B', country: 'FR' },
  { id: 'cai', organisation: 'A', country: 'PT' },
  { id: 'dan', organisation: 'C', country: 'ES' },
  { id: 'obs', role: 'observer' },
  { id: 'off', organisation: 'D', connected: false },
]);

function prepared(mode: 'manual' | 'balanced' = 'manual'): {
  state: WorkshopState;
  set: BreakoutSet;
  r1: RoomId;
  r2: RoomId;
} {
  let state = run(base, { type: 'breakouts.createSet', actor: fac, name: 'Groups', roomNames: ['One', 'Two'] });
  const created = state.breakouts.sets[0];
  if (!created) throw new Error('no set');
  const [r1, r2] = created.rooms.map((r) => r.id) as [RoomId, RoomId];
  if (mode === 'balanced') {
    state = run(state, { type: 'breakouts.autoAssign', actor: fac, setId: created.id, strategy: 'balanced', seed: 1 });
  } else {
    for (const [id, room] of [
      ['ana', r1],
      ['ben', r1],
      ['cai', r2],
      ['off', r2],
    ] as const) {
      state = run(state, {
        type: 'breakouts.assign',
        actor: fac,
        setId: created.id,
        participantId: pid(id),
        roomId: room,
      });
    }
  }
  return { state, set: state.breakouts.sets[0] ?? created, r1, r2 };
}

const where = (state: WorkshopState, id: string) => roomOf(state, pid(id));
const openAt = (state: WorkshopState, setId: string, now = T0) =>
  exec(state, { type: 'breakouts.open', actor: fac, setId, durationMs: 20 * MINUTE }, now);

describe('opening a set', () => {
  it('moves connected members to their rooms and lists the moves', () => {
    const { state, set, r1, r2 } = prepared();
    const { state: open } = openAt(state, set.id);
    expect(open.breakouts.open).toMatchObject({
      setId: set.id,
      openedAt: T0,
      endsAt: T0 + 20 * MINUTE,
      recallAt: null,
    });
    expect(where(open, 'ana')?.location).toEqual({ kind: 'breakout', roomId: r1, setId: set.id });
    expect(where(open, 'cai')?.location).toEqual({ kind: 'breakout', roomId: r2, setId: set.id });
    expect(where(open, 'fac')?.location).toEqual({ kind: 'plenary', roomId: open.plenaryRoomId });
    expect(where(open, 'obs')?.location.kind).toBe('plenary');
    expect(where(open, 'off')?.location.kind).toBe('offline');

    const moves = movesBetween(state, open);
    const byId = Object.fromEntries(moves.map((m) => [m.participantId, m.to.location]));
    // dan had no room: as a connected delegate he is placed in the smallest room; One (ana, ben)
    // and Two (cai, off) tie, and the earlier room wins.
    expect(byId).toEqual({
      ana: { kind: 'breakout', roomId: r1, setId: set.id },
      ben: { kind: 'breakout', roomId: r1, setId: set.id },
      cai: { kind: 'breakout', roomId: r2, setId: set.id },
      dan: { kind: 'breakout', roomId: r1, setId: set.id },
    });
    expect(moves.every((m) => m.from.location.kind === 'plenary')).toBe(true);
    expect(open.breakouts.sets[0]?.assignments).toMatchObject({ dan: r1 });
  });

  it('allows one open set at a time', () => {
    const { state, set } = prepared();
    const open = openAt(state, set.id).state;
    const other = run(open, { type: 'breakouts.createSet', actor: fac, name: 'Other', roomNames: ['X'] });
    const result = rejected(other, {
      type: 'breakouts.open',
      actor: fac,
      setId: other.breakouts.sets[1]?.id ?? '',
      durationMs: MINUTE,
    });
    expect(result.error.code).toBe('conflict');
  });

  it('refuses commands about a running set when none is open', () => {
    const { state } = prepared();
    for (const command of [
      { type: 'breakouts.extend', actor: fac, byMs: MINUTE },
      { type: 'breakouts.broadcast', actor: fac, text: 'hi' },
      { type: 'breakouts.recall', actor: fac },
      { type: 'breakouts.close', actor: fac },
      { type: 'breakouts.visit', actor: fac, roomId: null },
    ] as const) {
      expect(rejected(state, command).error.code).toBe('conflict');
    }
  });
});

describe('late joiners', () => {
  it('go to their assigned room when they connect while a set is open', () => {
    const { state, set, r2 } = prepared();
    const open = openAt(state, set.id).state;
    const joined = run(open, { type: 'participant.connected', actor: SYSTEM, participantId: pid('off') }, T0 + MINUTE);
    expect(where(joined, 'off')?.location).toEqual({ kind: 'breakout', roomId: r2, setId: set.id });
    expect(movesBetween(open, joined)).toEqual([
      {
        participantId: pid('off'),
        from: { location: { kind: 'offline' }, visiting: null },
        to: { location: { kind: 'breakout', roomId: r2, setId: set.id }, visiting: null },
      },
    ]);
  });

  it('without a room, go to the smallest room in a manual set and keep it', () => {
    const { state, set, r2 } = prepared();
    // One: ana, ben, and dan once the set opens. Two: cai, and off who is offline but assigned.
    const open = openAt(state, set.id).state;
    const joined = register(open, { id: 'eve', organisation: 'E' }, T0 + MINUTE);
    expect(where(joined, 'eve')?.location).toEqual({ kind: 'breakout', roomId: r2, setId: set.id });
    expect(joined.breakouts.sets[0]?.assignments).toMatchObject({ eve: r2 });
    const back = run(run(joined, { type: 'participant.disconnected', actor: SYSTEM, participantId: pid('eve') }), {
      type: 'participant.connected',
      actor: SYSTEM,
      participantId: pid('eve'),
    });
    expect(where(back, 'eve')?.location).toMatchObject({ roomId: r2 });
  });

  it('in a balanced set, go where their organisation is not yet represented', () => {
    const { state, set } = prepared('balanced');
    const open = openAt(state, set.id).state;
    const assignments = open.breakouts.sets[0]?.assignments ?? {};
    // ana and cai are both from A, so the balanced set put them apart; a third A goes wherever
    // the fewest As and Portuguese are, and the rooms' sizes break the tie.
    expect(assignments[pid('ana')]).not.toBe(assignments[pid('cai')]);
    const joined = register(open, { id: 'fay', organisation: 'C', country: 'ES' }, T0 + MINUTE);
    const fayRoom = joined.breakouts.sets[0]?.assignments[pid('fay')];
    expect(fayRoom).toBeDefined();
    expect(fayRoom).not.toBe(assignments[pid('dan')]);
  });

  it('wait in the lobby first, then get a room when admitted', () => {
    const { state, set } = prepared();
    const lobby = run(state, { type: 'workshop.updateSettings', actor: fac, lobbyEnabled: true });
    const open = openAt(lobby, set.id).state;
    const waiting = register(open, { id: 'gus' }, T0 + MINUTE);
    expect(where(waiting, 'gus')?.location.kind).toBe('lobby');
    const admitted = run(waiting, { type: 'lobby.admit', actor: fac, participantId: pid('gus') }, T0 + 2 * MINUTE);
    expect(where(admitted, 'gus')?.location.kind).toBe('breakout');
  });

  it('are not facilitators or observers, who stay in the plenary', () => {
    const { state, set } = prepared();
    const open = openAt(state, set.id).state;
    const joined = register(register(open, { id: 'co2', role: 'co-facilitator' }), { id: 'obs2', role: 'observer' });
    expect(where(joined, 'co2')?.location.kind).toBe('plenary');
    expect(where(joined, 'obs2')?.location.kind).toBe('plenary');
  });
});

describe('while the rooms are open', () => {
  const { state: ready, set, r1, r2 } = prepared();
  const open = openAt(ready, set.id).state;

  it('extends the timer, from now if it already ran out', () => {
    const state = run(open, { type: 'breakouts.extend', actor: fac, byMs: 5 * MINUTE });
    expect(open.breakouts.open?.endsAt).toBe(T0 + 20 * MINUTE);
    expect(state.breakouts.open).toEqual({ ...open.breakouts.open, endsAt: T0 + 25 * MINUTE });
    const late = run(open, { type: 'breakouts.extend', actor: fac, byMs: 5 * MINUTE }, T0 + 21 * MINUTE);
    expect(late.breakouts.open?.endsAt).toBe(T0 + 26 * MINUTE);
  });

  it('broadcasts a message into every room’s log', () => {
    const state = run(open, { type: 'breakouts.broadcast', actor: fac, text: 'Five minutes left' });
    for (const roomId of [r1, r2]) {
      expect(state.chat[`room:${roomId}`]).toEqual([
        expect.objectContaining({
          kind: 'broadcast',
          text: 'Five minutes left',
          authorId: fac,
          channel: { kind: 'room', roomId },
        }),
      ]);
    }
    expect(Object.values(state.chat).flat()).toHaveLength(Object.values(open.chat).flat().length + 2);
  });

  it('keeps a help queue that facilitators acknowledge and resolve', () => {
    let state = run(
      open,
      { type: 'breakouts.requestHelp', actor: pid('ana'), message: 'We cannot hear Ben' },
      T0 + MINUTE,
    );
    const twice = exec(state, { type: 'breakouts.requestHelp', actor: pid('cai') }, T0 + 2 * MINUTE);
    state = twice.state;
    expect(twice.created).toEqual({ id: state.breakouts.open?.help[1]?.id });
    expect(state.breakouts.open?.help.map((r) => [r.participantId, r.roomId])).toEqual([
      [pid('ana'), r1],
      [pid('cai'), r2],
    ]);
    expect(rejected(state, { type: 'breakouts.requestHelp', actor: pid('ana') }).error.code).toBe('conflict');
    const [first, second] = state.breakouts.open?.help ?? [];
    state = run(state, { type: 'breakouts.acknowledgeHelp', actor: pid('co'), requestId: first?.id ?? '' });
    expect(state.breakouts.open?.help[0]?.acknowledgedBy).toBe(pid('co'));
    expect(
      rejected(state, { type: 'breakouts.acknowledgeHelp', actor: fac, requestId: first?.id ?? '' }).error.code,
    ).toBe('conflict');
    state = run(state, { type: 'breakouts.resolveHelp', actor: fac, requestId: first?.id ?? '' });
    expect(state.breakouts.open?.help.map((r) => r.id)).toEqual([second?.id]);
    expect(rejected(state, { type: 'breakouts.resolveHelp', actor: fac, requestId: first?.id ?? '' }).error.code).toBe(
      'not_found',
    );
  });

  it('takes help requests only from people in a room', () => {
    // Registered but never connected while the rooms were open, so never placed.
    const absent = register(open, { id: 'zed', connected: false });
    expect(rejected(absent, { type: 'breakouts.requestHelp', actor: pid('zed') }).error.code).toBe('conflict');
  });

  it('lets facilitators visit a room without becoming members, listed separately', () => {
    const state = run(open, { type: 'breakouts.visit', actor: pid('co'), roomId: r2 });
    expect(where(state, 'co')).toEqual({ location: { kind: 'plenary', roomId: state.plenaryRoomId }, visiting: r2 });
    expect(movesBetween(open, state)).toEqual([
      {
        participantId: pid('co'),
        from: { location: { kind: 'plenary', roomId: state.plenaryRoomId }, visiting: null },
        to: { location: { kind: 'plenary', roomId: state.plenaryRoomId }, visiting: r2 },
      },
    ]);
    expect(rejected(state, { type: 'breakouts.visit', actor: pid('co'), roomId: r2 }).error.code).toBe('conflict');
    const moved = run(state, { type: 'breakouts.visit', actor: pid('co'), roomId: r1 });
    expect(where(moved, 'co')?.visiting).toBe(r1);
    const back = run(moved, { type: 'breakouts.visit', actor: pid('co'), roomId: null });
    expect(where(back, 'co')?.visiting).toBeNull();
    expect(rejected(back, { type: 'breakouts.visit', actor: pid('co'), roomId: null }).error.code).toBe('conflict');
    expect(rejected(open, { type: 'breakouts.visit', actor: fac, roomId: rid('elsewhere') }).error.code).toBe(
      'not_found',
    );
  });

  it('ends a visit when the visitor disconnects', () => {
    const visiting = run(open, { type: 'breakouts.visit', actor: pid('co'), roomId: r2 });
    const gone = run(visiting, { type: 'participant.disconnected', actor: SYSTEM, participantId: pid('co') });
    expect(gone.breakouts.open?.visitors).toEqual({});
  });

  it('moves people between rooms', () => {
    const state = run(open, { type: 'breakouts.move', actor: fac, participantId: pid('ana'), roomId: r2 });
    expect(where(state, 'ana')?.location).toMatchObject({ roomId: r2 });
    expect(movesBetween(open, state).map((m) => m.participantId)).toEqual([pid('ana')]);
    expect(
      rejected(state, { type: 'breakouts.move', actor: fac, participantId: pid('ana'), roomId: r2 }).error.code,
    ).toBe('conflict');
    expect(
      rejected(open, { type: 'breakouts.assign', actor: fac, setId: set.id, participantId: pid('ana'), roomId: null })
        .error.code,
    ).toBe('conflict');
  });
});

describe('recall and close', () => {
  const { state: ready, set, r1 } = prepared();
  const open = openAt(ready, set.id).state;

  it('recalls with a grace countdown, then the scheduler closes, and everyone is back', () => {
    expect(nextDeadline(open)).toEqual({ at: T0 + 20 * MINUTE, command: { type: 'breakouts.recall', actor: SYSTEM } });
    expect(rejected(open, { type: 'breakouts.recall', actor: SYSTEM }, T0 + 19 * MINUTE).error.code).toBe('conflict');
    const recalling = exec(open, { type: 'breakouts.recall', actor: SYSTEM }, T0 + 20 * MINUTE);
    expect(recalling.state.breakouts.open).toEqual({ ...open.breakouts.open, recallAt: T0 + 21 * MINUTE });
    expect(where(recalling.state, 'ana')?.location.kind).toBe('breakout');
    expect(nextDeadline(recalling.state)).toEqual({
      at: T0 + 21 * MINUTE,
      command: { type: 'breakouts.close', actor: SYSTEM },
    });
    expect(rejected(recalling.state, { type: 'breakouts.close', actor: SYSTEM }, T0 + 21 * MINUTE - 1).error.code).toBe(
      'conflict',
    );
    expect(rejected(recalling.state, { type: 'breakouts.recall', actor: fac }).error.code).toBe('conflict');

    const closed = exec(recalling.state, { type: 'breakouts.close', actor: SYSTEM }, T0 + 21 * MINUTE);
    expect(closed.state.breakouts.open).toBeNull();
    expect(closed.state.breakouts.sets).toEqual(recalling.state.breakouts.sets);
    const moves = movesBetween(recalling.state, closed.state);
    expect(moves.map((m) => m.participantId).sort()).toEqual(['ana', 'ben', 'cai', 'dan']);
    expect(moves.every((m) => m.to.location.kind === 'plenary')).toBe(true);
    expect(nextDeadline(closed.state)).toBeNull();
  });

  it('uses the chair’s grace, or closes at once with no grace', () => {
    const custom = run(open, { type: 'breakouts.recall', actor: fac, graceMs: 10_000 }, T0 + 5 * MINUTE);
    expect(custom.breakouts.open?.recallAt).toBe(T0 + 5 * MINUTE + 10_000);
    const now = exec(open, { type: 'breakouts.recall', actor: fac, graceMs: 0 }, T0 + 5 * MINUTE);
    expect(now.state.breakouts.open).toBeNull();
    expect(now.state.breakouts.sets).toEqual(open.breakouts.sets);
  });

  it('lets a facilitator close immediately, and extending calls off a recall', () => {
    expect(run(open, { type: 'breakouts.close', actor: fac }, T0 + MINUTE).breakouts.open).toBeNull();
    const recalling = run(open, { type: 'breakouts.recall', actor: fac }, T0 + MINUTE);
    const extended = run(recalling, { type: 'breakouts.extend', actor: fac, byMs: 5 * MINUTE }, T0 + MINUTE + 1);
    expect(extended.breakouts.open?.recallAt).toBeNull();
    expect(nextDeadline(extended)?.command.type).toBe('breakouts.recall');
  });

  it('keeps the rooms’ chat and rapporteur, and the set can be reopened another day', () => {
    let state = run(open, {
      type: 'breakouts.setRapporteur',
      actor: fac,
      setId: set.id,
      roomId: r1,
      participantId: pid('ben'),
    });
    state = run(state, {
      type: 'chat.send',
      actor: pid('ben'),
      channel: { kind: 'room', roomId: r1 },
      text: 'Notes: agreed on 3 points',
    });
    state = run(state, { type: 'breakouts.close', actor: fac }, T0 + 10 * MINUTE);
    expect(state.breakouts.sets[0]?.rooms[0]?.rapporteurId).toBe(pid('ben'));
    expect(state.chat[`room:${r1}`]?.map((m) => m.text)).toEqual(['Notes: agreed on 3 points']);
    const nextDay = T0 + 24 * 60 * MINUTE;
    const reopened = openAt(state, set.id, nextDay).state;
    expect(where(reopened, 'ben')?.location).toEqual({ kind: 'breakout', roomId: r1, setId: set.id });
    expect(reopened.chat[`room:${r1}`]).toHaveLength(1);
  });
});
