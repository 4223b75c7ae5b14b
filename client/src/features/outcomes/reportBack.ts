import type { OutcomeVersion, ParticipantId, RoomId, Turn, WorkshopView } from '@plenary/shared';
import { reportedVersion } from './outcomes.ts';

export interface ReportingNow {
  setName: string;
  roomId: RoomId;
  roomName: string;
  /** 1-based place of this group in the set, of `total` */
  position: number;
  total: number;
  rapporteurId: ParticipantId | null;
  rapporteurName: string | null;
  /** what the group reported (accepted, else latest submitted); null when nothing was submitted */
  version: OutcomeVersion | null;
  /** the rapporteur's turn, while it runs */
  turn: Turn | null;
}

/** The group reporting back now, with what the plenary should see of it; null when no report-back runs. */
export function reportingNow(workshop: WorkshopView): ReportingNow | null {
  const reportBack = workshop.reportBack;
  if (!reportBack) return null;
  const set = workshop.breakouts.sets.find((candidate) => candidate.id === reportBack.setId);
  const roomId = reportBack.order[reportBack.index];
  const room = set?.rooms.find((candidate) => candidate.id === roomId);
  if (!set || !room) return null;
  const rapporteurId = room.rapporteurId;
  const turn = workshop.queue.turn;
  return {
    setName: set.name,
    roomId: room.id,
    roomName: room.name,
    position: reportBack.index + 1,
    total: reportBack.order.length,
    rapporteurId,
    rapporteurName: rapporteurId ? (workshop.participants[rapporteurId]?.name ?? null) : null,
    version: reportedVersion(workshop.outcomes[room.id]),
    turn: turn && turn.participantId === rapporteurId ? turn : null,
  };
}

export interface ReadyGroups {
  /** rooms with a rapporteur: only they are given the floor */
  reporting: number;
  rooms: number;
  submitted: number;
}

/** Before starting: how many of a set's groups will report, and how many have submitted outcomes. */
export function readyGroups(workshop: WorkshopView, setId: string): ReadyGroups {
  const set = workshop.breakouts.sets.find((candidate) => candidate.id === setId);
  const rooms = set?.rooms ?? [];
  return {
    reporting: rooms.filter((room) => room.rapporteurId && workshop.participants[room.rapporteurId]).length,
    rooms: rooms.length,
    submitted: rooms.filter((room) => (workshop.outcomes[room.id]?.versions.length ?? 0) > 0).length,
  };
}
