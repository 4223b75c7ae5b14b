import type { ParticipantId } from '@plenary/shared';
import { canReadChannel } from './chat.ts';
import { isChair, type Participant, type WorkshopState } from './model.ts';

/**
 * The state as one participant may see it. Chairs see everything. Others do not see other people's
 * email, poll votes, answers to proposals, help requests, private threads, chats of rooms they are not in, or the
 * attendance log. Someone not on the roster sees nothing personal.
 */
export function viewFor(state: WorkshopState, viewerId: ParticipantId): WorkshopState {
  const viewer = state.participants[viewerId];
  if (viewer && isChair(viewer.role)) return state;

  const participants: Record<ParticipantId, Participant> = {};
  for (const p of Object.values(state.participants)) participants[p.id] = p.id === viewerId ? p : { ...p, email: null };

  const chat: WorkshopState['chat'] = {};
  for (const [key, messages] of Object.entries(state.chat)) {
    const first = messages[0];
    if (first && canReadChannel(state, viewerId, first.channel)) chat[key] = messages;
  }

  const polls = state.polls.map((poll) => {
    const own = poll.votes[viewerId];
    return { ...poll, votes: own === undefined ? {} : { [viewerId]: own } };
  });

  const open = state.breakouts.open;
  const breakouts = open
    ? { ...state.breakouts, open: { ...open, help: open.help.filter((r) => r.participantId === viewerId) } }
    : state.breakouts;

  // Like votes, answers to a consensus check are one's own until the result is recorded.
  const proposals = state.proposals.map((proposal) => {
    const own = proposal.responses[viewerId];
    return { ...proposal, responses: own === undefined ? {} : { [viewerId]: own } };
  });

  return { ...state, participants, chat, polls, proposals, breakouts, attendance: [] };
}
