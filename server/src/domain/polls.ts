import type { ParticipantId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { Poll, PollResult, WorkshopState } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, acceptCreated, type Context, type Creation, type Result, reject } from './result.ts';
import { CHAIRS, DISCUSSANTS } from './roles.ts';
import { mintId, normalise, voiceWeight } from './state.ts';

export const MAX_POLLS = 200;

export const pollCommands: Registrations<'poll.create' | 'poll.open' | 'poll.vote' | 'poll.close'> = {
  'poll.create': { roles: CHAIRS, decide: (state, command, ctx) => create(state, command, ctx.now) },
  'poll.open': {
    roles: CHAIRS,
    decide: onPoll((state, poll, _command, ctx) => {
      if (poll.status !== 'draft') return reject('conflict', `the poll is ${poll.status}`);
      return changed(state, { ...poll, status: 'open', openedAt: ctx.now });
    }),
  },
  'poll.vote': { roles: DISCUSSANTS, decide: onPoll(vote) },
  'poll.close': {
    roles: CHAIRS,
    decide: onPoll((state, poll, _command, ctx) => {
      if (poll.status !== 'open') return reject('conflict', 'the poll is not open');
      const closed: Poll = { ...poll, status: 'closed', closedAt: ctx.now };
      return changed(state, { ...closed, results: pollResults(state, closed) });
    }),
  },
};

/** A command about one poll: refused when the poll does not exist. */
function onPoll<C extends CommandOf<'poll.open' | 'poll.vote' | 'poll.close'>>(
  handle: (state: WorkshopState, poll: Poll, command: C, ctx: Context) => Result,
): (state: WorkshopState, command: C, ctx: Context) => Result {
  return (state, command, ctx) => {
    const poll = state.polls.find((p) => p.id === command.pollId);
    if (!poll) return reject('not_found', 'no such poll');
    return handle(state, poll, command, ctx);
  };
}

function vote(state: WorkshopState, poll: Poll, command: CommandOf<'poll.vote'>, ctx: Context): Result {
  if (poll.status !== 'open') return reject('conflict', 'the poll is not open');
  if (!poll.options.some((o) => o.id === command.optionId)) return reject('not_found', 'no such option');
  if (poll.votes[ctx.actor] === command.optionId) return reject('conflict', 'you already voted for this option');
  // One vote per participant; voting again while the poll is open replaces the earlier vote.
  return changed(state, { ...poll, votes: { ...poll.votes, [ctx.actor]: command.optionId } });
}

function create(state: WorkshopState, command: CommandOf<'poll.create'>, now: number): Creation {
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
  return acceptCreated({ ...minted.state, polls: [...minted.state.polls, poll] }, poll.id);
}

const changed = (state: WorkshopState, poll: Poll): Result =>
  accept({ ...state, polls: state.polls.map((p) => (p.id === poll.id ? poll : p)) });

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
