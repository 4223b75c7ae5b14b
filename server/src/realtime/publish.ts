import { Fact, type WorkshopState } from '@plenary/shared';
import { movesBetween } from '../domain/location.ts';
import type { Workshop } from '../sessions/workshopRegistry.ts';
import type { Change } from '../sessions/workshopSession.ts';
import { assignAudience, followMove } from './roomSync.ts';
import { channel, participantKey, type RealtimeContext } from './types.ts';
import { planBroadcast, roleChanges } from './workshopBroadcast.ts';

/** After an accepted command is stored: tell everyone what changed, and move those who moved. */
export function publishChange(
  ctx: RealtimeContext,
  workshop: Workshop,
  { before, after }: Change<WorkshopState>,
): void {
  const workshopId = workshop.id;
  const socketOf = (participantId: string) => ctx.presence.socketOf(participantKey(workshopId, participantId as never));

  for (const participantId of roleChanges(before, after)) {
    const socket = socketOf(participantId);
    if (socket) assignAudience(socket, after);
  }

  // One emit per distinct payload: Socket.IO encodes a broadcast once for all its recipients.
  const plan = planBroadcast(before, after);
  const personal = plan.personal.flatMap((group) =>
    group.participantIds.map((participantId) => channel.participant(workshopId, participantId)),
  );
  ctx.io.to(channel.chairs(workshopId)).except(personal).emit(Fact.workshopChanged, plan.chairs);
  ctx.io.to(channel.others(workshopId)).except(personal).emit(Fact.workshopChanged, plan.public);
  for (const group of plan.personal) {
    const recipients = group.participantIds.map((participantId) => channel.participant(workshopId, participantId));
    ctx.io.to(recipients).emit(Fact.workshopChanged, group.change);
  }

  // Everyone moved by this change goes at once: those bound for the same room enter it together
  // (see RoomDoors), so the registry and the room's other members hear of them once.
  for (const move of movesBetween(before, after)) {
    const socket = socketOf(move.participantId);
    if (socket) followMove(ctx, socket, workshopId);
  }
}
