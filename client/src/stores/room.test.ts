import { Fact } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import type { MediaFactEvent } from '../net/facts.ts';
import { englishNotices } from '../testing/english.ts';
import { mid, peer, pid, producerInfo } from '../testing/fakes.ts';
import { inLobby, inPlenary, joinResult, PLENARY, participant, rid, roomEntry } from '../testing/workshop.ts';
import { applyMediaFact, connectionBack, connectionLost, joinFailed, joinStarted, left, roomEntered } from './room.ts';
import { type AppState, initialAppState } from './state.ts';
import { workshopJoined } from './workshop.ts';

const ada = participant('me', { name: 'Ada' });

const inRoom = (peers = [peer('bob', 'Bob', 10), peer('cy', 'Cy', 20)], producers = defaultProducers): AppState =>
  workshopJoined(joinStarted(initialAppState()), joinResult(ada, { room: roomEntry(PLENARY, peers, producers) }));
const defaultProducers = [producerInfo('b-mic', 'bob', 'mic'), producerInfo('b-cam', 'bob', 'camera', true)];

const fact = (event: MediaFactEvent) => event;

describe('joining and leaving', () => {
  it('takes the room of the join answer as the whole picture, self included', () => {
    const state = inRoom();
    expect(state.phase).toBe('in');
    expect(state.selfId).toBe('me');
    expect(state.roomId).toBe(PLENARY);
    expect(state.peers.me?.displayName).toBe('Ada');
    expect(Object.keys(state.peers).sort()).toEqual(['bob', 'cy', 'me']);
    expect(Object.keys(state.producers).sort()).toEqual(['b-cam', 'b-mic']);
    expect(state.producers['b-cam']?.paused).toBe(true);
  });

  it('leaves our own producers out of the publications', () => {
    const state = inRoom([], [producerInfo('mine', 'me', 'mic'), producerInfo('b-mic', 'bob', 'mic')]);
    expect(Object.keys(state.producers)).toEqual(['b-mic']);
  });

  it('has no room and no peers in the lobby', () => {
    const state = workshopJoined(initialAppState(), joinResult(ada, { whereabouts: inLobby, room: null }));
    expect(state).toMatchObject({ phase: 'in', roomId: null, peers: {}, producers: {} });
    expect(state.whereabouts).toEqual(inLobby);
  });

  it('replaces a stale picture on rejoin (after a reconnect) instead of merging', () => {
    const before = { ...connectionLost(inRoom()), peers: { ghost: peer('ghost') } };
    const after = workshopJoined(before, joinResult(ada, { room: roomEntry(PLENARY, [peer('bob', 'Bob', 10)]) }));
    expect(Object.keys(after.peers).sort()).toEqual(['bob', 'me']);
    expect(after.producers).toEqual({});
    expect(after.link).toBe('online');
    expect(after.notices.some((notice) => notice.topic === 'connection')).toBe(false);
  });

  it('leaves the workshop keeping the page and the invites, with the reason when there is one', () => {
    const invites = { workshopId: 'ws-1' as never, tokens: {} as never };
    const state = left(
      { ...inRoom(), route: { kind: 'workshop', workshopId: 'ws-1' as never }, invites },
      { topic: 'join', tone: 'alert', message: { key: 'join.sessionEnded' } },
    );
    expect(state).toMatchObject({ phase: 'out', selfId: null, workshop: null, peers: {}, producers: {}, invites });
    expect(state.route).toEqual({ kind: 'workshop', workshopId: 'ws-1' });
    expect(englishNotices(state.notices)).toEqual([
      { topic: 'join', tone: 'alert', text: 'The server ended your session.' },
    ]);
    expect(left(inRoom()).notices).toEqual([]);
  });

  it('shows a refused join as an alert and clears it on the next attempt', () => {
    const refused = joinFailed(joinStarted(initialAppState()), { code: 'conflict', message: 'this room is full' });
    expect(refused.phase).toBe('out');
    expect(englishNotices(refused.notices)).toEqual([
      {
        topic: 'join',
        tone: 'alert',
        text: 'You could not join the workshop. That cannot be done right now. Server: this room is full',
      },
    ]);
    expect(joinStarted(refused).notices).toEqual([]);
  });

  it('clears the reconnecting notice once the connection is back', () => {
    const back = connectionBack(connectionLost(inRoom()));
    expect(back.link).toBe('online');
    expect(back.notices).toEqual([]);
  });
});

describe('roomEntered', () => {
  it("swaps the previous room's people and media for the new room's", () => {
    const breakout = rid('room-1');
    const state = roomEntered(inRoom(), {
      whereabouts: { location: { kind: 'breakout', roomId: breakout, setId: 's1' }, visiting: null },
      room: roomEntry(breakout, [peer('dee', 'Dee', 5)], [producerInfo('d-mic', 'dee', 'mic')]),
    });
    expect(state.roomId).toBe(breakout);
    expect(Object.keys(state.peers).sort()).toEqual(['dee', 'me']);
    expect(Object.keys(state.producers)).toEqual(['d-mic']);
    expect(state.whereabouts?.location.kind).toBe('breakout');
  });

  it('empties the room when the move has none (back to the lobby)', () => {
    const state = roomEntered(inRoom(), { whereabouts: inLobby, room: null });
    expect(state).toMatchObject({ roomId: null, peers: {}, producers: {} });
    expect(roomEntered(state, { whereabouts: inPlenary, room: roomEntry(PLENARY) }).peers.me).toBeDefined();
  });
});

describe('applyMediaFact', () => {
  it('adds a peer who joined, and ignores a repeat of ourselves', () => {
    const state = applyMediaFact(
      inRoom(),
      fact({ name: Fact.peerJoined, payload: { peers: [peer('dee', 'Dee', 40)] } }),
    );
    expect(state.peers.dee?.displayName).toBe('Dee');
    const again = applyMediaFact(state, fact({ name: Fact.peerJoined, payload: { peers: [peer('me', 'Ada', 30)] } }));
    expect(again).toBe(state);
  });

  it('removes a peer who left together with their producers', () => {
    const state = applyMediaFact(inRoom(), fact({ name: Fact.peerLeft, payload: { participantIds: [pid('bob')] } }));
    expect(Object.keys(state.peers).sort()).toEqual(['cy', 'me']);
    expect(state.producers).toEqual({});
  });

  it('returns the same state for a peer it never knew, so nothing re-renders', () => {
    const before = inRoom();
    expect(applyMediaFact(before, fact({ name: Fact.peerLeft, payload: { participantIds: [pid('nobody')] } }))).toBe(
      before,
    );
  });

  it('tracks producers being added, paused, resumed and closed', () => {
    let state = applyMediaFact(
      inRoom(),
      fact({ name: Fact.producerAdded, payload: producerInfo('c-mic', 'cy', 'mic') }),
    );
    expect(state.producers['c-mic']).toMatchObject({ participantId: 'cy', source: 'mic', paused: false });
    const paused = (value: boolean) =>
      fact({ name: Fact.producerPausedChanged, payload: { producerId: mid('c-mic'), paused: value } });
    state = applyMediaFact(state, paused(true));
    expect(state.producers['c-mic']?.paused).toBe(true);
    state = applyMediaFact(state, paused(false));
    expect(state.producers['c-mic']?.paused).toBe(false);
    state = applyMediaFact(state, fact({ name: Fact.producerClosed, payload: { producerId: mid('c-mic') } }));
    expect(state.producers['c-mic']).toBeUndefined();
    expect(state.producers['b-mic']).toBeDefined();
  });

  it('ignores our own producer being announced back to us', () => {
    const before = inRoom();
    const own = fact({ name: Fact.producerAdded, payload: producerInfo('x', 'me', 'camera') });
    expect(applyMediaFact(before, own)).toBe(before);
  });

  it('ignores pause changes and closes for unknown producers', () => {
    const before = inRoom();
    const unknown = mid('unknown');
    const pause = fact({ name: Fact.producerPausedChanged, payload: { producerId: unknown, paused: true } });
    expect(applyMediaFact(before, pause)).toBe(before);
    expect(applyMediaFact(before, fact({ name: Fact.producerClosed, payload: { producerId: unknown } }))).toBe(before);
    expect(applyMediaFact(before, fact({ name: Fact.consumerClosed, payload: { consumerId: unknown } }))).toBe(before);
  });

  it('forgets every producer when media must be rebuilt, and tells the person', () => {
    const state = applyMediaFact(
      inRoom(),
      fact({ name: Fact.mediaReconnectRequired, payload: { reason: 'router moved', routerRtpCapabilities: {} } }),
    );
    expect(state.producers).toEqual({});
    expect(Object.keys(state.peers)).toHaveLength(3);
    expect(englishNotices(state.notices)).toEqual([
      { topic: 'media', tone: 'status', text: 'Reconnecting audio and video…' },
    ]);
  });

  it('remembers who is speaking, until the room changes', () => {
    const state = applyMediaFact(
      inRoom(),
      fact({ name: Fact.activeSpeakerChanged, payload: { participantId: pid('bob') } }),
    );
    expect(state.activeSpeakerId).toBe('bob');
    expect(roomEntered(state, { whereabouts: inPlenary, room: roomEntry(PLENARY) }).activeSpeakerId).toBeNull();
    const speaking = { ...roomEntry(PLENARY), activeSpeakerId: pid('cy') };
    expect(roomEntered(state, { whereabouts: inPlenary, room: speaking }).activeSpeakerId).toBe('cy');
  });
});
