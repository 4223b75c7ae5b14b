import type { ParticipantId } from '../../ids.ts';

/**
 * One interval of presence (connected and admitted). An interval ends when the participant leaves,
 * when the current agenda item changes, or when the local date changes, so each interval belongs
 * to one day and one agenda item.
 */
export interface AttendanceRecord {
  participantId: ParticipantId;
  organisation: string;
  /** `YYYY-MM-DD` in the workshop's time zone. */
  date: string;
  agendaItemId: string | null;
  /** epoch ms */
  joinedAt: number;
  /** null while still present. */
  leftAt: number | null;
}
