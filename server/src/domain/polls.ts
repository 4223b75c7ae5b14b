import type { ParticipantId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { Poll, PollResult, WorkshopState } from './model.ts';
import { accept, assertNever, type Context, type Result, reject } from './result.ts';
import { mintId, normalise, voiceWeight } from './state.ts';

export type PollCommand = CommandOf<'poll.create' | 'poll.open' | 'poll.vote' | 'poll.close'>;

export const MAX_POLLS = 200;

export function decidePolls(state: WorkshopState, command: PollCommand, ctx: Context): Result {
  if (command.type === 'poll.create') return create(state, command, ctx.now);
  const poll = state.polls.find((p) => p.id === command.pollId);
  if (!poll) return reject('not_found', 'no such poll');
  switch (command.type) {
    case 'poll.open':
      if (poll.status !== 'draft') return reject('conflict', `the poll is ${poll.status}`);
      return changed(state, { ...poll, status: 'open', openedAt: ctx.now });
    case 'poll.vote': {
      if (poll.status !== 'open') return reject('conflict', 'the poll is not open');
      if (!poll.options.some((o) => o.id === command.optionId)) return reject('not_found', 'no such option');
      if (poll.votes[ctx.actor] === command.optionId) return reject('conflict', 'you already voted for this option');
      // One vote per participant; voting again while the poll is open replaces the earlier vote.
      return changed(state, { ...poll, votes: { ...poll.votes, [ctx.actor]: command.optionId } });
    }
    case 'poll.close': {
      if (poll.status !== 'open') return reject('conflict', 'the poll is not open');
      const closed: Poll = { ...poll, status: 'closed', closedAt: ctx.now };
      return changed(state, { ...closed, results: pollResults(state, closed) });
    }
    default:
      return assertNever(command);
  }
}

function create(state: WorkshopState, command: CommandOf<'poll.create'>, now: number): Result {
  if (state.polls.length >= MAX_POLLS) return reject('conflict', 'too many polls');
  if (new Set(command.options.map(normalise)).size !== command.options.length) {
    return reject('invalid_payload', 'two options are the same');
  }
  const minted = mintId(state, 'poll');
  const poll: Poll = {
    id: minted.id,
    question: command.question,
    options: command.options.map((label, i) => ({ id: `o${i + 1}`, label })),
    status: 'draft',
    votes: {},
    createdAt: now,
    openedAt: null,
    closedAt: null,
    results: null,
  };
  return accept({ ...minted.state, polls: [...minted.state.polls, poll] }, [
    { type: 'poll.changed', pollId: poll.id, status: poll.status },
  ]);
}

const changed = (state: WorkshopState, poll: Poll): Result =>
  accept({ ...state, polls: state.polls.map((p) => (p.id === poll.id ? poll : p)) }, [
    { type: 'poll.changed', pollId: poll.id, status: poll.status },
  ]);

/**
 * Ballots per option, and the people they stand for (a room device's ballot counts for the people
 * listed in its room). Chairs may look at it while the poll is open; everyone sees it once closed.
 */
export function pollResults(state: WorkshopState, poll: Poll): PollResult[] {
  const results = poll.options.map((o) => ({ optionId: o.id, label: o.label, ballots: 0, people: 0 }));
  for (const [participantId, optionId] of Object.entries(poll.votes)) {
    const result = results.find((r) => r.optionId === optionId);
    const voter = state.participants[participantId as ParticipantId];
    if (!result || !voter) continue;
    result.ballots += 1;
    result.people += voiceWeight(voter);
  }
  return results;
}
