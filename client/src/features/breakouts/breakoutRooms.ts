import type { BreakoutSet, ChatMessage, Participant, ParticipantId, RoomId, WorkshopView } from '@plenary/shared';
import { channelKey, isDiscussant } from '@plenary/shared';

export interface RoomRoster {
  roomId: RoomId;
  name: string;
  members: Participant[];
  rapporteurId: ParticipantId | null;
}

const byName = (a: Participant, b: Participant) => a.name.localeCompare(b.name);

/** Each room of a set with the people assigned to it (by name), and who is assigned nowhere. */
export function setRosters(
  set: BreakoutSet,
  participants: Readonly<Record<string, Participant>>,
): { rooms: RoomRoster[]; unassigned: Participant[] } {
  const rooms = set.rooms.map((room) => ({
    roomId: room.id,
    name: room.name,
    rapporteurId: room.rapporteurId,
    members: [] as Participant[],
  }));
  const index = new Map(rooms.map((room) => [room.roomId, room]));
  const unassigned: Participant[] = [];
  for (const person of Object.values(participants)) {
    // As the server's auto-assignment: discussants go to groups; chairs and observers visit.
    if (!isDiscussant(person.role)) continue;
    const roomId = set.assignments[person.id];
    const room = roomId ? index.get(roomId) : undefined;
    if (room) room.members.push(person);
    else unassigned.push(person);
  }
  for (const room of rooms) room.members.sort(byName);
  return { rooms, unassigned: unassigned.sort(byName) };
}

/** The facilitators' broadcasts kept in a room's chat, newest last. */
export function broadcastsIn(chat: WorkshopView['chat'], roomId: RoomId): ChatMessage[] {
  return (chat[channelKey({ kind: 'room', roomId })] ?? []).filter((message) => message.kind === 'broadcast');
}
