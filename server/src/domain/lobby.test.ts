import { describe, expect, it } from 'vitest';
import { waiting } from './lobby.ts';
import { movesBetween, roomOf } from './location.ts';
import { exec, fac, pid, register, rejected, run, SYSTEM, workshopWith } from './testkit.ts';

describe('the lobby', () => {
  const lobby = workshopWith([], { lobbyEnabled: true });

  it('holds registered participants until admitted; chairs go straight in', () => {
    let state = register(lobby, { id: 'ana' });
    state = register(state, { id: 'obs', role: 'observer' });
    state = register(state, { id: 'co', role: 'co-facilitator' });
    expect(roomOf(state, pid('ana'))?.location).toEqual({ kind: 'lobby' });
    expect(roomOf(state, pid('obs'))?.location).toEqual({ kind: 'lobby' });
    expect(roomOf(state, pid('co'))?.location.kind).toBe('plenary');
    expect(waiting(state)).toEqual([pid('ana'), pid('obs')]);
  });

  it('admits one participant into the plenary', () => {
    const state = register(register(lobby, { id: 'ana' }), { id: 'ben' });
    const next = run(state, { type: 'lobby.admit', actor: fac, participantId: pid('ana') });
    expect(roomOf(next, pid('ana'))?.location).toEqual({ kind: 'plenary', roomId: next.plenaryRoomId });
    expect(roomOf(next, pid('ben'))?.location.kind).toBe('lobby');
    expect(waiting(next)).toEqual([pid('ben')]);
    expect(movesBetween(state, next)).toEqual([
      {
        participantId: pid('ana'),
        from: { location: { kind: 'lobby' }, visiting: null },
        to: { location: { kind: 'plenary', roomId: next.plenaryRoomId }, visiting: null },
      },
    ]);
    expect(rejected(next, { type: 'lobby.admit', actor: fac, participantId: pid('ana') }).error.code).toBe('conflict');
    expect(rejected(next, { type: 'lobby.admit', actor: fac, participantId: pid('zed') }).error.code).toBe('not_found');
  });

  it('admits everyone waiting at once, offline or not, and accepts an empty lobby', () => {
    const state = register(register(lobby, { id: 'ana' }), { id: 'ben', connected: false });
    expect(waiting(state)).toEqual([pid('ana'), pid('ben')]);
    const next = run(state, { type: 'lobby.admitAll', actor: fac });
    expect(waiting(next)).toEqual([]);
    const again = exec(next, { type: 'lobby.admitAll', actor: fac });
    expect(again.state.participants).toBe(next.participants);
    expect(again.state.revision).toBe(next.revision + 1);
  });

  it('keeps admission across reconnections', () => {
    let state = run(register(lobby, { id: 'ana' }), { type: 'lobby.admit', actor: fac, participantId: pid('ana') });
    state = run(state, { type: 'participant.disconnected', actor: SYSTEM, participantId: pid('ana') });
    state = run(state, { type: 'participant.connected', actor: SYSTEM, participantId: pid('ana') });
    expect(roomOf(state, pid('ana'))?.location.kind).toBe('plenary');
  });

  it('is skipped when off, and turning it off lets everyone waiting in', () => {
    const open = workshopWith([], { lobbyEnabled: false });
    expect(roomOf(register(open, { id: 'ana' }), pid('ana'))?.location.kind).toBe('plenary');
    const state = register(register(lobby, { id: 'ana' }), { id: 'ben' });
    const next = run(state, { type: 'workshop.updateSettings', actor: fac, lobbyEnabled: false });
    expect(next.settings.lobbyEnabled).toBe(false);
    expect(waiting(next)).toEqual([]);
    expect(movesBetween(state, next).map((move) => [move.participantId, move.to.location.kind])).toEqual([
      [pid('ana'), 'plenary'],
      [pid('ben'), 'plenary'],
    ]);
  });
});
