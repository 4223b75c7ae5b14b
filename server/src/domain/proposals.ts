import type { ParticipantId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { Proposal, ProposalResult, WorkshopState } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, acceptCreated, type Context, type Creation, type Result, reject } from './result.ts';
import { CHAIRS, DISCUSSANTS } from './roles.ts';
import { mintId, voiceWeight } from './state.ts';

export const MAX_PROPOSALS = 500;

/**
 * Consensus checks. Delegates, rapporteurs and room devices answer (chairs run the check; observers
 * only watch). A room device answers once for its meeting room and its answer counts for the people
 * listed under it; consensus is "no objection", so one objection from a room breaks it either way.
 */
export const proposalCommands: Registrations<'proposal.put' | 'proposal.respond' | 'proposal.close'> = {
  'proposal.put': { roles: CHAIRS, decide: put },
  'proposal.respond': {
    roles: DISCUSSANTS,
    decide: onOpenProposal((state, proposal, command, ctx) => {
      if (proposal.responses[ctx.actor]) return reject('conflict', 'you already answered');
      return changed(state, { ...proposal, responses: { ...proposal.responses, [ctx.actor]: command.response } });
    }),
  },
  'proposal.close': {
    roles: CHAIRS,
    decide: onOpenProposal((state, proposal, _command, ctx) => {
      const closed: Proposal = { ...proposal, status: 'closed', closedAt: ctx.now };
      return changed(state, { ...closed, result: proposalResult(state, closed) });
    }),
  },
};

function put(state: WorkshopState, command: CommandOf<'proposal.put'>, ctx: Context): Creation {
  if (state.proposals.length >= MAX_PROPOSALS) return reject('conflict', 'too many proposals');
  const fromRoomId = command.fromRoomId ?? null;
  if (fromRoomId && !state.breakouts.sets.some((set) => set.rooms.some((room) => room.id === fromRoomId))) {
    return reject('not_found', 'no such breakout room');
  }
  const minted = mintId(state, 'prop');
  const proposal: Proposal = {
    id: minted.id,
    text: command.text,
    fromRoomId,
    status: 'open',
    responses: {},
    openedAt: ctx.now,
    closedAt: null,
    result: null,
  };
  return acceptCreated({ ...minted.state, proposals: [...minted.state.proposals, proposal] }, proposal.id);
}

/** A command about an open proposal: refused when it does not exist or is closed. */
function onOpenProposal<C extends CommandOf<'proposal.respond' | 'proposal.close'>>(
  handle: (state: WorkshopState, proposal: Proposal, command: C, ctx: Context) => Result,
): (state: WorkshopState, command: C, ctx: Context) => Result {
  return (state, command, ctx) => {
    const proposal = state.proposals.find((p) => p.id === command.proposalId);
    if (!proposal) return reject('not_found', 'no such proposal');
    if (proposal.status !== 'open') return reject('conflict', 'the proposal is closed');
    return handle(state, proposal, command, ctx);
  };
}

const changed = (state: WorkshopState, proposal: Proposal): Result =>
  accept({ ...state, proposals: state.proposals.map((p) => (p.id === proposal.id ? proposal : p)) });

/** Consensus when nobody objects (no answers at all is consensus too: silence is consent). */
export function proposalResult(state: WorkshopState, proposal: Proposal): ProposalResult {
  const result: ProposalResult = { consensus: true, agree: 0, object: 0, abstain: 0, objectors: [] };
  for (const [id, response] of Object.entries(proposal.responses) as [
    ParticipantId,
    Proposal['responses'][ParticipantId],
  ][]) {
    const participant = state.participants[id];
    if (!participant) continue;
    result[response] += voiceWeight(participant);
    if (response === 'object') result.objectors.push(id);
  }
  result.consensus = result.objectors.length === 0;
  return result;
}
