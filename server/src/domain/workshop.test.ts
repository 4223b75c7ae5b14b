import type { WorkshopId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import type { WorkshopCommand } from './commands.ts';
import { nextDeadline } from './deadlines.ts';
import { movesBetween } from './location.ts';
import type { WorkshopState } from './model.ts';
import { deepFreeze, exec, fac, MINUTE, pid, register, rejected, run, SYSTEM, T0, workshopWith } from './testkit.ts';
import { createWorkshop, DEFAULT_SETTINGS, decide } from './workshop.ts';

describe('createWorkshop', () => {
  it('starts empty at revision 0 with default settings', () => {
    const state = createWorkshop({
      id: 'w' as WorkshopId,
      title: 'T',
      timeZone: 'Europe/Paris',
      settings: { lobbyEnabled: false },
    });
    expect(state).toMatchObject({
      revision: 0,
      seq: 0,
      participants: {},
      agenda: [],
      currentItem: null,
      plenaryRoomId: 'plenary',
    });
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, lobbyEnabled: false });
  });
});

/** A morning: registration, agenda, queue, breakouts, chat, a poll and a proposal. Ids are minted
 * from one counter (day1, q2, q3, set4...), so a script can name them in advance. */
function morning(): WorkshopCommand[] {
  const p = (id: string) => pid(id);
  return [
    ...['ana', 'ben', 'cai', 'dan'].flatMap((id, i): WorkshopCommand[] => [
      {
        type: 'participant.register',
        actor: SYSTEM,
        participantId: p(id),
        name: id,
        organisation: `Org ${i % 2}`,
        country: i < 2 ? 'PT' : 'EE',
        role: 'delegate',
        language: 'en',
        timeZone: 'Europe/Lisbon',
      },
      { type: 'participant.connected', actor: SYSTEM, participantId: p(id) },
    ]),
    { type: 'agenda.addDay', actor: fac, date: '2025-03-10', title: 'Day 1' },
    { type: 'queue.raiseHand', actor: p('ana'), kind: 'new-point' },
    { type: 'queue.raiseHand', actor: p('ben'), kind: 'direct-reply' },
    { type: 'queue.giveFloor', actor: fac },
    { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One', 'Two'] },
    { type: 'breakouts.autoAssign', actor: fac, setId: 'set4', strategy: 'balanced', seed: 9 },
    { type: 'breakouts.open', actor: fac, setId: 'set4', durationMs: 15 * MINUTE },
    { type: 'chat.send', actor: fac, channel: { kind: 'facilitators', participantId: p('ana') }, text: 'hello' },
    { type: 'poll.create', actor: fac, question: 'Q?', options: ['A', 'B'] },
    { type: 'proposal.put', actor: fac, text: 'P' },
  ];
}

function play(commands: WorkshopCommand[]): WorkshopState {
  let state = workshopWith([]);
  commands.forEach((command, i) => {
    state = run(state, command, T0 + i * 1000);
  });
  return state;
}

describe('decide', () => {
  it('increments the revision once per accepted command', () => {
    const start = workshopWith([]);
    const commands = morning();
    expect(play(commands).revision).toBe(start.revision + commands.length);
  });

  it('is deterministic: the same commands at the same times give the same state', () => {
    expect(play(morning())).toEqual(play(morning()));
  });

  it('produces plain JSON state that survives a round trip', () => {
    const state = play(morning());
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('never mutates the state it is given (all inputs are frozen)', () => {
    const state = deepFreeze(play(morning()));
    const before = JSON.stringify(state);
    const result = decide(state, { type: 'breakouts.close', actor: fac }, T0 + 20 * MINUTE);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('returns rejected commands as errors, leaving the state as it was', () => {
    const state = play(morning());
    const cases: [WorkshopCommand, string][] = [
      [{ type: 'queue.raiseHand', actor: pid('ana'), kind: 'new-point' }, 'conflict'],
      [{ type: 'queue.giveFloor', actor: pid('ana') }, 'forbidden'],
      [{ type: 'poll.open', actor: fac, pollId: 'nope' }, 'not_found'],
      [{ type: 'breakouts.open', actor: fac, setId: 'set4', durationMs: MINUTE }, 'conflict'],
      [{ type: 'queue.turnTick', actor: fac }, 'forbidden'],
      [
        {
          type: 'chat.send',
          actor: pid('stranger'),
          channel: { kind: 'room', roomId: state.plenaryRoomId },
          text: 'x',
        },
        'not_joined',
      ],
    ];
    for (const [command, code] of cases) {
      const result = rejected(state, command, T0 + MINUTE);
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });

  it('moves people as a consequence of a command, read off the states before and after it', () => {
    const state = play(morning());
    const closed = run(state, { type: 'breakouts.close', actor: fac }, T0 + 20 * MINUTE);
    const moves = movesBetween(state, closed);
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((move) => move.from.location.kind === 'breakout' && move.to.location.kind === 'plenary')).toBe(
      true,
    );
  });
});

describe('what a command creates', () => {
  it('is named in the answer: the new day, agenda item, breakout set, poll and proposal', () => {
    const day = exec(workshopWith([]), { type: 'agenda.addDay', actor: fac, date: '2025-03-10', title: 'Day 1' });
    expect(day.created).toEqual({ id: day.state.days[0]?.id });
    const item = exec(day.state, {
      type: 'agenda.addItem',
      actor: fac,
      dayId: day.created?.id ?? '',
      title: 'Opening',
      start: '09:00',
      durationMinutes: 30,
      kind: 'plenary',
    });
    expect(item.created).toEqual({ id: item.state.agenda[0]?.id });
    const set = exec(item.state, { type: 'breakouts.createSet', actor: fac, name: 'Groups', roomNames: ['A', 'B'] });
    expect(set.created).toEqual({ id: set.state.breakouts.sets[0]?.id });
    const poll = exec(set.state, { type: 'poll.create', actor: fac, question: 'Where next?', options: ['X', 'Y'] });
    expect(poll.created).toEqual({ id: poll.state.polls[0]?.id });
    const proposal = exec(poll.state, { type: 'proposal.put', actor: fac, text: 'Adopt' });
    expect(proposal.created).toEqual({ id: proposal.state.proposals[0]?.id });
    const ids = [day, item, set, poll, proposal].map((result) => result.created?.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is absent for a command that creates nothing', () => {
    expect(exec(workshopWith([]), { type: 'queue.clear', actor: fac }).created).toBeUndefined();
  });
});

describe('workshop.updateSettings', () => {
  it('changes only the settings given and reports them all', () => {
    const state = workshopWith([]);
    const next = run(state, {
      type: 'workshop.updateSettings',
      actor: fac,
      title: 'Coastal resilience',
      turnDurationMs: null,
      recallGraceMs: 0,
    });
    const settings = { ...state.settings, turnDurationMs: null, recallGraceMs: 0 };
    expect(next.title).toBe('Coastal resilience');
    expect(next.settings).toEqual(settings);
  });
});

describe('nextDeadline', () => {
  it('is the earliest of the turn’s warning, the turn’s end and the breakout timer', () => {
    let state = workshopWith([{ id: 'ana' }], { turnDurationMs: 2 * MINUTE, turnWarningMs: 30_000 });
    expect(nextDeadline(state)).toBeNull();
    state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One'] });
    state = run(
      state,
      { type: 'breakouts.open', actor: fac, setId: state.breakouts.sets[0]?.id ?? '', durationMs: MINUTE },
      T0,
    );
    expect(nextDeadline(state)).toEqual({ at: T0 + MINUTE, command: { type: 'breakouts.recall', actor: SYSTEM } });
    state = run(state, { type: 'queue.raiseHand', actor: fac, kind: 'new-point' }, T0);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0);
    expect(nextDeadline(state)?.at).toBe(T0 + MINUTE); // recall (1:00) before the warning (1:30)
    state = run(state, { type: 'breakouts.extend', actor: fac, byMs: 5 * MINUTE }, T0 + 10_000);
    expect(nextDeadline(state)).toEqual({ at: T0 + 90_000, command: { type: 'queue.turnTick', actor: SYSTEM } });
  });

  it('yields commands that decide accepts at their time', () => {
    let state = workshopWith([{ id: 'ana' }], { turnDurationMs: MINUTE, turnWarningMs: 10_000, recallGraceMs: 30_000 });
    state = run(state, { type: 'queue.raiseHand', actor: pid('ana'), kind: 'new-point' }, T0);
    state = run(state, { type: 'queue.giveFloor', actor: fac }, T0);
    state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One'] }, T0);
    state = run(
      state,
      { type: 'breakouts.open', actor: fac, setId: state.breakouts.sets[0]?.id ?? '', durationMs: 2 * MINUTE },
      T0,
    );
    const fired: string[] = [];
    for (let deadline = nextDeadline(state); deadline; deadline = nextDeadline(state)) {
      state = run(state, deadline.command, deadline.at);
      fired.push(`${deadline.command.type}@${(deadline.at - T0) / 1000}`);
    }
    expect(fired).toEqual(['queue.turnTick@50', 'queue.endTurn@60', 'breakouts.recall@120', 'breakouts.close@150']);
    expect(state.breakouts.open).toBeNull();
    expect(state.queue.turn).toBeNull();
  });
});

describe('a registered participant who was never admitted', () => {
  it('cannot act beyond the lobby', () => {
    const state = register(workshopWith([], { lobbyEnabled: true }), { id: 'wes' });
    expect(rejected(state, { type: 'breakouts.requestHelp', actor: pid('wes') }).error.code).toBe('forbidden');
  });
});
