import type { ParticipantId, RoomId } from '@plenary/shared';
import type { Whereabouts, WorkshopState } from './model.ts';
import { openSetOf, participantList } from './state.ts';

/** Someone whose whereabouts changed with a command: their socket follows them to the new room. */
export interface Move {
  participantId: ParticipantId;
  from: Whereabouts;
  to: Whereabouts;
}

const OFFLINE: Whereabouts = { location: { kind: 'offline' }, visiting: null };

/**
 * Where a participant is: offline, in the lobby, in the plenary, or in their breakout room while a
 * set is open. A chair or observer looking into a breakout room stays where they are and is listed
 * under `visiting`. Returns null for someone not on the roster.
 */
export function roomOf(state: WorkshopState, participantId: ParticipantId): Whereabouts | null {
  const participant = state.participants[participantId];
  if (!participant) return null;
  if (!participant.connected) return OFFLINE;
  if (!participant.admitted) return { location: { kind: 'lobby' }, visiting: null };
  const open = state.breakouts.open;
  const visiting = open?.visitors[participantId] ?? null;
  const set = openSetOf(state);
  const roomId = set?.assignments[participantId];
  if (set && roomId) return { location: { kind: 'breakout', roomId, setId: set.id }, visiting };
  return { location: { kind: 'plenary', roomId: state.plenaryRoomId }, visiting };
}

export interface Occupants {
  /** Connected participants who are in the room. */
  members: ParticipantId[];
  /** Connected chairs or observers looking in. */
  visitors: ParticipantId[];
}

/** Who is in a room right now (plenary or breakout). */
export function occupants(state: WorkshopState, roomId: RoomId): Occupants {
  const members: ParticipantId[] = [];
  const visitors: ParticipantId[] = [];
  for (const participant of participantList(state)) {
    const where = roomOf(state, participant.id);
    if (!where) continue;
    const { location } = where;
    if ((location.kind === 'plenary' || location.kind === 'breakout') && location.roomId === roomId) {
      members.push(participant.id);
    }
    if (where.visiting === roomId) visitors.push(participant.id);
  }
  return { members, visitors };
}

const sameWhereabouts = (a: Whereabouts, b: Whereabouts): boolean =>
  a.visiting === b.visiting &&
  a.location.kind === b.location.kind &&
  ('roomId' in a.location ? a.location.roomId : null) === ('roomId' in b.location ? b.location.roomId : null);

/** Everyone whose whereabouts differ between two states; newly registered people start offline. */
export function movesBetween(before: WorkshopState, after: WorkshopState): Move[] {
  const moves: Move[] = [];
  for (const participant of participantList(after)) {
    const from = roomOf(before, participant.id) ?? OFFLINE;
    const to = roomOf(after, participant.id) ?? OFFLINE;
    if (!sameWhereabouts(from, to)) moves.push({ participantId: participant.id, from, to });
  }
  return moves;
}
