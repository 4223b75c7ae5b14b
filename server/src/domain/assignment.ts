import type { ParticipantId, RoomId } from '@plenary/shared';
import { type BreakoutSet, isDiscussant, type Participant, type WorkshopState } from './model.ts';
import { shuffle } from './random.ts';
import { normalise } from './state.ts';

/** What the strategies need to know about a person. */
export interface Assignee {
  id: ParticipantId;
  organisation: string;
  country: string;
}

export type Assignments = Record<ParticipantId, RoomId>;

/** Facilitators and observers are never placed automatically; everyone else is. */
export const isAutoAssignable = (participant: Participant): boolean => isDiscussant(participant.role);

export const assigneesOf = (state: WorkshopState): Assignee[] =>
  Object.values(state.participants).filter(isAutoAssignable);

/** Random groups of equal size (sizes differ by at most one); which rooms get one more is random too. */
export function assignRandom(
  people: readonly Assignee[],
  roomIds: readonly RoomId[],
  random: () => number,
): Assignments {
  const assignments: Assignments = {};
  if (roomIds.length === 0) return assignments;
  const rooms = shuffle(roomIds, random);
  shuffle(people, random).forEach((person, i) => {
    assignments[person.id] = rooms[i % rooms.length] as RoomId;
  });
  return assignments;
}

// Same-organisation pairs in a group weigh far more than same-country pairs: organisations must mix
// first, countries as well as they can after that.
const ORGANISATION_WEIGHT = 1000;

interface Group {
  roomId: RoomId;
  capacity: number;
  members: Assignee[];
  organisations: Map<string, number>;
  countries: Map<string, number>;
}

const count = (map: Map<string, number>, key: string): number => map.get(key) ?? 0;
const bump = (map: Map<string, number>, key: string, by: number): void => {
  map.set(key, count(map, key) + by);
};
const orgKey = (person: Assignee): string => normalise(person.organisation);
const countryKey = (person: Assignee): string => normalise(person.country);

function join(group: Group, person: Assignee): void {
  group.members.push(person);
  bump(group.organisations, orgKey(person), 1);
  bump(group.countries, countryKey(person), 1);
}

function leave(group: Group, person: Assignee): void {
  group.members = group.members.filter((m) => m.id !== person.id);
  bump(group.organisations, orgKey(person), -1);
  bump(group.countries, countryKey(person), -1);
}

/** What `person` adds to a group's cost by joining it (same-organisation and same-country pairs). */
const joinCost = (group: Group, person: Assignee): number =>
  count(group.organisations, orgKey(person)) * ORGANISATION_WEIGHT + count(group.countries, countryKey(person));

/**
 * Groups that mix organisations and countries: at most one person per organisation per group when
 * the organisation has no more members than there are groups, otherwise as evenly spread as
 * possible. Sizes differ by at most one. Deterministic for a given `random`.
 *
 * Greedy placement, largest organisations first, into the group where the person adds the fewest
 * same-organisation/same-country pairs; then pairwise swaps between groups while any lowers the
 * total number of such pairs.
 */
export function assignBalanced(
  people: readonly Assignee[],
  roomIds: readonly RoomId[],
  random: () => number,
): Assignments {
  if (roomIds.length === 0 || people.length === 0) return {};
  const base = Math.floor(people.length / roomIds.length);
  const extra = people.length % roomIds.length;
  const groups: Group[] = shuffle(roomIds, random).map((roomId, i) => ({
    roomId,
    capacity: base + (i < extra ? 1 : 0),
    members: [],
    organisations: new Map(),
    countries: new Map(),
  }));

  const byOrganisation = new Map<string, Assignee[]>();
  for (const person of shuffle(people, random)) {
    const key = orgKey(person);
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), person]);
  }
  // Stable sort keeps the shuffled order among organisations of the same size.
  const organisations = [...byOrganisation.values()].sort((a, b) => b.length - a.length);
  for (const members of organisations) {
    for (const person of members) {
      let best: Group | undefined;
      for (const group of groups) {
        if (group.members.length >= group.capacity) continue;
        if (!best || isBetterFit(group, best, person)) best = group;
      }
      if (best) join(best, person);
    }
  }

  improveBySwaps(groups);

  const assignments: Assignments = {};
  for (const group of groups) for (const member of group.members) assignments[member.id] = group.roomId;
  return assignments;
}

function isBetterFit(candidate: Group, best: Group, person: Assignee): boolean {
  const a = joinCost(candidate, person);
  const b = joinCost(best, person);
  if (a !== b) return a < b;
  return candidate.members.length < best.members.length;
}

/** Change in total cost if `a` (in group `ga`) and `b` (in `gb`) swap groups. */
function swapDelta(ga: Group, a: Assignee, gb: Group, b: Assignee): number {
  let delta = 0;
  const parts: [string, string, Map<string, number>, Map<string, number>, number][] = [
    [orgKey(a), orgKey(b), ga.organisations, gb.organisations, ORGANISATION_WEIGHT],
    [countryKey(a), countryKey(b), ga.countries, gb.countries, 1],
  ];
  for (const [ka, kb, ma, mb, weight] of parts) {
    if (ka === kb) continue;
    // a leaves ga (loses pairs with the others of its kind there) and joins gb; b the other way.
    const change = -(count(ma, ka) - 1) + count(mb, ka) - (count(mb, kb) - 1) + count(ma, kb);
    delta += change * weight;
  }
  return delta;
}

function improveBySwaps(groups: Group[]): void {
  for (let pass = 0; pass < 50; pass++) {
    let improved = false;
    for (let gi = 0; gi < groups.length; gi++) {
      for (let gj = gi + 1; gj < groups.length; gj++) {
        const ga = groups[gi] as Group;
        const gb = groups[gj] as Group;
        for (const a of [...ga.members]) {
          for (const b of [...gb.members]) {
            if (!ga.members.includes(a)) break;
            if (swapDelta(ga, a, gb, b) < 0) {
              leave(ga, a);
              leave(gb, b);
              join(ga, b);
              join(gb, a);
              improved = true;
              break;
            }
          }
        }
      }
    }
    if (!improved) return;
  }
}

/**
 * Where someone arriving while the set is open goes: their assigned room if any; otherwise, for a
 * balanced set, the room they add the fewest same-organisation/same-country pairs to, then the
 * smallest; for other sets the smallest room. Ties go to the earlier room.
 */
export function placeLateJoiner(state: WorkshopState, set: BreakoutSet, person: Assignee): RoomId | undefined {
  const assigned = set.assignments[person.id];
  if (assigned) return assigned;
  const groups: Group[] = set.rooms.map((room) => ({
    roomId: room.id,
    capacity: Number.POSITIVE_INFINITY,
    members: [],
    organisations: new Map(),
    countries: new Map(),
  }));
  for (const [participantId, roomId] of Object.entries(set.assignments) as [ParticipantId, RoomId][]) {
    const member = state.participants[participantId];
    const group = groups.find((g) => g.roomId === roomId);
    if (member && group) join(group, member);
  }
  let best: Group | undefined;
  for (const group of groups) {
    if (!best) best = group;
    else if (set.mode === 'balanced' ? isBetterFit(group, best, person) : group.members.length < best.members.length) {
      best = group;
    }
  }
  return best?.roomId;
}
