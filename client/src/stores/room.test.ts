import { Fact, type JoinResult } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import type { FactEvent } from '../net/facts.ts';
import { mid, peer, pid, producerInfo } from '../testing/fakes.ts';
import { applyFact, connectionLost, joined, joinFailed, joinStarted, left } from './room.ts';
import { type AppState, initialAppState } from './state.ts';

const joinResult = (over: Partial<JoinResult> = {}): JoinResult => ({
  self: peer('me', 'Ada', 30),
  peers: [peer('bob', 'Bob', 10), peer('cy', 'Cy', 20)],
  producers: [producerInfo('b-mic', 'bob', 'mic'), producerInfo('b-cam', 'bob', 'camera', true)],
  routerRtpCapabilities: {},
  ...over,
});

const inRoom = (over: Partial<JoinResult> = {}): AppState =>
  joined(joinStarted(initialAppState(), 'Ada'), joinResult(over));

const fact = (event: FactEvent) => event;

describe('joining and leaving', () => {
  it('takes the join answer as the whole picture of the room, self included', () => {
    const state = inRoom();
    expect(state.phase).toBe('joined');
    expect(state.selfId).toBe('me');
    expect(Object.keys(state.peers).sort()).toEqual(['bob', 'cy', 'me']);
    expect(Object.keys(state.producers).sort()).toEqual(['b-cam', 'b-mic']);
    expect(state.producers['b-cam']?.paused).toBe(true);
  });

  it('leaves our own producers out of the publications', () => {
    const state = inRoom({ producers: [producerInfo('mine', 'me', 'mic'), producerInfo('b-mic', 'bob', 'mic')] });
    expect(Object.keys(state.producers)).toEqual(['b-mic']);
  });

  it('replaces a stale picture on rejoin (after a reconnect) instead of merging', () => {
    const before = { ...connectionLost(inRoom()), peers: { ghost: peer('ghost') } };
    const after = joined(before, joinResult({ peers: [peer('bob', 'Bob', 10)], producers: [] }));
    expect(Object.keys(after.peers).sort()).toEqual(['bob', 'me']);
    expect(after.producers).toEqual({});
    expect(after.link).toBe('online');
    expect(after.notices.some((notice) => notice.topic === 'connection')).toBe(false);
  });

  it('goes back to the lobby keeping the name, with the reason when there is one', () => {
    const state = left(inRoom(), { topic: 'join', tone: 'alert', text: 'The server ended your session.' });
    expect(state).toMatchObject({ phase: 'lobby', displayName: 'Ada', selfId: null, peers: {}, producers: {} });
    expect(state.notices).toEqual([{ topic: 'join', tone: 'alert', text: 'The server ended your session.' }]);
    expect(left(inRoom()).notices).toEqual([]);
  });

  it('shows a refused join as an alert and clears it on the next attempt', () => {
    const refused = joinFailed(joinStarted(initialAppState(), 'Ada'), 'The room is full.');
    expect(refused.phase).toBe('lobby');
    expect(refused.notices).toEqual([{ topic: 'join', tone: 'alert', text: 'The room is full.' }]);
    expect(joinStarted(refused, 'Ada').notices).toEqual([]);
  });
});

describe('applyFact', () => {
  it('adds a peer who joined, and ignores a repeat of ourselves', () => {
    const state = applyFact(inRoom(), fact({ name: Fact.peerJoined, payload: peer('dee', 'Dee', 40) }));
    expect(state.peers.dee?.displayName).toBe('Dee');
    const again = applyFact(state, fact({ name: Fact.peerJoined, payload: peer('me', 'Ada', 30) }));
    expect(again).toBe(state);
  });

  it('removes a peer who left together with their producers', () => {
    const state = applyFact(inRoom(), fact({ name: Fact.peerLeft, payload: { participantId: pid('bob') } }));
    expect(Object.keys(state.peers).sort()).toEqual(['cy', 'me']);
    expect(state.producers).toEqual({});
  });

  it('returns the same state for a peer it never knew, so nothing re-renders', () => {
    const before = inRoom();
    expect(applyFact(before, fact({ name: Fact.peerLeft, payload: { participantId: pid('nobody') } }))).toBe(before);
  });

  it('tracks producers being added, paused, resumed and closed', () => {
    let state = applyFact(inRoom(), fact({ name: Fact.producerAdded, payload: producerInfo('c-mic', 'cy', 'mic') }));
    expect(state.producers['c-mic']).toMatchObject({ participantId: 'cy', source: 'mic', paused: false });

    state = applyFact(
      state,
      fact({ name: Fact.producerPausedChanged, payload: { producerId: mid('c-mic'), paused: true } }),
    );
    expect(state.producers['c-mic']?.paused).toBe(true);
    state = applyFact(
      state,
      fact({ name: Fact.producerPausedChanged, payload: { producerId: mid('c-mic'), paused: false } }),
    );
    expect(state.producers['c-mic']?.paused).toBe(false);

    state = applyFact(state, fact({ name: Fact.producerClosed, payload: { producerId: mid('c-mic') } }));
    expect(state.producers['c-mic']).toBeUndefined();
    expect(state.producers['b-mic']).toBeDefined();
  });

  it('ignores our own producer being announced back to us', () => {
    const before = inRoom();
    expect(applyFact(before, fact({ name: Fact.producerAdded, payload: producerInfo('x', 'me', 'camera') }))).toBe(
      before,
    );
  });

  it('ignores pause changes and closes for unknown producers', () => {
    const before = inRoom();
    const unknown = mid('unknown');
    expect(
      applyFact(before, fact({ name: Fact.producerPausedChanged, payload: { producerId: unknown, paused: true } })),
    ).toBe(before);
    expect(applyFact(before, fact({ name: Fact.producerClosed, payload: { producerId: unknown } }))).toBe(before);
    expect(applyFact(before, fact({ name: Fact.consumerClosed, payload: { consumerId: unknown } }))).toBe(before);
  });

  it('forgets every producer when media must be rebuilt, and tells the person', () => {
    const state = applyFact(
      inRoom(),
      fact({ name: Fact.mediaReconnectRequired, payload: { reason: 'router moved', routerRtpCapabilities: {} } }),
    );
    expect(state.producers).toEqual({});
    expect(Object.keys(state.peers)).toHaveLength(3);
    expect(state.notices).toEqual([{ topic: 'media', tone: 'status', text: 'Reconnecting audio and video…' }]);
  });
});
