import { describe, expect, it } from 'vitest';
import type { WorkshopState } from './model.ts';
import { pollResults } from './polls.ts';
import { exec, fac, pid, rejected, run, T0, workshopWith } from './testkit.ts';

const base = run(
  workshopWith([
    { id: 'ana' },
    { id: 'ben' },
    { id: 'cai', role: 'rapporteur' },
    { id: 'dev', role: 'room-device' },
    { id: 'obs', role: 'observer' },
  ]),
  { type: 'participant.setInRoomPeople', actor: fac, participantId: pid('dev'), people: ['P1', 'P2', 'P3'] },
);

function openPoll(): { state: WorkshopState; pollId: string } {
  let state = run(
    base,
    { type: 'poll.create', actor: fac, question: 'Where next?', options: ['Lisbon', 'Tallinn', 'Valletta'] },
    T0,
  );
  const pollId = state.polls[0]?.id ?? '';
  state = run(state, { type: 'poll.open', actor: fac, pollId }, T0 + 1000);
  return { state, pollId };
}

describe('polls', () => {
  it('are created as drafts with their options, then opened', () => {
    const created = exec(
      base,
      { type: 'poll.create', actor: fac, question: 'Where next?', options: ['Lisbon', 'Tallinn'] },
      T0,
    );
    const poll = created.state.polls[0];
    expect(poll).toMatchObject({
      status: 'draft',
      options: [
        { id: 'o1', label: 'Lisbon' },
        { id: 'o2', label: 'Tallinn' },
      ],
      createdAt: T0,
    });
    expect(base.polls).toEqual([]);
    expect(created.created).toEqual({ id: poll?.id });
    expect(
      rejected(base, { type: 'poll.create', actor: fac, question: 'Q', options: ['Yes', ' yes'] }).error.code,
    ).toBe('invalid_payload');
    expect(
      rejected(created.state, { type: 'poll.vote', actor: pid('ana'), pollId: poll?.id ?? '', optionId: 'o1' }).error
        .code,
    ).toBe('conflict');
  });

  it('take one vote per participant, which may change while open', () => {
    let { state, pollId } = openPoll();
    expect(rejected(state, { type: 'poll.open', actor: fac, pollId }).error.code).toBe('conflict');
    state = run(state, { type: 'poll.vote', actor: pid('ana'), pollId, optionId: 'o1' });
    state = run(state, { type: 'poll.vote', actor: pid('ana'), pollId, optionId: 'o2' });
    expect(state.polls[0]?.votes).toEqual({ ana: 'o2' });
    expect(rejected(state, { type: 'poll.vote', actor: pid('ana'), pollId, optionId: 'o2' }).error.code).toBe(
      'conflict',
    );
    expect(rejected(state, { type: 'poll.vote', actor: pid('ana'), pollId, optionId: 'o9' }).error.code).toBe(
      'not_found',
    );
    expect(rejected(state, { type: 'poll.vote', actor: pid('obs'), pollId, optionId: 'o1' }).error.code).toBe(
      'forbidden',
    );
    expect(rejected(state, { type: 'poll.vote', actor: fac, pollId, optionId: 'o1' }).error.code).toBe('forbidden');
    expect(rejected(state, { type: 'poll.vote', actor: pid('ana'), pollId: 'nope', optionId: 'o1' }).error.code).toBe(
      'not_found',
    );
  });

  it('record results on close, a room device counting for its people', () => {
    let { state, pollId } = openPoll();
    state = run(state, { type: 'poll.vote', actor: pid('ana'), pollId, optionId: 'o1' });
    state = run(state, { type: 'poll.vote', actor: pid('ben'), pollId, optionId: 'o2' });
    state = run(state, { type: 'poll.vote', actor: pid('cai'), pollId, optionId: 'o2' });
    state = run(state, { type: 'poll.vote', actor: pid('dev'), pollId, optionId: 'o1' });
    const poll = state.polls[0];
    if (!poll) throw new Error('no poll');
    const live = pollResults(state, poll);
    expect(live.map((r) => [r.label, r.ballots, r.people])).toEqual([
      ['Lisbon', 2, 4],
      ['Tallinn', 2, 2],
      ['Valletta', 0, 0],
    ]);
    const closed = exec(state, { type: 'poll.close', actor: fac, pollId }, T0 + 60_000);
    expect(closed.state.polls[0]).toMatchObject({ status: 'closed', closedAt: T0 + 60_000, results: live });
    expect(closed.state.polls.map((poll) => [poll.id, poll.status])).toEqual([[pollId, 'closed']]);
    expect(rejected(closed.state, { type: 'poll.vote', actor: pid('ana'), pollId, optionId: 'o2' }).error.code).toBe(
      'conflict',
    );
    expect(rejected(closed.state, { type: 'poll.close', actor: fac, pollId }).error.code).toBe('conflict');
  });
});
