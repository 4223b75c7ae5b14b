import type { ParticipantId, RoomId } from '../../ids.ts';

export const PROPOSAL_RESPONSES = ['agree', 'object', 'abstain'] as const;
export type ProposalResponse = (typeof PROPOSAL_RESPONSES)[number];

export interface ProposalResult {
  /** No objection was raised (silence counts as consent). */
  consensus: boolean;
  /** People represented per answer: a room device's answer counts for the people in its room. */
  agree: number;
  object: number;
  abstain: number;
  objectors: ParticipantId[];
}

export interface Proposal {
  id: string;
  text: string;
  /** the breakout room whose outcomes proposed it; null when put from the floor */
  fromRoomId: RoomId | null;
  status: 'open' | 'closed';
  /** Each eligible participant answers once. */
  responses: Record<ParticipantId, ProposalResponse>;
  openedAt: number;
  closedAt: number | null;
  result: ProposalResult | null;
}
