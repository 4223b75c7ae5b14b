import type { ParticipantId, WorkshopState } from '@plenary/shared';
import { movesBetween } from '../domain/location.ts';
import { roleChanges } from '../domain/roster.ts';
import { participantKey, type RealtimeContext } from '../realtime/types.ts';
import type { Workshop } from '../sessions/workshopRegistry.ts';
import { assignAudience } from './audience.ts';

/**
 * After any change of a workshop, decided here or replayed from another node: puts this node's
 * connections where the change says. Their Socket.IO channels and media rooms live on this node,
 * so every node does this for its own connections, whichever node decided the change.
 *
 * Who moved and whose role changed are read off the two states. `before` is null when what came
 * before is not to be trusted (a replica jumped to a newer snapshot): everyone here is re-placed,
 * which does nothing for a connection already where it belongs.
 */
export function followChange(
  ctx: RealtimeContext,
  workshop: Workshop,
  before: WorkshopState | null,
  after: WorkshopState,
): void {
  const workshopId = workshop.id;
  if (before === null) {
    for (const socket of ctx.presence.socketsOf(workshopId)) {
      assignAudience(socket, after);
      ctx.moves.follow(socket, workshopId);
    }
    return;
  }
  const socketOf = (participantId: ParticipantId) => ctx.presence.socketOf(participantKey(workshopId, participantId));
  for (const participantId of roleChanges(before, after)) {
    const socket = socketOf(participantId);
    if (socket) assignAudience(socket, after);
  }
  // Everyone moved by this change goes at once: those bound for the same room enter it together
  // (see rooms/index.ts), so the registry and the room's other members hear of them once.
  for (const { participantId } of possibleMoves(before, after)) {
    const socket = socketOf(participantId);
    if (socket) ctx.moves.follow(socket, workshopId);
  }
}

/**
 * Where someone is follows from the roster, the breakouts and the plenary alone; the domain never
 * mutates, so a change that replaced none of them moved nobody (most changes: chat, queue, agenda).
 */
function possibleMoves(before: WorkshopState, after: WorkshopState): ReturnType<typeof movesBetween> {
  const unmoved =
    before.participants === after.participants &&
    before.breakouts === after.breakouts &&
    before.plenaryRoomId === after.plenaryRoomId;
  return unmoved ? [] : movesBetween(before, after);
}
