import type { ParticipantId } from '@plenary/shared';
import { canReadChannel } from './chat.ts';
import { isChair, type OpenBreakout, type Participant, type WorkshopState } from './model.ts';

/**
 * The state as one participant may see it. Chairs see everything. Others do not see other people's
 * email, poll votes, answers to proposals, help requests, private threads, chats of rooms they are not in, or the
 * attendance log. Someone not on the roster sees nothing personal.
 */
export function viewFor(state: WorkshopState, viewerId: ParticipantId): WorkshopState {
  if (seesEverything(state, viewerId)) return state;
  const view = { ...state };
  for (const key of REDACTED_SLICES) assign(view, key, redact(state, key, viewerId));
  return view;
}

export const seesEverything = (state: WorkshopState, viewerId: ParticipantId): boolean => {
  const viewer = state.participants[viewerId];
  return viewer !== undefined && isChair(viewer.role);
};

/**
 * One slice as a participant may see it; the same object as the state's when it needs no redaction,
 * so a change can redact only what it sends.
 */
export function sliceFor<K extends keyof WorkshopState>(
  state: WorkshopState,
  key: K,
  viewerId: ParticipantId,
): WorkshopState[K] {
  if (!isRedacted(key) || seesEverything(state, viewerId)) return state[key];
  return redact(state, key, viewerId);
}

/** Someone's record as a non-chair sees it: their email is their own business (and the chairs'). */
export const participantFor = (participant: Participant, viewerId: ParticipantId): Participant =>
  participant.id === viewerId || participant.email === null ? participant : { ...participant, email: null };

/** The open breakout as a non-chair sees it: only their own help requests. */
export const openBreakoutFor = (open: OpenBreakout | null, viewerId: ParticipantId): OpenBreakout | null =>
  open && { ...open, help: open.help.filter((request) => request.participantId === viewerId) };

type Redactors = { [K in keyof WorkshopState]?: (state: WorkshopState, viewerId: ParticipantId) => WorkshopState[K] };

const redactors: Redactors = {
  participants: (state, viewerId) => {
    const participants: Record<ParticipantId, Participant> = {};
    for (const p of Object.values(state.participants)) participants[p.id] = participantFor(p, viewerId);
    return participants;
  },
  chat: (state, viewerId) => {
    const chat: WorkshopState['chat'] = {};
    for (const [key, messages] of Object.entries(state.chat)) {
      const first = messages[0];
      if (first && canReadChannel(state, viewerId, first.channel)) chat[key] = messages;
    }
    return chat;
  },
  polls: (state, viewerId) =>
    state.polls.map((poll) => {
      const own = poll.votes[viewerId];
      return { ...poll, votes: own === undefined ? {} : { [viewerId]: own } };
    }),
  // Like votes, answers to a consensus check are one's own until the result is recorded.
  proposals: (state, viewerId) =>
    state.proposals.map((proposal) => {
      const own = proposal.responses[viewerId];
      return { ...proposal, responses: own === undefined ? {} : { [viewerId]: own } };
    }),
  breakouts: (state, viewerId) => {
    const open = state.breakouts.open;
    return open ? { ...state.breakouts, open: openBreakoutFor(open, viewerId) } : state.breakouts;
  },
  attendance: () => [],
};

const REDACTED_SLICES = Object.keys(redactors) as Array<keyof WorkshopState>;
const isRedacted = (key: keyof WorkshopState): boolean => key in redactors;

function redact<K extends keyof WorkshopState>(
  state: WorkshopState,
  key: K,
  viewerId: ParticipantId,
): WorkshopState[K] {
  const redactor = redactors[key] as ((state: WorkshopState, viewerId: ParticipantId) => WorkshopState[K]) | undefined;
  return redactor ? redactor(state, viewerId) : state[key];
}

function assign<K extends keyof WorkshopState>(view: WorkshopState, key: K, value: WorkshopState[K]): void {
  view[key] = value;
}
