import type { ParticipantId } from '../../ids.ts';

export interface PollOption {
  id: string;
  label: string;
}

export interface PollResult {
  optionId: string;
  label: string;
  /** Number of ballots cast for the option. */
  ballots: number;
  /** People represented: a room device's ballot counts for the people listed in its room. */
  people: number;
}

export interface Poll {
  id: string;
  question: string;
  options: PollOption[];
  status: 'draft' | 'open' | 'closed';
  /** participant → option; a participant may change their vote while the poll is open. */
  votes: Record<ParticipantId, string>;
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
  /** Filled when the poll closes. */
  results: PollResult[] | null;
}
