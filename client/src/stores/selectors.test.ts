import { describe, expect, it } from 'vitest';
import { peer, pid, producerInfo } from '../testing/fakes.ts';
import { inLobby, joinResult, PLENARY, participant, rid, roomEntry, workshopView } from '../testing/workshop.ts';
import { roomEntered } from './room.ts';
import { selectParticipantIds, selectPlace, selectSourceLive, selectWaiting } from './selectors.ts';
import { type AppState, initialAppState } from './state.ts';
import { workshopJoined } from './workshop.ts';

const ada = participant('me', { name: 'Ada', role: 'facilitator' });
const set = {
  id: 's1',
  name: 'Groups',
  rooms: [{ id: rid('r1'), name: 'Blue room', rapporteurId: null }],
  mode: 'balanced' as const,
  assignments: {},
  selfSelect: { allowed: false, maxPerRoom: null },
};

const room = (): AppState =>
  workshopJoined(
    initialAppState(),
    joinResult(ada, {
      workshop: workshopView([ada], { breakouts: { sets: [set], open: null } }),
      room: roomEntry(
        PLENARY,
        [peer('late', 'Late', 40), peer('early', 'Early', 10), peer('b-tie', 'Tie B', 20), peer('a-tie', 'Tie A', 20)],
        [producerInfo('e-mic', 'early', 'mic', true), producerInfo('e-cam', 'early', 'camera')],
      ),
    }),
  );

describe('selectParticipantIds', () => {
  it('puts self first, then everyone in order of arrival, ties by id', () => {
    expect(selectParticipantIds(room())).toEqual(['me', 'early', 'a-tie', 'b-tie', 'late']);
  });
});

describe('selectSourceLive', () => {
  it("reads others' mic and camera from what they offer", () => {
    const state = room();
    expect(selectSourceLive(pid('early'), 'mic')(state)).toBe(false); // paused
    expect(selectSourceLive(pid('early'), 'camera')(state)).toBe(true);
    expect(selectSourceLive(pid('late'), 'mic')(state)).toBe(false); // offers nothing
  });

  it('reads our own from what we send', () => {
    const state: AppState = { ...room(), localMedia: { mic: 'paused', camera: 'live' } };
    expect(selectSourceLive(pid('me'), 'mic')(state)).toBe(false);
    expect(selectSourceLive(pid('me'), 'camera')(state)).toBe(true);
  });
});

describe('selectPlace', () => {
  it('names the plenary, the lobby and a breakout room', () => {
    expect(selectPlace(room())).toEqual({ kind: 'plenary', roomId: PLENARY });
    expect(selectPlace(roomEntered(room(), { whereabouts: inLobby, room: null }))).toEqual({ kind: 'lobby' });
    const inBreakout = roomEntered(room(), {
      whereabouts: { location: { kind: 'breakout', roomId: rid('r1'), setId: 's1' }, visiting: null },
      room: roomEntry(rid('r1')),
    });
    expect(selectPlace(inBreakout)).toEqual({ kind: 'breakout', roomId: 'r1', roomName: 'Blue room', visiting: false });
  });

  it('tells a chair looking into a room that they are visiting it', () => {
    const visiting = roomEntered(room(), {
      whereabouts: { location: { kind: 'plenary', roomId: PLENARY }, visiting: rid('r1') },
      room: roomEntry(rid('r1')),
    });
    expect(selectPlace(visiting)).toMatchObject({ kind: 'breakout', roomName: 'Blue room', visiting: true });
  });
});

describe('selectWaiting', () => {
  it('lists connected people not yet admitted, first come first', () => {
    const people = [
      ada,
      participant('late', { admitted: false, registeredAt: 30 }),
      participant('early', { admitted: false, registeredAt: 10 }),
      participant('gone', { admitted: false, connected: false, registeredAt: 5 }),
      participant('in', { registeredAt: 1 }),
    ];
    const state = workshopJoined(initialAppState(), joinResult(ada, { workshop: workshopView(people) }));
    expect(selectWaiting(state).map((p) => p.id)).toEqual(['early', 'late']);
  });
});
