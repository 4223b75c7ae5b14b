import {
  type Participant,
  type ParticipantId,
  PROPOSAL_RESPONSES,
  type Proposal,
  type ProposalResponse,
  type ProposalResult,
  type WorkshopView,
} from '@plenary/shared';

export const RESPONSE_LABELS: Record<ProposalResponse, string> = {
  agree: 'Agree',
  object: 'Object',
  abstain: 'Abstain',
};

/** Answers so far (one per participant; the result, when closed, weighs meeting rooms by their people). */
export function liveTally(proposal: Proposal): Record<ProposalResponse, number> {
  const tally = { agree: 0, object: 0, abstain: 0 };
  for (const response of Object.values(proposal.responses)) tally[response] += 1;
  return tally;
}

export function describeTally(tally: Record<ProposalResponse, number>): string {
  return PROPOSAL_RESPONSES.map((response) => `${tally[response]} ${RESPONSE_LABELS[response].toLowerCase()}`).join(
    ', ',
  );
}

export interface ResultSummary {
  consensus: boolean;
  headline: string;
  counts: string;
  objectors: string[];
}

export function summariseResult(
  result: ProposalResult,
  participants: Readonly<Record<string, Participant>>,
): ResultSummary {
  return {
    consensus: result.consensus,
    headline: result.consensus ? 'Consensus: no objection' : 'No consensus',
    counts: describeTally(result),
    objectors: result.objectors.map((id) => participants[id]?.name ?? 'someone'),
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
