import type { Participant, ParticipantId, PeerInfo, Role } from '@plenary/shared';

export interface PersonRow {
  id: ParticipantId;
  name: string;
  role: Role | null;
  organisation: string;
}

export interface OrganisationGroup {
  organisation: string;
  people: PersonRow[];
}

/** The people in a room, as the roster describes them (a peer the roster doesn't know yet keeps its room name). */
export function peopleInRoom(
  peers: readonly PeerInfo[],
  participants: Readonly<Record<string, Participant>> | undefined,
): PersonRow[] {
  return peers.map((peer) => {
    const known = participants?.[peer.participantId];
    return {
      id: peer.participantId,
      name: known?.name ?? peer.displayName,
      role: known?.role ?? null,
      organisation: known?.organisation.trim() ?? '',
    };
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Delegations together: organisations in alphabetical order (case and accents ignored, so "ministry
 * of health" and "Ministry of Health" are one group), people by name within each, and the people
 * without an organisation last (their group's organisation is empty: the list names it).
 */
export function groupByOrganisation(people: readonly PersonRow[]): OrganisationGroup[] {
  const groups = new Map<string, OrganisationGroup>();
  for (const person of people) {
    const organisation = person.organisation;
    const key = organisation ? organisation.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '') : '';
    const group = groups.get(key) ?? { organisation, people: [] };
    group.people.push(person);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a, groupA], [b, groupB]) =>
      a === '' ? 1 : b === '' ? -1 : collator.compare(groupA.organisation, groupB.organisation),
    )
    .map(([, group]) => ({ ...group, people: group.people.sort((x, y) => collator.compare(x.name, y.name)) }));
}
