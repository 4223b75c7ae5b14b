import type {
  Participant,
  ParticipantId,
  Proposal,
  ProposalResponse,
  ProposalResult,
  WorkshopView,
} from '@plenary/shared';

/** Answers so far (one per participant; the result, when closed, weighs meeting rooms by their people). */
export function liveTally(proposal: Proposal): Record<ProposalResponse, number> {
  const tally = { agree: 0, object: 0, abstain: 0 };
  for (const response of Object.values(proposal.responses)) tally[response] += 1;
  return tally;
}

export interface ResultSummary {
  consensus: boolean;
  tally: Record<ProposalResponse, number>;
  /** who objected, by name; null for someone the roster no longer knows */
  objectors: Array<string | null>;
}

export function summariseResult(
  result: ProposalResult,
  participants: Readonly<Record<string, Participant>>,
): ResultSummary {
  return {
    consensus: result.consensus,
    tally: { agree: result.agree, object: result.object, abstain: result.abstain },
    objectors: result.objectors.map((id) => participants[id]?.name ?? null),
  };
}

export const myResponse = (proposal: Proposal, selfId: ParticipantId | null): ProposalResponse | null =>
  (selfId && proposal.responses[selfId]) || null;

/** Open proposals first (oldest first: the order they are discussed), then closed ones, newest first. */
export function orderedProposals(proposals: readonly Proposal[]): Proposal[] {
  const open = proposals.filter((proposal) => proposal.status === 'open');
  const closed = proposals.filter((proposal) => proposal.status === 'closed').reverse();
  return [...open, ...closed];
}

export function roomName(workshop: WorkshopView, roomId: string | null): string | null {
  if (!roomId) return null;
  for (const set of workshop.breakouts.sets) {
    const room = set.rooms.find((candidate) => candidate.id === roomId);
    if (room) return room.name;
  }
  return null;
}
