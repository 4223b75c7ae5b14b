import { describe, expect, it } from 'vitest';
import { nextDeadline } from './deadlines.ts';
import type { WorkshopState } from './model.ts';
import { speakingTimeByOrganisation, speakingTimeBySpeaker } from './queue.ts';
import { exec, fac, MINUTE, pid, rejected, run, SYSTEM, T0, withAgendaItems, workshopWith } from './testkit.ts';

const people = [
  { id: 'ana', organisation: 'Org A' },
  { id: 'ben', organisation: 'Org A' },
  { id: 'cai', organisation: 'Org B' },
  { id: 'dan', organisation: 'Org C' },
  { id: 'eve', organisation: 'Org D' },
  { id: 'obs', role: 'observer' as const, organisation: 'Press' },
  { id: 'dev', role: 'room-device' as const, organisation: 'Org E' },
];

type Kind = 'new-point' | 'direct-reply' | 'point-of-order';

function raise(state: WorkshopState, hands: [string, Kind][], start = T0): WorkshopState {
  let next = state;
  hands.forEach(([id, kind], i) => {
    next = run(next, { type: 'queue.raiseHand', actor: pid(id), kind }, start + i * 1000);
  });
  return next;
}

const order = (state: WorkshopState) =>
  state.queue.entries.map((e) => (e.inRoomName ? `${e.participantId}/${e.inRoomName}` : e.participantId));

describe('queue order', () => {
  const base = workshopWith(people);

  it('serves new points first come, first served', () => {
    const state = raise(base, [
      ['cai', 'new-point'],
      ['ana', 'new-point'],
      ['dan', 'new-point'],
    ]);
    expect(order(state)).toEqual(['cai', 'ana', 'dan']);
  });

  it('puts a direct reply ahead of new points but behind earlier direct replies', () => {
    const state = raise(base, [
      ['cai', 'new-point'],
      ['ana', 'new-point'],
      ['dan', 'direct-reply'],
      ['eve', 'direct-reply'],
    ]);
    expect(order(state)).toEqual(['dan', 'eve', 'cai', 'ana']);
  });

  it('puts a point of order ahead of everything, behind earlier points of order', () => {
    const state = raise(base, [
      ['cai', 'new-point'],
      ['ana', 'direct-reply'],
      ['dan', 'point-of-order'],
      ['eve', 'point-of-order'],
      ['ben', 'direct-reply'],
    ]);
    expect(order(state)).toEqual(['dan', 'eve', 'ana', 'ben', 'cai']);
    expect(state.queue.entries.map((e) => e.kind)).toEqual([
      'point-of-order',
      'point-of-order',
      'direct-reply',
      'direct-reply',
      'new-point',
    ]);
  });

  it('keeps a chair’s manual move, and later direct replies still queue behind earlier ones', () => {
    let state = raise(base, [
      ['cai', 'direct-reply'],
      ['ana', 'new-point'],
    ]);
    state = run(state, { type: 'queue.move', actor: fac, entryId: state.queue.entries[1]?.id ?? '', position: 0 });
    expect(order(state)).toEqual(['ana', 'cai']);
    state = raise(state, [['dan', 'direct-reply']]);
    expect(order(state)).toEqual(['ana', 'cai', 'dan']);
  });

  it('moves an entry past the end to the end', () => {
    let state = raise(base, [
      ['cai', 'new-point'],
      ['ana', 'new-point'],
      ['dan', 'new-point'],
    ]);
    state = run(state, { type: 'queue.move', actor: fac, entryId: state.queue.entries[0]?.id ?? '', position: 99 });
    expect(order(state)).toEqual(['ana', 'dan', 'cai']);
  });

  describe('with priority for people who have not spoken yet', () => {
    const prioritised = run(base, { type: 'workshop.updateSettings', actor: fac, prioritiseNewSpeakers: true });

    /** ana and cai speak once, in that order. */
    function afterTwoSpeeches(state: WorkshopState): WorkshopState {
      let next = raise(state, [
        ['ana', 'new-point'],
        ['cai', 'new-point'],
      ]);
      next = run(next, { type: 'queue.giveFloor', actor: fac }, T0 + MINUTE);
      next = run(next, { type: 'queue.giveFloor', actor: fac }, T0 + 2 * MINUTE);
      return run(next, { type: 'queue.endTurn', actor: fac }, T0 + 3 * MINUTE);
    }

    it('puts first-time speakers ahead of those who spoke, stable within each group', () => {
      const spoken = afterTwoSpeeches(prioritised);
      const state = raise(
        spoken,
        [
          ['ana', 'new-point'],
          ['dan', 'new-point'],
          ['cai', 'new-point'],
          ['eve', 'new-point'],
        ],
        T0 + 4 * MINUTE,
      );
      expect(order(state)).toEqual(['dan', 'eve', 'ana', 'cai']);
    });

    it('still puts direct replies and points of order first', () => {
      const spoken = afterTwoSpeeches(prioritised);
      const state = raise(
        spoken,
        [
          ['dan', 'new-point'],
          ['ana', 'direct-reply'],
          ['eve', 'new-point'],
          ['cai', 'point-of-order'],
        ],
        T0 + 4 * MINUTE,
      );
      expect(order(state)).toEqual(['cai', 'ana', 'dan', 'eve']);
    });

    it('counts the person who has the floor now as having spoken', () => {
      let state = raise(prioritised, [['ana', 'new-point']]);
      state = run(state, { type: 'queue.giveFloor', actor: fac });
      state = raise(state, [
        ['ana', 'new-point'],
        ['dan', 'new-point'],
      ]);
      expect(order(state)).toEqual(['dan', 'ana']);
    });

    it('counts speaking per agenda item: a new item gives everyone priority again', () => {
      const planned = withAgendaItems(prioritised, ['One', 'Two'], 30);
      let state = planned.state;
      const [one, two] = planned.itemIds;
      state = run(state, { type: 'agenda.startItem', actor: fac, itemId: one ?? '' });
      state = afterTwoSpeeches(state);
      state = run(state, { type: 'agenda.startItem', actor: fac, itemId: two ?? '' }, T0 + 4 * MINUTE);
      state = raise(
        state,
        [
          ['ana', 'new-point'],
          ['dan', 'new-point'],
        ],
        T0 + 5 * MINUTE,
      );
      expect(order(state)).toEqual(['ana', 'dan']);
    });

    it('does nothing when the setting is off', () => {
      const spoken = afterTwoSpeeches(base);
      const state = raise(
        spoken,
        [
          ['ana', 'new-point'],
          ['dan', 'new-point'],
        ],
        T0 + 4 * MINUTE,
      );
      expect(order(state)).toEqual(['ana', 'dan']);
    });
  });
});

describe('raising and lowering hands', () => {
  const base = workshopWith(people);

  it('allows one hand per person', () => {
    const state = raise(base, [['ana', 'new-point']]);
    const result = rejected(state, { type: 'queue.raiseHand', actor: pid('ana'), kind: 'point-of-order' });
    expect(result.error.code).toBe('conflict');
  });

  it('does not let observers raise a hand', () => {
    expect(rejected(base, { type: 'queue.raiseHand', actor: pid('obs'), kind: 'new-point' }).error.code).toBe(
      'forbidden',
    );
  });

  it('lets a delegate lower their own hand, by default or by id, but not someone else’s', () => {
    const state = raise(base, [
      ['ana', 'new-point'],
      ['cai', 'new-point'],
    ]);
    const [anaEntry, caiEntry] = state.queue.entries;
    expect(order(run(state, { type: 'queue.lowerHand', actor: pid('ana') }))).toEqual(['cai']);
    expect(order(run(state, { type: 'queue.lowerHand', actor: pid('ana'), entryId: anaEntry?.id ?? '' }))).toEqual([
      'cai',
    ]);
    const other = rejected(state, { type: 'queue.lowerHand', actor: pid('ana'), entryId: caiEntry?.id ?? '' });
    expect(other.error.code).toBe('forbidden');
    expect(rejected(state, { type: 'queue.lowerHand', actor: pid('dan') }).error.code).toBe('not_found');
  });

  it('lets a chair remove any entry and clear the queue', () => {
    const state = raise(base, [
      ['ana', 'new-point'],
      ['cai', 'new-point'],
    ]);
    const removed = run(state, { type: 'queue.remove', actor: fac, entryId: state.queue.entries[0]?.id ?? '' });
    expect(order(removed)).toEqual(['cai']);
    expect(run(state, { type: 'queue.clear', actor: fac }).queue.entries).toEqual([]);
    expect(rejected(state, { type: 'queue.remove', actor: fac, entryId: 'nope' }).error.code).toBe('not_found');
  });

  it('keeps the new queue in order and answers with the new entry', () => {
    const state = raise(base, [['ana', 'new-point']]);
    const raised = exec(state, { type: 'queue.raiseHand', actor: pid('cai'), kind: 'direct-reply' });
    expect(raised.state.queue.entries.map((e) => e.participantId)).toEqual([pid('cai'), pid('ana')]);
    expect(raised.created).toEqual({ id: raised.state.queue.entries[0]?.id });
  });
});

describe('people in a meeting room', () => {
  const base = run(workshopWith(people), {
    type: 'participant.setInRoomPeople',
    actor: pid('dev'),
    participantId: pid('dev'),
    people: ['Maria Silva', 'João Costa'],
  });

  it('can be queued by a chair or their room device, each once, beside the device itself', () => {
    let state = run(base, {
      type: 'queue.addInRoomPerson',
      actor: fac,
      deviceId: pid('dev'),
      name: ' maria  SILVA ',
      kind: 'new-point',
    });
    state = run(state, {
      type: 'queue.addInRoomPerson',
      actor: pid('dev'),
      deviceId: pid('dev'),
      name: 'João Costa',
      kind: 'direct-reply',
    });
    state = run(state, { type: 'queue.raiseHand', actor: pid('dev'), kind: 'new-point' });
    expect(order(state)).toEqual(['dev/João Costa', 'dev/Maria Silva', 'dev']);
    const again = rejected(state, {
      type: 'queue.addInRoomPerson',
      actor: fac,
      deviceId: pid('dev'),
      name: 'Maria Silva',
      kind: 'new-point',
    });
    expect(again.error.code).toBe('conflict');
  });

  it('refuses names not listed under the device, and other devices’ people', () => {
    const unknown = rejected(base, {
      type: 'queue.addInRoomPerson',
      actor: fac,
      deviceId: pid('dev'),
      name: 'Nobody',
      kind: 'new-point',
    });
    expect(unknown.error.code).toBe('not_found');
    const notDevice = rejected(base, {
      type: 'queue.addInRoomPerson',
      actor: fac,
      deviceId: pid('ana'),
      name: 'Maria Silva',
      kind: 'new-point',
    });
    expect(notDevice.error.code).toBe('not_found');
  });

  it('records their speaking time under their own name and the device’s organisation', () => {
    let state = run(base, {
      type: 'queue.addInRoomPerson',
      actor: fac,
      deviceId: pid('dev'),
      name: 'Maria Silva',
      kind: 'new-point',
    });
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0);
    state = run(state, { type: 'queue.endTurn', actor: pid('dev') }, T0 + 90_000);
    expect(speakingTimeBySpeaker(state.queue.speeches)).toEqual([
      { participantId: pid('dev'), inRoomName: 'Maria Silva', organisation: 'Org E', ms: 90_000, turns: 1 },
    ]);
  });
});

describe('the floor and timed turns', () => {
  const base = workshopWith(people, { turnDurationMs: 2 * MINUTE, turnWarningMs: 30_000 });

  it('gives the floor to the head of the queue with a timed turn', () => {
    const state = raise(base, [
      ['ana', 'new-point'],
      ['cai', 'direct-reply'],
    ]);
    const next = run(state, { type: 'queue.giveFloor', actor: fac }, T0 + MINUTE);
    expect(state.queue.turn).toBeNull();
    expect(next.queue.turn).toMatchObject({
      participantId: pid('cai'),
      kind: 'direct-reply',
      startedAt: T0 + MINUTE,
      durationMs: 2 * MINUTE,
      warnAt: T0 + 3 * MINUTE - 30_000,
      warned: false,
    });
    expect(order(next)).toEqual(['ana']);
  });

  it('gives the floor to a chosen entry, optionally untimed', () => {
    const state = raise(base, [
      ['ana', 'new-point'],
      ['cai', 'new-point'],
    ]);
    const chosen = state.queue.entries[1]?.id ?? '';
    const next = run(state, { type: 'queue.giveFloor', actor: fac, entryId: chosen, durationMs: null });
    expect(next.queue.turn).toMatchObject({ participantId: pid('cai'), durationMs: null, warnAt: null });
    expect(nextDeadline(next)).toBeNull();
  });

  it('refuses the floor from an empty queue or to an unknown entry', () => {
    expect(rejected(base, { type: 'queue.giveFloor', actor: fac }).error.code).toBe('conflict');
    const state = raise(base, [['ana', 'new-point']]);
    expect(rejected(state, { type: 'queue.giveFloor', actor: fac, entryId: 'q999' }).error.code).toBe('not_found');
  });

  it('warns, then ends the turn, when the scheduler reports each deadline', () => {
    let state = raise(base, [['ana', 'new-point']]);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0);
    const warn = nextDeadline(state);
    expect(warn).toEqual({ at: T0 + 90_000, command: { type: 'queue.turnTick', actor: SYSTEM } });
    expect(rejected(state, { type: 'queue.turnTick', actor: SYSTEM }, T0 + 89_999).error.code).toBe('conflict');
    const warned = exec(state, warn?.command ?? { type: 'queue.turnTick', actor: SYSTEM }, T0 + 90_000);
    expect(warned.state.queue.turn?.warned).toBe(true);
    expect(warned.state.queue.turn).toEqual({ ...state.queue.turn, warned: true });
    expect(rejected(warned.state, { type: 'queue.turnTick', actor: SYSTEM }, T0 + 95_000).error.code).toBe('conflict');

    const end = nextDeadline(warned.state);
    expect(end).toEqual({ at: T0 + 2 * MINUTE, command: { type: 'queue.endTurn', actor: SYSTEM } });
    expect(rejected(warned.state, { type: 'queue.endTurn', actor: SYSTEM }, T0 + 2 * MINUTE - 1).error.code).toBe(
      'conflict',
    );
    const ended = exec(warned.state, { type: 'queue.endTurn', actor: SYSTEM }, T0 + 2 * MINUTE + 200);
    expect(ended.state.queue.turn).toBeNull();
    expect(ended.state.queue.speeches).toEqual([
      {
        participantId: pid('ana'),
        inRoomName: null,
        organisation: 'Org A',
        agendaItemId: null,
        startedAt: T0,
        endedAt: T0 + 2 * MINUTE + 200,
      },
    ]);
    expect(nextDeadline(ended.state)).toBeNull();
  });

  it('does not let a stale timer end a later turn early', () => {
    let state = raise(base, [
      ['ana', 'new-point'],
      ['cai', 'new-point'],
    ]);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0 + MINUTE);
    // The timer armed for ana's turn fires at T0 + 2 min; cai's turn runs to T0 + 3 min.
    expect(rejected(state, { type: 'queue.endTurn', actor: SYSTEM }, T0 + 2 * MINUTE).error.code).toBe('conflict');
    expect(nextDeadline(state)?.at).toBe(T0 + 3 * MINUTE - 30_000);
  });

  it('lets the speaker yield, but not another delegate', () => {
    let state = raise(base, [['ana', 'new-point']]);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0);
    expect(rejected(state, { type: 'queue.endTurn', actor: pid('cai') }).error.code).toBe('forbidden');
    expect(run(state, { type: 'queue.endTurn', actor: pid('ana') }, T0 + 10_000).queue.turn).toBeNull();
    expect(rejected(base, { type: 'queue.endTurn', actor: fac }).error.code).toBe('conflict');
  });

  it('gives no warning when the warning is longer than the turn or switched off', () => {
    const noWarning = workshopWith(people, { turnDurationMs: 20_000, turnWarningMs: 30_000 });
    let state = run(raise(noWarning, [['ana', 'new-point']]), { type: 'queue.giveFloor', actor: fac });
    expect(state.queue.turn?.warnAt).toBeNull();
    expect(nextDeadline(state)?.command.type).toBe('queue.endTurn');
    const off = workshopWith(people, { turnWarningMs: 0 });
    state = run(raise(off, [['ana', 'new-point']]), { type: 'queue.giveFloor', actor: fac });
    expect(state.queue.turn?.warnAt).toBeNull();
  });
});

describe('speaking time', () => {
  const base = workshopWith(people, { turnDurationMs: null });

  it('is recorded when the floor passes on, the turn ends, or the queue is cleared', () => {
    let state = raise(base, [
      ['ana', 'new-point'],
      ['ben', 'new-point'],
      ['cai', 'new-point'],
      ['dan', 'new-point'],
    ]);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0); // ana
    const passed = exec(state, { type: 'queue.giveFloor', actor: fac }, T0 + 60_000); // ben, ana's turn ends
    expect(state.queue.speeches).toEqual([]);
    expect(passed.state.queue.speeches).toHaveLength(1);
    expect(passed.state.queue.speeches[0]).toMatchObject({
      participantId: pid('ana'),
      endedAt: T0 + 60_000,
    });
    state = run(passed.state, { type: 'queue.endTurn', actor: fac }, T0 + 100_000); // ben: 40 s
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0 + 200_000); // cai
    const cleared = exec(state, { type: 'queue.clear', actor: fac }, T0 + 230_000); // cai: 30 s
    expect(state.queue.entries.map((e) => e.participantId)).toEqual([pid('dan')]);
    expect(cleared.state.queue.entries).toEqual([]);
    expect(cleared.state.queue.turn).toBeNull();
    expect(cleared.state.queue.speeches).toHaveLength(state.queue.speeches.length + 1);
    state = run(cleared.state, { type: 'queue.raiseHand', actor: pid('ana'), kind: 'new-point' }, T0 + 300_000);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0 + 300_000);
    state = run(state, { type: 'queue.endTurn', actor: fac }, T0 + 320_000); // ana again: 20 s

    expect(speakingTimeByOrganisation(state.queue.speeches)).toEqual({
      'Org A': 60_000 + 40_000 + 20_000,
      'Org B': 30_000,
    });
    const byPerson = speakingTimeBySpeaker(state.queue.speeches);
    expect(byPerson.find((t) => t.participantId === pid('ana'))).toMatchObject({ ms: 80_000, turns: 2 });
    expect(byPerson.find((t) => t.participantId === pid('ben'))).toMatchObject({ ms: 40_000, turns: 1 });
    expect(byPerson.some((t) => t.participantId === pid('dan'))).toBe(false);
  });
});
