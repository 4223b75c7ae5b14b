import type { ParticipantId } from '../../ids.ts';

/**
 * Points of order go ahead of everything, direct replies ahead of new points; within a kind,
 * first come first served (with the optional priority for people who have not spoken yet).
 */
export const QUEUE_ENTRY_KINDS = ['point-of-order', 'direct-reply', 'new-point'] as const;
export type QueueEntryKind = (typeof QUEUE_ENTRY_KINDS)[number];

/** Who speaks: a participant, or a person in a meeting room listed under its room device. */
export interface Speaker {
  participantId: ParticipantId;
  /** Set when the speaker is an in-room person listed under the room device `participantId`. */
  inRoomName: string | null;
}

export interface QueueEntry extends Speaker {
  id: string;
  kind: QueueEntryKind;
  /** epoch ms */
  raisedAt: number;
}

export interface Turn extends Speaker {
  id: string;
  kind: QueueEntryKind;
  /** The agenda item running when the floor was given. */
  agendaItemId: string | null;
  /** epoch ms */
  startedAt: number;
  /** null: untimed. */
  durationMs: number | null;
  /** epoch ms at which the speaker is warned; null when untimed or no warning applies. */
  warnAt: number | null;
  warned: boolean;
}

/** A finished turn: what speaking time totals are computed from. */
export interface Speech extends Speaker {
  organisation: string;
  agendaItemId: string | null;
  startedAt: number;
  endedAt: number;
}

export interface QueueState {
  entries: QueueEntry[];
  turn: Turn | null;
  speeches: Speech[];
}
