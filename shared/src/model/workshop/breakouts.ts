import type { ParticipantId, RoomId } from '../../ids.ts';

/** How a set's groups were formed; it also decides where a late joiner is placed. */
export const ASSIGNMENT_MODES = ['manual', 'random', 'balanced', 'csv'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface BreakoutRoom {
  /** Stable across openings, so the room's chat and rapporteur survive from one day to the next. */
  id: RoomId;
  name: string;
  rapporteurId: ParticipantId | null;
}

export interface BreakoutSet {
  id: string;
  name: string;
  rooms: BreakoutRoom[];
  mode: AssignmentMode;
  assignments: Record<ParticipantId, RoomId>;
  selfSelect: { allowed: boolean; maxPerRoom: number | null };
}

export interface HelpRequest {
  id: string;
  participantId: ParticipantId;
  roomId: RoomId;
  message: string | null;
  /** epoch ms */
  requestedAt: number;
  acknowledgedBy: ParticipantId | null;
}

/** The set that is running now; at most one at a time. */
export interface OpenBreakout {
  setId: string;
  openedAt: number;
  endsAt: number;
  /** While recalling: when the rooms close and everyone is back in the plenary. */
  recallAt: number | null;
  visitors: Record<ParticipantId, RoomId>;
  help: HelpRequest[];
}

export interface BreakoutsState {
  sets: BreakoutSet[];
  open: OpenBreakout | null;
}
