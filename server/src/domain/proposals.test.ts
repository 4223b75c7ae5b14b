import { describe, expect, it } from 'vitest';
import type { WorkshopState } from './model.ts';
import { exec, fac, pid, rejected, run, T0, workshopWith } from './testkit.ts';

const base = run(
  workshopWith([
    { id: 'ana' },
    { id: 'ben' },
    { id: 'cai', role: 'rapporteur' },
    { id: 'dev', role: 'room-device' },
    { id: 'obs', role: 'observer' },
  ]),
  { type: 'participant.setInRoomPeople', actor: fac, participantId: pid('dev'), people: ['P1', 'P2', 'P3', 'P4'] },
);

function put(): { state: WorkshopState; proposalId: string } {
  const state = run(base, { type: 'proposal.put', actor: fac, text: 'Adopt the draft conclusions' }, T0);
  return { state, proposalId: state.proposals[0]?.id ?? '' };
}

describe('consensus checks', () => {
  it('open a proposal for answers', () => {
    const { state, proposalId } = put();
    expect(state.proposals[0]).toMatchObject({
      id: proposalId,
      status: 'open',
      openedAt: T0,
      responses: {},
      result: null,
    });
  });

  it('answer with the id of what was put, different for the same text put twice', () => {
    const text = 'Adopt the draft conclusions';
    const first = exec(base, { type: 'proposal.put', actor: fac, text }, T0);
    const second = exec(first.state, { type: 'proposal.put', actor: fac, text }, T0);
    expect(first.created).toEqual({ id: first.state.proposals[0]?.id });
    expect(second.created).toEqual({ id: second.state.proposals[1]?.id });
    expect(second.created?.id).not.toBe(first.created?.id);
  });

  it('take one answer per participant, never from observers or chairs', () => {
    let { state, proposalId } = put();
    state = run(state, { type: 'proposal.respond', actor: pid('ana'), proposalId, response: 'agree' });
    expect(
      rejected(state, { type: 'proposal.respond', actor: pid('ana'), proposalId, response: 'object' }).error.code,
    ).toBe('conflict');
    expect(
      rejected(state, { type: 'proposal.respond', actor: pid('obs'), proposalId, response: 'object' }).error.code,
    ).toBe('forbidden');
    expect(rejected(state, { type: 'proposal.respond', actor: fac, proposalId, response: 'agree' }).error.code).toBe(
      'forbidden',
    );
    expect(
      rejected(state, { type: 'proposal.respond', actor: pid('ben'), proposalId: 'nope', response: 'agree' }).error
        .code,
    ).toBe('not_found');
  });

  it('reach consensus when nobody objects; abstentions do not block', () => {
    let { state, proposalId } = put();
    state = run(state, { type: 'proposal.respond', actor: pid('ana'), proposalId, response: 'agree' });
    state = run(state, { type: 'proposal.respond', actor: pid('ben'), proposalId, response: 'abstain' });
    state = run(state, { type: 'proposal.respond', actor: pid('dev'), proposalId, response: 'agree' });
    const closed = run(state, { type: 'proposal.close', actor: fac, proposalId }, T0 + 60_000);
    expect(closed.proposals[0]).toMatchObject({
      status: 'closed',
      closedAt: T0 + 60_000,
      result: { consensus: true, agree: 5, object: 0, abstain: 1, objectors: [] },
    });
    expect(closed.proposals.map((proposal) => [proposal.id, proposal.status])).toEqual([[proposalId, 'closed']]);
    expect(
      rejected(closed, { type: 'proposal.respond', actor: pid('cai'), proposalId, response: 'object' }).error.code,
    ).toBe('conflict');
  });

  it('list the objectors when there is no consensus', () => {
    let { state, proposalId } = put();
    state = run(state, { type: 'proposal.respond', actor: pid('ana'), proposalId, response: 'agree' });
    state = run(state, { type: 'proposal.respond', actor: pid('cai'), proposalId, response: 'object' });
    state = run(state, { type: 'proposal.respond', actor: pid('dev'), proposalId, response: 'object' });
    const closed = run(state, { type: 'proposal.close', actor: fac, proposalId });
    expect(closed.proposals[0]?.result).toEqual({
      consensus: false,
      agree: 1,
      object: 5,
      abstain: 0,
      objectors: [pid('cai'), pid('dev')],
    });
  });

  it('count silence as consent', () => {
    const { state, proposalId } = put();
    expect(run(state, { type: 'proposal.close', actor: fac, proposalId }).proposals[0]?.result?.consensus).toBe(true);
  });
});
