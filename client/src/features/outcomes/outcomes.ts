import {
  type BreakoutRoom,
  type BreakoutSet,
  isChair,
  OUTCOME_SECTIONS,
  type OutcomeSection,
  type OutcomeSections,
  type OutcomeVersion,
  type ParticipantId,
  type RoomId,
  type RoomOutcomes,
  type WorkshopView,
} from '@plenary/shared';

/** As the report titles them. */
export const SECTION_TITLES: Record<OutcomeSection, string> = {
  challenges: 'Challenges',
  solutions: 'Possible solutions',
  trends: 'Future trends',
  proposals: 'Proposals',
};

/** One item of a section, for "Add a …" and item labels. */
export const SECTION_ITEM: Record<OutcomeSection, string> = {
  challenges: 'challenge',
  solutions: 'solution',
  trends: 'trend',
  proposals: 'proposal',
};

export type OutcomesTone = 'empty' | 'draft' | 'submitted' | 'accepted';

/** The status badge: where a group's outcomes stand. */
export function outcomesStatus(outcomes: RoomOutcomes | undefined): { tone: OutcomesTone; text: string } {
  if (!outcomes) return { tone: 'empty', text: 'Nothing yet' };
  const latest = outcomes.versions.at(-1)?.version ?? 0;
  switch (outcomes.status) {
    case 'draft':
      return { tone: 'draft', text: latest === 0 ? 'Draft' : `Draft (changed since version ${latest})` };
    case 'submitted':
      return { tone: 'submitted', text: `Submitted (version ${latest})` };
    case 'accepted':
      return { tone: 'accepted', text: `Accepted (version ${outcomes.acceptedVersion ?? latest})` };
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
