import { describe, expect, it } from 'vitest';
import { movesBetween, occupants, roomOf } from './location.ts';
import { fac, pid, register, run, workshopWith } from './testkit.ts';

describe('roomOf and occupants', () => {
  let state = workshopWith(
    [{ id: 'ana' }, { id: 'ben' }, { id: 'co', role: 'co-facilitator' }, { id: 'off', connected: false }],
    {
      lobbyEnabled: true,
    },
  );
  state = register(state, { id: 'wes' });
  state = run(state, { type: 'lobby.admitAll', actor: fac });
  state = register(state, { id: 'wait' });
  state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One', 'Two'] });
  const set = state.breakouts.sets[0];
  const [r1, r2] = set?.rooms.map((r) => r.id) ?? [];
  if (!set || !r1 || !r2) throw new Error('no rooms');
  state = run(state, { type: 'breakouts.assign', actor: fac, setId: set.id, participantId: pid('ana'), roomId: r1 });
  state = run(state, { type: 'breakouts.assign', actor: fac, setId: set.id, participantId: pid('ben'), roomId: r2 });
  state = run(state, { type: 'breakouts.assign', actor: fac, setId: set.id, participantId: pid('wes'), roomId: r2 });
  const closed = state;
  const open = run(run(state, { type: 'breakouts.open', actor: fac, setId: set.id, durationMs: 60_000 }), {
    type: 'breakouts.visit',
    actor: pid('co'),
    roomId: r1,
  });

  it('tells where each participant is', () => {
    expect(roomOf(closed, pid('ana'))).toEqual({
      location: { kind: 'plenary', roomId: closed.plenaryRoomId },
      visiting: null,
    });
    expect(roomOf(open, pid('ana'))).toEqual({
      location: { kind: 'breakout', roomId: r1, setId: set.id },
      visiting: null,
    });
    expect(roomOf(open, pid('co'))).toEqual({
      location: { kind: 'plenary', roomId: open.plenaryRoomId },
      visiting: r1,
    });
    expect(roomOf(open, pid('off'))).toEqual({ location: { kind: 'offline' }, visiting: null });
    expect(roomOf(open, pid('wait'))).toEqual({ location: { kind: 'lobby' }, visiting: null });
    expect(roomOf(open, pid('nobody'))).toBeNull();
  });

  it('lists a room’s members and visitors separately', () => {
    expect(occupants(open, r1)).toEqual({ members: [pid('ana')], visitors: [pid('co')] });
    expect(occupants(open, r2)).toEqual({ members: [pid('ben'), pid('wes')], visitors: [] });
    expect(occupants(open, open.plenaryRoomId)).toEqual({ members: [fac, pid('co')], visitors: [] });
    expect(occupants(closed, closed.plenaryRoomId).members).toEqual([
      fac,
      pid('ana'),
      pid('ben'),
      pid('co'),
      pid('wes'),
    ]);
  });

  it('lists the moves between two states', () => {
    const moves = movesBetween(closed, open);
    expect(moves.map((m) => m.participantId)).toEqual([pid('ana'), pid('ben'), pid('co'), pid('wes')]);
    expect(movesBetween(open, open)).toEqual([]);
  });
});
