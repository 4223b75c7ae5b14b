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

/** What importing a CSV would do (see `breakouts:previewCsv`); an import applies only without errors. */
export type CsvErrorCode =
  | 'empty'
  | 'malformed'
  | 'missing_column'
  | 'missing_value'
  | 'unknown_participant'
  | 'ambiguous_participant'
  | 'unknown_room'
  | 'duplicate';

export interface CsvRowError {
  /** 1-based line of the file (the header is line 1 unless blank lines precede it). */
  line: number;
  code: CsvErrorCode;
  message: string;
}

export interface CsvAssignmentRow {
  line: number;
  participantId: ParticipantId;
  roomId: RoomId;
}

export interface CsvPreview {
  /** The rows that resolved. The import applies only when `errors` is empty. */
  rows: CsvAssignmentRow[];
  /** What the set's assignments would become: exactly the rows of the file. */
  assignments: Record<ParticipantId, RoomId>;
  errors: CsvRowError[];
  /** Participants who could be auto-assigned but are not in the file. */
  unassigned: ParticipantId[];
}
