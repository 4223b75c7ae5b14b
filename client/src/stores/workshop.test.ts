import { withChatMessages } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { pid } from '../testing/fakes.ts';
import { change, chatMessage, joinResult, PLENARY, participant, rid, workshopView } from '../testing/workshop.ts';
import { type AppState, initialAppState } from './state.ts';
import { applyWorkshopChange, snapshotApplied, workshopJoined } from './workshop.ts';

const ada = participant('me', { name: 'Ada', role: 'facilitator' });
const joinedAt = (revision: number): AppState =>
  workshopJoined(initialAppState(), joinResult(ada, { workshop: workshopView([ada], { revision }) }));

describe('workshopJoined', () => {
  it('takes the whole view, who we are and where we are from the join answer', () => {
    const state = joinedAt(10);
    expect(state).toMatchObject({ phase: 'in', selfId: 'me', workshopId: 'ws-1', roomId: PLENARY });
    expect(state.workshop?.revision).toBe(10);
    expect(state.workshop?.participants[pid('me')]?.role).toBe('facilitator');
  });
});

describe('applyWorkshopChange', () => {
  it('replaces the slices a change carries, leaves the others, and moves to its revision', () => {
    const before = joinedAt(10);
    const queue = { entries: [], turn: null, speeches: [] };
    const { state, outcome } = applyWorkshopChange(before, change(11, { title: 'Day two', queue }));
    expect(outcome).toBe('applied');
    expect(state.workshop).toMatchObject({ revision: 11, title: 'Day two', queue });
    expect(state.workshop?.participants).toBe(before.workshop?.participants);
    expect(state.workshop?.agenda).toBe(before.workshop?.agenda);
  });

  it('applies consecutive changes in order', () => {
    let state = joinedAt(10);
    for (const [revision, title] of [
      [11, 'A'],
      [12, 'B'],
      [13, 'C'],
    ] as const) {
      const applied = applyWorkshopChange(state, change(revision, { title }));
      expect(applied.outcome).toBe('applied');
      state = applied.state;
    }
    expect(state.workshop).toMatchObject({ revision: 13, title: 'C' });
  });

  it('ignores a change it already has (replayed after a reconnect, or older than the join answer)', () => {
    const before = joinedAt(10);
    for (const revision of [10, 9, 1]) {
      const { state, outcome } = applyWorkshopChange(before, change(revision, { title: 'Old' }));
      expect(outcome).toBe('stale');
      expect(state).toBe(before);
    }
  });

  it('reports a gap instead of applying a change that skips revisions', () => {
    const before = joinedAt(10);
    const { state, outcome } = applyWorkshopChange(before, change(12, { title: 'Too new' }));
    expect(outcome).toBe('gap');
    expect(state).toBe(before);
  });

  it('appends chat messages to their channels', () => {
    const breakout = rid('room-1');
    const { state } = applyWorkshopChange(
      joinedAt(10),
      change(11, {}, [chatMessage('m1', PLENARY, 'Hello'), chatMessage('m2', breakout, 'Hi group')]),
    );
    expect(state.workshop?.chat[`room:${PLENARY}`]?.map((m) => m.text)).toEqual(['Hello']);
    expect(state.workshop?.chat['room:room-1']?.map((m) => m.text)).toEqual(['Hi group']);
    const next = applyWorkshopChange(state, change(12, {}, [chatMessage('m3', PLENARY, 'Again')])).state;
    expect(next.workshop?.chat[`room:${PLENARY}`]?.map((m) => m.text)).toEqual(['Hello', 'Again']);
  });

  it('patches the roster and the breakout sets entry by entry, to the same view as sending them whole', () => {
    const ben = participant('ben');
    const before = workshopJoined(
      initialAppState(),
      joinResult(ada, { workshop: workshopView([ada, ben], { revision: 10 }) }),
    );
    const cy = participant('cy', { name: 'Cy' });
    const set = {
      id: 's1',
      name: 'Groups',
      rooms: [{ id: rid('r1'), name: 'One', rapporteurId: null }],
      mode: 'random' as const,
      assignments: { [pid('ben')]: rid('r1') },
      selfSelect: { allowed: false, maxPerRoom: null },
    };
    const arrived = applyWorkshopChange(
      before,
      change(11, {}, [], {
        participants: { set: { [pid('cy')]: cy, [pid('ben')]: { ...ben, connected: false } }, removed: [] },
        breakouts: { open: null, sets: [{ ...set, assignments: { set: set.assignments, removed: [] } }] },
      }),
    );
    expect(arrived.outcome).toBe('applied');
    const opened = applyWorkshopChange(
      arrived.state,
      change(12, {}, [], {
        participants: { set: {}, removed: [pid('cy')] },
        breakouts: {
          open: { setId: 's1', openedAt: 1, endsAt: 2, recallAt: null, visitors: {}, help: [] },
          sets: ['s1'],
        },
      }),
    );
    const whole = workshopView([ada, { ...ben, connected: false }], {
      revision: 12,
      breakouts: { sets: [set], open: { setId: 's1', openedAt: 1, endsAt: 2, recallAt: null, visitors: {}, help: [] } },
    });
    expect(opened.state.workshop).toEqual(whole);
    expect(opened.state.workshop?.breakouts.sets[0]).toBe(arrived.state.workshop?.breakouts.sets[0]);
  });

  it('reports a gap when a patch names a breakout set it never had', () => {
    const before = joinedAt(10);
    const { state, outcome } = applyWorkshopChange(
      before,
      change(11, {}, [], { breakouts: { open: null, sets: ['unknown-set'] } }),
    );
    expect(outcome).toBe('gap');
    expect(state).toBe(before);
  });

  it('receives the log of a chat channel it may read from now on, and drops one it may not', () => {
    const breakout = rid('room-1');
    const before = applyWorkshopChange(joinedAt(10), change(11, {}, [chatMessage('m1', PLENARY, 'Hello')])).state;
    const fresh = chatMessage('m3', breakout, 'New');
    const log = [chatMessage('m2', breakout, 'Earlier'), fresh];
    const { state } = applyWorkshopChange(
      before,
      change(12, {}, [fresh], { chat: { set: { 'room:room-1': log }, removed: [`room:${PLENARY}`] } }),
    );
    expect(Object.keys(state.workshop?.chat ?? {})).toEqual(['room:room-1']);
    expect(state.workshop?.chat['room:room-1']?.map((m) => m.text)).toEqual(['Earlier', 'New']);
  });

  it('asks for a snapshot when it has no view to patch', () => {
    expect(applyWorkshopChange(initialAppState(), change(1)).outcome).toBe('gap');
  });
});

describe('withChatMessages', () => {
  it('adds a message once, even when it arrives twice', () => {
    const message = chatMessage('m1', PLENARY, 'Hello');
    const chat = withChatMessages(withChatMessages({}, [message]), [message]);
    expect(chat[`room:${PLENARY}`]).toHaveLength(1);
  });

  it('keeps private threads apart from room chats', () => {
    const thread = chatMessage('m1', PLENARY, 'A word in private', {
      channel: { kind: 'facilitators', participantId: pid('bob') },
    });
    expect(Object.keys(withChatMessages({}, [thread]))).toEqual(['facilitators:bob']);
  });
});

describe('snapshotApplied', () => {
  it('replaces the view and the whereabouts, leaving the media room alone', () => {
    const before = joinedAt(10);
    const workshop = workshopView([ada], { revision: 20, title: 'Caught up' });
    const state = snapshotApplied(before, {
      self: ada,
      workshop,
      whereabouts: { location: { kind: 'plenary', roomId: PLENARY }, visiting: null },
    });
    expect(state.workshop).toBe(workshop);
    expect(state.peers).toBe(before.peers);
    expect(state.roomId).toBe(PLENARY);
  });
});
