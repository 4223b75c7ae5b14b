import type { ParticipantId, RoomId } from '../../ids.ts';

/** What each breakout group reports: the workshop's questions, one list each. */
export const OUTCOME_SECTIONS = ['challenges', 'solutions', 'trends', 'proposals'] as const;
export type OutcomeSection = (typeof OUTCOME_SECTIONS)[number];
export type OutcomeSections = Record<OutcomeSection, string[]>;

export const emptyOutcomeSections = (): OutcomeSections => ({
  challenges: [],
  solutions: [],
  trends: [],
  proposals: [],
});

/** A submitted version: kept for ever, so edits after submission never overwrite what was reported. */
export interface OutcomeVersion {
  version: number;
  sections: OutcomeSections;
  /** epoch ms */
  submittedAt: number;
  submittedBy: ParticipantId;
}

/**
 * A breakout room's outcomes, kept by its rapporteur: a working copy (`draft` while it differs from
 * the last submission), the submitted versions, and which version a facilitator accepted.
 */
export interface RoomOutcomes {
  roomId: RoomId;
  setId: string;
  status: 'draft' | 'submitted' | 'accepted';
  sections: OutcomeSections;
  versions: OutcomeVersion[];
  acceptedVersion: number | null;
  acceptedBy: ParticipantId | null;
  /** epoch ms */
  updatedAt: number;
}

/** Report-back in plenary: each group of a set in turn, its rapporteur given the floor. */
export interface ReportBack {
  setId: string;
  order: RoomId[];
  /** index into `order` of the group reporting now */
  index: number;
  /** each group's time, or null for untimed turns */
  durationMs: number | null;
  /** epoch ms */
  startedAt: number;
}
