import type { WorkshopState } from '@plenary/shared';
import { movesBetween } from '../domain/location.ts';
import { assignAudience, followMove } from '../realtime/roomSync.ts';
import { participantKey, type RealtimeContext } from '../realtime/types.ts';
import { roleChanges } from '../realtime/workshopBroadcast.ts';
import type { Workshop } from '../sessions/workshopRegistry.ts';
import type { Change } from '../sessions/workshopSession.ts';

/**
 * A change another node decided, replayed here. That node has told every client, on every node,
 * through the Redis adapter (`publishChange`); what it cannot do is move this node's connections:
 * their Socket.IO channels and media rooms live here. This is the local half of `publishChange`,
 * for this node's own connections: keep the two in step.
 */
export function followReplicatedChange(
  ctx: RealtimeContext,
  workshop: Workshop,
  { before, after, entry }: Change<WorkshopState>,
): void {
  if (entry === null) {
    // Jumped to a newer snapshot: the events in between are unknown, so everyone here is re-placed
    // (both steps do nothing for a connection already where it belongs).
    for (const socket of ctx.presence.socketsOf(workshop.id)) {
      assignAudience(socket, after);
      followMove(ctx, socket, workshop.id);
    }
    return;
  }
  const socketOf = (participantId: string) =>
    ctx.presence.socketOf(participantKey(workshop.id, participantId as never));
  for (const participantId of roleChanges(before, after)) {
    const socket = socketOf(participantId);
    if (socket) assignAudience(socket, after);
  }
  for (const move of movesBetween(before, after)) {
    const socket = socketOf(move.participantId);
    if (socket) followMove(ctx, socket, workshop.id);
  }
}
