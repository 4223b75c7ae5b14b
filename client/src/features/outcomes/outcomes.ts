import {
  type BreakoutRoom,
  type BreakoutSet,
  isChair,
  OUTCOME_SECTIONS,
  type OutcomeSections,
  type OutcomeVersion,
  type ParticipantId,
  type RoomId,
  type RoomOutcomes,
  type WorkshopView,
} from '@plenary/shared';

export type OutcomesTone = 'empty' | 'draft' | 'submitted' | 'accepted';

export interface OutcomesStatus {
  tone: OutcomesTone;
  /** what the badge says (`outcomes:status.<label>`): a draft changed since a submission says so */
  label: OutcomesTone | 'draftChanged';
  /** the version the badge names, if any */
  version: number | null;
}

/** The status badge: where a group's outcomes stand. */
export function outcomesStatus(outcomes: RoomOutcomes | undefined): OutcomesStatus {
  if (!outcomes) return { tone: 'empty', label: 'empty', version: null };
  const latest = outcomes.versions.at(-1)?.version ?? 0;
  switch (outcomes.status) {
    case 'draft':
      return latest === 0
        ? { tone: 'draft', label: 'draft', version: null }
        : { tone: 'draft', label: 'draftChanged', version: latest };
    case 'submitted':
      return { tone: 'submitted', label: 'submitted', version: latest };
    case 'accepted':
      return { tone: 'accepted', label: 'accepted', version: outcomes.acceptedVersion ?? latest };
  }
}

/** What the group reported: the version a chair accepted, else the latest submitted (as the report does). */
export function reportedVersion(outcomes: RoomOutcomes | undefined): OutcomeVersion | null {
  if (!outcomes) return null;
  return (
    outcomes.versions.find((version) => version.version === outcomes.acceptedVersion) ??
    outcomes.versions.at(-1) ??
    null
  );
}

export const itemCount = (sections: OutcomeSections): number =>
  OUTCOME_SECTIONS.reduce((total, section) => total + sections[section].length, 0);

/** The room's rapporteur and the chairs keep its outcomes; everyone else reads them. */
export function canKeepOutcomes(workshop: WorkshopView, selfId: ParticipantId | null, roomId: RoomId): boolean {
  if (!selfId) return false;
  const self = workshop.participants[selfId];
  if (self && isChair(self.role)) return true;
  return workshop.breakouts.sets.some((set) =>
    set.rooms.some((room) => room.id === roomId && room.rapporteurId === selfId),
  );
}

export interface GroupRef {
  set: BreakoutSet;
  room: BreakoutRoom;
}

/**
 * The groups whose outcomes this person sees in the Outcomes tab: the breakout room they are in
 * now, else every group they were assigned to or report for, the latest set first.
 */
export function myGroups(
  workshop: WorkshopView,
  selfId: ParticipantId | null,
  currentRoomId: RoomId | null,
): GroupRef[] {
  const groups: GroupRef[] = [];
  for (const set of [...workshop.breakouts.sets].reverse()) {
    for (const room of set.rooms) {
      const mine = selfId !== null && (set.assignments[selfId] === room.id || room.rapporteurId === selfId);
      if (room.id === currentRoomId) return [{ set, room }];
      if (mine) groups.push({ set, room });
    }
  }
  return groups;
}

/** The people assigned to a room, by name. */
export function roomMembers(workshop: WorkshopView, set: BreakoutSet, roomId: RoomId) {
  return Object.values(workshop.participants)
    .filter((person) => set.assignments[person.id] === roomId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether this text was already put to the plenary from this room. */
export const alreadyPut = (workshop: WorkshopView, roomId: RoomId, text: string): boolean =>
  workshop.proposals.some((proposal) => proposal.fromRoomId === roomId && proposal.text.trim() === text.trim());

/** The items as they will be saved: trimmed, without empty ones. */
export const cleanItems = (items: readonly string[]): string[] =>
  items.map((item) => item.trim()).filter((item) => item.length > 0);
