import { describe, expect, it } from 'vitest';
import type { WorkshopState } from './model.ts';
import { fac, pid, run, workshopWith } from './testkit.ts';
import { viewFor } from './view.ts';

function busy(): WorkshopState {
  let state = workshopWith([
    { id: 'ana', email: 'ana@x.pt' },
    { id: 'ben', email: 'ben@x.pt' },
    { id: 'co', role: 'co-facilitator' },
  ]);
  state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'G', roomNames: ['One', 'Two'] });
  const set = state.breakouts.sets[0];
  const [r1, r2] = set?.rooms.map((r) => r.id) ?? [];
  if (!set || !r1 || !r2) throw new Error('no set');
  state = run(state, { type: 'breakouts.assign', actor: fac, setId: set.id, participantId: pid('ana'), roomId: r1 });
  state = run(state, { type: 'breakouts.assign', actor: fac, setId: set.id, participantId: pid('ben'), roomId: r2 });
  state = run(state, { type: 'breakouts.open', actor: fac, setId: set.id, durationMs: 600_000 });
  state = run(state, { type: 'chat.send', actor: pid('ana'), channel: { kind: 'room', roomId: r1 }, text: 'one' });
  state = run(state, { type: 'chat.send', actor: pid('ben'), channel: { kind: 'room', roomId: r2 }, text: 'two' });
  state = run(state, {
    type: 'chat.send',
    actor: pid('ben'),
    channel: { kind: 'facilitators', participantId: pid('ben') },
    text: 'private',
  });
  state = run(state, { type: 'breakouts.requestHelp', actor: pid('ben') });
  state = run(state, { type: 'poll.create', actor: fac, question: 'Q', options: ['A', 'B'] });
  state = run(state, { type: 'poll.open', actor: fac, pollId: state.polls[0]?.id ?? '' });
  state = run(state, { type: 'poll.vote', actor: pid('ana'), pollId: state.polls[0]?.id ?? '', optionId: 'o1' });
  state = run(state, { type: 'poll.vote', actor: pid('ben'), pollId: state.polls[0]?.id ?? '', optionId: 'o2' });
  state = run(state, { type: 'proposal.put', actor: fac, text: 'Meet yearly' });
  const proposalId = state.proposals[0]?.id ?? '';
  state = run(state, { type: 'proposal.respond', actor: pid('ana'), proposalId, response: 'agree' });
  state = run(state, { type: 'proposal.respond', actor: pid('ben'), proposalId, response: 'object' });
  return state;
}

const texts = (state: WorkshopState) =>
  Object.values(state.chat)
    .flat()
    .map((m) => m.text)
    .sort();

describe('viewFor', () => {
  const state = busy();

  it('shows chairs everything', () => {
    expect(viewFor(state, pid('co'))).toBe(state);
  });

  it('hides from a delegate what is not theirs to see', () => {
    const view = viewFor(state, pid('ana'));
    expect(texts(view)).toEqual(['one']);
    expect(view.participants[pid('ana')]?.email).toBe('ana@x.pt');
    expect(view.participants[pid('ben')]?.email).toBeNull();
    expect(view.polls[0]?.votes).toEqual({ ana: 'o1' });
    expect(view.proposals[0]?.responses).toEqual({ ana: 'agree' });
    expect(view.breakouts.open?.help).toEqual([]);
    expect(view.attendance).toEqual([]);
    expect(view.revision).toBe(state.revision);
  });

  it('shows a delegate their own private thread and help request', () => {
    const view = viewFor(state, pid('ben'));
    expect(texts(view)).toEqual(['private', 'two']);
    expect(view.breakouts.open?.help.map((r) => r.participantId)).toEqual([pid('ben')]);
  });

  it('shows a stranger nothing personal', () => {
    const view = viewFor(state, pid('nobody'));
    expect(texts(view)).toEqual([]);
    expect(Object.values(view.participants).every((p) => p.email === null)).toBe(true);
  });
});
